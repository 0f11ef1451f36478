import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { runCli as cli } from '../support/cli';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

describe('npm run cli (a real child process on a SQLite file)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'hg-cli-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'x.sqlite')}`, LOG_LEVEL: 'error' };
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it('imports, refuses a bad file with line numbers and exit 1, prunes, lists and exports', async () => {
    const ok = await cli(['staff', 'import', fixture('staff.csv')], env);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.contain('新增 4 人，更新 0 人');

    const bad = await cli(['staff', 'import', fixture('staff-bad.csv')], env);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.contain('第 3 行：姓名为空').and.contain('第 4 行：角色「boss」无效').and.contain('第 8 行').and.contain('未写入任何数据');
    expect(bad.stderr).to.not.match(/\n\s+at /);

    const pruned = await cli(['staff', 'import', '--prune', file('one.csv', 'name,window,role,wecom_userid,dingtalk_userid,mobile\r\n张三,1号窗口,,zhangsan,,\r\n')], env);
    expect(pruned.code, pruned.stderr).to.equal(0);
    expect(pruned.stdout).to.contain('更新 1 人').and.contain('停用 3 人');

    const list = await cli(['staff', 'list', '--all'], env);
    expect(list.code, list.stderr).to.equal(0);
    expect(list.stdout).to.match(/^name\s+window\s+role\s+wecom_userid\s+dingtalk_userid\s+mobile\s+status\n/);
    expect(list.stdout).to.contain('欧阳, 娜娜').and.contain('inactive').and.contain('共 4 人（在用 1，停用 3）');

    const csv = join(dir, 'r.csv');
    const exported = await cli(['export', '--from', '2026-11-01', '--to', '2026-11-22', '--out', csv], env);
    expect(exported.code, exported.stderr).to.equal(0);
    expect(exported.stdout).to.contain('体温记录 0 条').and.contain(csv);
    expect(readFileSync(csv, 'utf8')).to.equal('\uFEFFdate,slot,name,window,temperature,health_code,symptoms,status,reported_at,reported_by\r\n');

    const xlsx = join(dir, 'r.xlsx');
    expect((await cli(['export', '--from', '2026-11-01', '--to', '2026-11-22', '--out', xlsx, '--history'], env)).code).to.equal(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((s) => s.name)).to.deep.equal(['reports', 'alerts', 'rosters', '消杀记录', '物资台账', 'visitor_anomalies']);

    const visitors = join(dir, 'visitors.csv');
    const personal = await cli(['export', 'visitors', '--from', '2026-11-01', '--to', '2026-11-22', '--out', visitors], env);
    expect(personal.code, personal.stderr).to.equal(0);
    expect(personal.stdout).to.contain('访客登记 0 条').and.contain(visitors);
    const audited = await cli(['audit', '--from', '2026-01-01'], env);
    expect(audited.code, audited.stderr).to.equal(0);
    expect(audited.stdout).to.contain('导出体温报表').and.contain('导出访客登记').and.contain(visitors);
  });

  it('exits 2 with the usage on a usage error, 0 on --help, 1 naming the variable on bad configuration', async () => {
    const [unknown, option, help, config] = await Promise.all([
      cli(['nonsense'], env),
      cli(['staff', 'import', 'a.csv', '--purge'], env),
      cli(['--help'], env),
      cli(['staff', 'list'], { DATABASE_URL: 'mysql://nowhere' }),
    ]);
    expect([unknown.code, option.code, help.code, config.code]).to.deep.equal([2, 2, 0, 1]);
    expect(unknown.stderr).to.contain('unknown command "nonsense"').and.contain('npm run cli -- export');
    expect(option.stderr).to.contain("'--purge'").and.contain('npm run cli -- staff import <file.csv> [--prune]');
    for (const command of ['staff import', 'staff list', 'export', 'export visitors', 'audit', 'jobs', 'calendar', 'outbox']) expect(help.stdout).to.contain(`npm run cli -- ${command}`);
    expect(config.stderr).to.contain('DATABASE_URL').and.not.match(/\n\s+at /);
  });
});
