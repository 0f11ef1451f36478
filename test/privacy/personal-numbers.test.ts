import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { exportCommand } from '../../bot/cli/export';
import { incidentCommand } from '../../bot/cli/incident';
import { captureLog } from '../support/capture-log';
import { runInHall } from '../support/cli';
import { DashboardVisitor } from '../support/dashboard';
import { doorHall } from '../support/door';
import { readDocx } from '../support/docx';
import { PLATFORMS, type Hall } from '../support/hall';
import { fullNumberFinder, idSpelling, phoneSpelling, randomId, randomPhone, seeded, storedTexts } from '../support/personal-data';

const SURNAMES = ['陈', '林', '黄', '吴', '徐', '胡', '朱', '高', '罗', '梁'];
const GIVEN = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
/** Messages per platform: 4 platforms × 100 = 400 phone spellings, 160 ID numbers. */
const PER_PLATFORM = 100;

/** One generated message: who sends it, the text, and the visitor it must register (the door keeps the phone in full there alone). */
interface Case {
  from: string;
  text: string;
  phone: string;
  id: string;
  visitor?: string;
}

/** Every way a number reaches the bot: the door (with and without an ID number), a reading's note, an alert's note, a manual incident, a step, disinfection, bare text. */
const TEMPLATES: ((name: string, phone: string, id: string) => Omit<Case, 'phone' | 'id'>)[] = [
  (name, phone) => ({ from: 'qianmw', text: `登记 ${name} ${phone} 36.5 绿码`, visitor: name }),
  (name, phone, id) => ({ from: 'qianmw', text: `访客 ${name} ${phone} 住址 幸福小区 身份证 ${id} 37.6 咳嗽`, visitor: name }),
  (name, phone, id) => ({ from: 'qianmw', text: `登记 ${name} 身份证号：${id} ${phone}`, visitor: name }),
  (_, phone) => ({ from: 'zhaoliu', text: `体温 36.6 家属电话 ${phone}` }),
  (_, phone, id) => ({ from: 'wangwu', text: `处置 1 已电话联系家属 ${phone}，身份证 ${id}` }),
  (_, phone) => ({ from: 'wangwu', text: `进展 1 隔离 已通知家属 ${phone}` }),
  (_, phone) => ({ from: 'wangwu', text: `消杀 公共区域 完成 联系人${phone}` }),
  (_, phone, id) => ({ from: 'zhangsan', text: `你好 我的电话${phone} 身份证${id}` }),
  (_, phone) => ({ from: 'qianmw', text: phone }),
  (_, phone) => ({ from: 'wangwu', text: `启动应急 门口一名群众发热，电话 ${phone}` }),
];

function casesFor(platformIndex: number): Case[] {
  const rng = seeded(2100 + platformIndex);
  return Array.from({ length: PER_PLATFORM }, (_, i) => {
    const phone = randomPhone(rng);
    const id = randomId(rng);
    const name = `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}${GIVEN[(i * 7 + platformIndex) % 10]}`;
    return { ...TEMPLATES[i % TEMPLATES.length](name, phoneSpelling(rng, phone), idSpelling(rng, id)), phone, id };
  });
}

/** The leader's dashboard, the report export (xlsx, every sheet) and the Word report of every incident: what leaves the database on request. */
async function pagesAndExports(hall: Hall): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hg-numbers-'));
  const leader = new DashboardVisitor(hall);
  const texts = [(await leader.open(await leader.link('wangwu'))).body];
  const xlsx = join(dir, 'report.xlsx');
  expect((await runInHall(hall, exportCommand, ['--from', '2026-11-23', '--to', '2026-11-23', '--out', xlsx])).code).to.equal(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  book.eachSheet((sheet) => sheet.eachRow((row) => texts.push(JSON.stringify(row.values))));
  const incidents = await hall.service.db.all<{ id: unknown }>('SELECT id FROM incident ORDER BY id LIMIT 2');
  for (const { id } of incidents) {
    const docx = join(dir, `incident-${id}.docx`);
    expect((await runInHall(hall, incidentCommand, ['report', String(id), '--out', docx])).code).to.equal(0);
    texts.push((await readDocx(readFileSync(docx))).text);
  }
  return texts;
}

PLATFORMS.forEach((platform, p) => {
  describe(`phone and ID numbers in any spelling, through ${platform}: the full number only in the visitor record`, function () {
    this.timeout(120_000);
    let hall: Hall;
    let logs: ReturnType<typeof captureLog>;
    beforeEach(async () => {
      logs = captureLog();
      hall = await doorHall({ platform, now: '2026-11-23T09:00:00+08:00', log: logs.log });
    });
    afterEach(() => hall.close());

    it(`${PER_PLATFORM} generated spellings: read by the door, masked in every other table, in everything sent, logged, shown and exported`, async () => {
      await hall.send('zhangsan', '体温 38.6 咳嗽');
      const cases = casesFor(p);
      const replies: string[] = [];
      for (const [i, c] of cases.entries()) {
        hall.clock.set(new Date(Date.parse('2026-11-23T09:05:00+08:00') + i * 60_000).toISOString());
        const { reply } = await hall.send(c.from, c.text);
        replies.push(reply ?? '');
      }
      await hall.deliver();

      // One reading: whatever the door was given, it registered with the phone as the grammar read it.
      for (const c of cases.filter((x) => x.visitor)) {
        const rows = await hall.service.db.all<{ phone: string }>('SELECT phone FROM visitor WHERE name = ?', [c.visitor]);
        expect(rows.map((r) => r.phone), c.text).to.deep.equal([c.phone]);
      }
      const kept = await storedTexts(hall.service.db, ['visitor']);
      const visitorRows = (await storedTexts(hall.service.db)).filter((t) => t.table === 'visitor');
      const sent = [...replies, ...hall.received.map((call) => JSON.stringify(call))];
      const logged = logs.lines.map((line) => JSON.stringify(line));
      const shown = await pagesAndExports(hall);
      const fullNumber = fullNumberFinder(cases.flatMap((c) => [c.phone, c.id]));
      const spelt = (n: string) => cases.find((c) => c.phone === n || c.id === n)?.text;
      for (const { table, text } of kept) {
        const found = fullNumber(text);
        expect(found, `${table} holds ${found} (sent as ${JSON.stringify(spelt(found!))}): ${text}`).to.equal(undefined);
      }
      const ids = fullNumberFinder(cases.map((c) => c.id));
      for (const { text } of visitorRows) expect(ids(text), 'the visitor record holds an ID number').to.equal(undefined);
      for (const text of [...sent, ...logged, ...shown]) {
        const found = fullNumber(text);
        expect(found, `sent, logged or shown: ${found} (sent as ${JSON.stringify(spelt(found!))}) in ${text.slice(0, 300)}`).to.equal(undefined);
      }
    });
  });
});
