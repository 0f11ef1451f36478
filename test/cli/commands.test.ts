import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { CliCommand } from '../../bot/cli/context';
import { exportCommand } from '../../bot/cli/export';
import { staffCommand } from '../../bot/cli/staff';
import { loadConfig } from '../../bot/config';
import type { Database } from '../../bot/db/database';
import { runCommand } from '../support/cli';
import { openTestDatabase } from '../support/db';

describe('cli commands, in process', () => {
  let db: Database;
  const dir = mkdtempSync(join(tmpdir(), 'hg-commands-'));
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  const run = (command: CliCommand, argv: string[]) => runCommand({ db, config: loadConfig({}) }, command, argv);
  const exportTo = (from: string, to: string, out: string) => run(exportCommand, ['--from', from, '--to', to, '--out', out]);

  it('refuses export dates that are not real, a range that runs backwards, and other file types, as usage errors', async () => {
    const csv = join(dir, 'r.csv');
    expect(await exportTo('2026-11-31', '2026-12-01', csv)).to.deep.equal({ code: 2, text: '--from takes a real date written YYYY-MM-DD, not "2026-11-31"' });
    expect(await exportTo('2026-11-01', '2026/11/22', csv)).to.deep.equal({ code: 2, text: '--to takes a real date written YYYY-MM-DD, not "2026/11/22"' });
    expect(await exportTo('2027-02-29', '2027-03-01', csv)).to.include({ code: 2 });
    expect(await exportTo('2026-11-22', '2026-11-01', csv)).to.deep.equal({ code: 2, text: '--from 2026-11-22 is after --to 2026-11-01' });
    expect(await exportTo('2026-11-01', '2026-11-22', join(dir, 'r.pdf'))).to.include({ code: 2 }).and.property('text').contain('.csv or .xlsx');
    expect(await run(exportCommand, ['--from', '2026-11-01'])).to.include({ code: 2 }).and.property('text').contain('--to');
  });

  it('exports a single day (from = to) and says how many rows went where', async () => {
    const out = join(dir, 'day.XLSX');
    const result = await exportTo('2028-02-29', '2028-02-29', out);
    expect(result).to.deep.equal({ code: 0, text: `已导出 2028-02-29 至 2028-02-29 的体温记录 0 条，异常 0 条，排班 0 条，访客异常 0 条 → ${out}` });
  });

  it('says which file it cannot write', async () => {
    expect(await exportTo('2026-11-01', '2026-11-22', join(dir, 'missing', 'r.csv'))).to.include({ code: 1 }).and.property('text').match(/^cannot write .*missing/);
  });

  it('refuses a missing file and a GBK file without writing', async () => {
    expect(await run(staffCommand, ['import', join(dir, 'nope.csv')])).to.include({ code: 1 }).and.property('text').contain('cannot read');
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.concat([Buffer.from('name,window,role,wecom_userid,dingtalk_userid,mobile\n'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(',,,zs,,\n')]));
    expect(await run(staffCommand, ['import', gbk])).to.include({ code: 1 }).and.property('text').contain('不是 UTF-8');
    expect(Number((await db.all<{ n: unknown }>('SELECT count(*) AS n FROM staff'))[0].n)).to.equal(0);
  });

  it('prints every bad row and the summary in the error, and the counts on success', async () => {
    const bad = await run(staffCommand, ['import', new URL('../fixtures/staff-bad.csv', import.meta.url).pathname]);
    expect(bad.code).to.equal(1);
    expect(bad.text.split('\n').map((l) => l.split('：')[0])).to.deep.equal(['第 3 行', '第 4 行', '第 6 行', '第 7 行', '第 8 行', '导入失败']);
    const ok = await run(staffCommand, ['import', new URL('../fixtures/staff.csv', import.meta.url).pathname, '--prune']);
    expect(ok).to.deep.equal({ code: 0, text: '导入完成：新增 4 人，更新 0 人，未变 0 人，停用 0 人。' });
  });

  it('answers an unknown staff action and a missing file name with the usage', async () => {
    expect(await run(staffCommand, ['remove'])).to.include({ code: 2 });
    expect(await run(staffCommand, ['import'])).to.include({ code: 2 });
  });
});
