import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../support/cli';

const cli = runCli;

describe('npm run cli', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'hg-cli-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'hall.sqlite')}` };
  const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

  it('imports a staff file, lists it, refuses a bad one with line numbers, and exports', async () => {
    const ok = await cli(['staff', 'import', fixture('staff.csv')], env);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.contain('新增 4 人');

    const bad = await cli(['staff', 'import', fixture('staff-bad.csv')], env);
    expect(bad.code).to.equal(1);
    expect(bad.stdout).to.contain('第 3 行').and.contain('第 8 行');
    expect(bad.stderr).to.contain('未写入任何数据');

    const list = await cli(['staff', 'list'], env);
    expect(list.stdout).to.contain('张三').and.contain('欧阳, 娜娜').and.contain('共 4 人');

    const out = join(dir, 'r.csv');
    const exported = await cli(['export', '--from', '2026-11-01', '--to', '2026-11-22', '--out', out], env);
    expect(exported.code, exported.stderr).to.equal(0);
    expect(readFileSync(out, 'utf8')).to.equal('\uFEFFdate,slot,name,window,temperature,health_code,symptoms,status,reported_at,reported_by\r\n');
  });

  it('answers a usage error with exit code 2 and a configuration error with the variable named', async () => {
    expect((await cli(['export', '--from', '2026-11-31', '--to', '2026-11-22', '--out', 'x.csv'], env)).code).to.equal(2);
    expect((await cli(['nonsense'], env)).code).to.equal(2);
    const config = await cli(['staff', 'list'], { DATABASE_URL: 'mysql://nowhere' });
    expect(config.code).to.equal(1);
    expect(config.stderr).to.contain('DATABASE_URL');
  });
});
