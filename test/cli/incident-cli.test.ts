import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../support/cli';
import { readDocx } from '../support/docx';
import type { Hall } from '../support/hall';
import { hallWithGroups, incidentUnderWay } from '../support/incident-hall';
import { wecomEnv } from '../support/wecom-client';

describe('npm run cli -- incident report', function () {
  this.timeout(60_000);
  let hall: Hall;
  let env: Record<string, string>;
  let dir: string;

  before(async () => {
    hall = await hallWithGroups({ shareable: true });
    await incidentUnderWay(hall);
    env = { ...wecomEnv(hall.fake.url), DATABASE_URL: hall.databaseUrl, LOG_LEVEL: 'error', HALL_NAME: '台州市行政服务中心' };
  });
  after(() => hall.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hg-incident-'));
  });

  it('writes the report of an incident as a .docx that a reader opens, with the case, each step and the contacts', async () => {
    const out = join(dir, 'report.docx');
    const run = await runCli(['incident', 'report', '1', '--out', out], env);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('#1').and.contain(out);
    expect(await hall.count('audit_entry', "action = 'export-incident-report' AND actor LIKE 'cli%' AND detail LIKE ?", [`%${out}`])).to.equal(1);
    const doc = await readDocx(readFileSync(out));
    expect(doc.parts).to.include.members(['[Content_Types].xml', 'word/document.xml']);
    expect(doc.text.startsWith('台州市行政服务中心'), 'HALL_NAME heads the report').to.equal(true);
    expect(doc.text).to.contain('报送单位：台州市行政服务中心');
    for (const fact of ['张三（1号窗口）', '38.2℃', '咳嗽', '2. 迅速隔离', '已送隔离室', '3. 定点送医', '7. 组织善后', '赵六', '36.6℃', '已排除', '（王五']) {
      expect(doc.documentXml, fact).to.contain(fact);
    }
  });

  it('refuses an unknown incident, a missing --out and a path it cannot write, writing nothing', async () => {
    const unknown = await runCli(['incident', 'report', '9', '--out', join(dir, 'r.docx')], env);
    expect(unknown.code).to.equal(1);
    expect(unknown.stderr).to.contain('没有 9 号应急事件');
    expect(existsSync(join(dir, 'r.docx'))).to.equal(false);

    const missing = await runCli(['incident', 'report', '1'], env);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain('--out is required').and.contain('incident report <编号> --out report.docx');

    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const target = process.getuid?.() === 0 ? join(dir, 'no-such-dir', 'r.docx') : join(locked, 'r.docx');
    const unwritable = await runCli(['incident', 'report', '1', '--out', target], env);
    expect(unwritable.code).to.equal(1);
    expect(unwritable.stderr).to.contain(`cannot write ${target}`);

    const notWord = await runCli(['incident', 'report', '1', '--out', join(dir, 'r.pdf')], env);
    expect(notWord.code).to.equal(2);
    expect(notWord.stderr).to.contain('.docx');
    expect(await hall.count('audit_entry')).to.equal(1);
  });
});
