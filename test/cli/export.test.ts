import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Database } from '../../bot/db/database';
import { toCsv } from '../../bot/export/format';
import { writeExport } from '../../bot/export/write';
import { parse } from 'csv-parse/sync';
import { openTestDatabase, seedStaff } from '../support/db';

const HEADER = 'date,slot,name,window,temperature,health_code,symptoms,status,reported_at,reported_by';
const range = (from: string, to: string, history = false) => ({ from, to, history, timezone: 'Asia/Shanghai' });

describe('export', () => {
  let db: Database;
  let dir: string;
  let insertReport: (r: { staff: number; by?: number; date: string; slot: string; t: number; code?: string; symptoms?: string; status?: string; at: string; superseded?: string }) => Promise<number>;

  const insert = async (sql: string, params: unknown[]) => Number((await db.all<{ id: unknown }>(`${sql} RETURNING id`, params))[0].id);

  beforeEach(async () => {
    db = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'hg-export-'));
    const [zhang, li, wang, zhao, ouyang] = await seedStaff(db, [
      { name: '张三', window: '1号窗口', wecomUserId: 'zhangsan' },
      { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi' },
      { name: '王五', window: '10号窗口', role: 'leader', wecomUserId: 'wangwu' },
      { name: '赵六', window: '2号窗口', wecomUserId: 'zhaoliu' },
      { name: '欧阳, "娜娜"', window: '2号窗口', dingtalkUserId: 'ouyang' },
    ]);
    insertReport = (r) =>
      insert(
        `INSERT INTO report (staff_id, date, slot, temperature, health_code, symptoms, status, reported_by_id, platform, received_at, superseded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'wecom', ?, ?)`,
        [r.staff, r.date, r.slot, r.t, r.code ?? null, r.symptoms ?? null, r.status ?? 'normal', r.by ?? r.staff, r.at, r.superseded ?? null],
      );
    await insertReport({ staff: zhang, date: '2026-11-19', slot: 'leave', t: 36.2, at: '2026-11-19T09:00:00.000Z' });
    await insertReport({ staff: zhang, date: '2026-11-21', slot: 'leave', t: 36.6, at: '2026-11-21T09:31:00.000Z' });
    await insertReport({ staff: zhang, date: '2026-11-20', slot: 'morning', t: 36.5, code: 'green', symptoms: '', at: '2026-11-20T00:01:02.000Z' });
    await insertReport({ staff: zhang, date: '2026-11-21', slot: 'morning', t: 37, at: '2026-11-21T00:00:00.000Z', superseded: '2026-11-21T00:10:00.000Z' });
    const fever = await insertReport({ staff: zhang, by: li, date: '2026-11-21', slot: 'morning', t: 37.8, code: 'yellow', symptoms: '咳嗽、乏力', status: 'critical', at: '2026-11-21T00:10:00.000Z' });
    await insertReport({ staff: wang, date: '2026-11-21', slot: 'morning', t: 36.3, at: '2026-11-21T00:20:00.000Z' });
    await insertReport({ staff: zhao, date: '2026-11-21', slot: 'midday', t: 36.7, code: 'red', status: 'critical', at: '2026-11-21T04:00:00.000Z' });
    await insertReport({ staff: ouyang, date: '2026-11-21', slot: 'morning', t: 36.5, at: '2026-11-21T00:05:00.000Z' });
    await insertReport({ staff: li, date: '2026-11-21', slot: 'leave', t: 36.4, at: '2026-11-21T09:30:00.000Z' });
    await insertReport({ staff: li, date: '2026-11-22', slot: 'morning', t: 36.6, at: '2026-11-22T00:00:00.000Z' });
    await insertReport({ staff: li, date: '2026-11-23', slot: 'morning', t: 36.6, at: '2026-11-23T00:00:00.000Z' });

    const alert = (report: number, staff: number, opened: string, ack: [number, string, string] | null = null) =>
      insert(
        `INSERT INTO alert (report_id, staff_id, severity, reasons, instruction, status, opened_at, push_count, acknowledged_by_id, acknowledged_at, ack_note)
         VALUES (?, ?, 'critical', '体温 37.8℃、黄码', '立即到隔离区, 拨打120', ?, ?, 1, ?, ?, ?)`,
        [report, staff, ack ? 'acknowledged' : 'open', opened, ack?.[0] ?? null, ack?.[1] ?? null, ack?.[2] ?? null],
      );
    await alert(fever, zhang, '2026-11-19T15:59:59.000Z');
    await alert(fever, zhang, '2026-11-21T00:10:00.000Z', [wang, '2026-11-21T00:30:00.000Z', '已安排居家观察']);
    await alert(fever, zhang, '2026-11-22T16:30:00.000Z');

    const roster = async (date: string, window: string, by: number, names: number[], opts: { closed?: boolean; late?: boolean; superseded?: string } = {}) => {
      const id = await insert(
        'INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late, superseded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [date, window, opts.closed ?? false, by, '2026-11-20T07:00:00.000Z', opts.late ?? false, opts.superseded ?? null],
      );
      for (const staff of names) await db.run('INSERT INTO roster_entry (roster_id, staff_id) VALUES (?, ?)', [id, staff]);
    };
    await roster('2026-11-21', '10号窗口', wang, [wang]);
    await roster('2026-11-21', '1号窗口', li, [li], { superseded: '2026-11-20T08:30:00.000Z' });
    await roster('2026-11-21', '1号窗口', li, [zhang, li], { late: true });
    await roster('2026-11-21', '2号窗口', zhao, [], { closed: true });
    await roster('2026-11-24', '1号窗口', li, [zhang]);
  });
  afterEach(() => db.close());

  it('writes CSV with a BOM, exactly the SPEC header and CRLF, one row per current report, by date, window, name and slot', async () => {
    const out = join(dir, 'r.csv');
    expect(await writeExport(db, range('2026-11-20', '2026-11-21'), out)).to.deep.equal({ reports: 7, alerts: 0, rosters: 0, visitorAnomalies: 0 });
    expect(readFileSync(out, 'utf8')).to.equal(
      '\uFEFF' +
        [
          HEADER,
          '2026-11-20,晨检,张三,1号窗口,36.5,绿码,,normal,2026-11-20T08:01:02+08:00,张三',
          '2026-11-21,离岗,李四,1号窗口,36.4,,,normal,2026-11-21T17:30:00+08:00,李四',
          '2026-11-21,晨检,张三,1号窗口,37.8,黄码,咳嗽、乏力,critical,2026-11-21T08:10:00+08:00,李四',
          '2026-11-21,离岗,张三,1号窗口,36.6,,,normal,2026-11-21T17:31:00+08:00,张三',
          '2026-11-21,晨检,"欧阳, ""娜娜""",2号窗口,36.5,,,normal,2026-11-21T08:05:00+08:00,"欧阳, ""娜娜"""',
          '2026-11-21,午检,赵六,2号窗口,36.7,红码,,critical,2026-11-21T12:00:00+08:00,赵六',
          '2026-11-21,晨检,王五,10号窗口,36.3,,,normal,2026-11-21T08:20:00+08:00,王五',
          '',
        ].join('\r\n'),
    );
  });

  it('writes a 全员测温 answer as slot 加测, after the daily checks of that person and day', async () => {
    const [zhang] = await db.all<{ id: unknown }>("SELECT id FROM staff WHERE name = '张三'");
    await insertReport({ staff: Number(zhang.id), date: '2026-11-20', slot: 'extra', t: 37.6, status: 'critical', at: '2026-11-20T01:30:00.000Z' });
    const out = join(dir, 'x.csv');
    await writeExport(db, range('2026-11-20', '2026-11-20'), out);
    expect(readFileSync(out, 'utf8').split('\r\n').slice(1, 3)).to.deep.equal([
      '2026-11-20,晨检,张三,1号窗口,36.5,绿码,,normal,2026-11-20T08:01:02+08:00,张三',
      '2026-11-20,加测,张三,1号窗口,37.6,,,critical,2026-11-20T09:30:00+08:00,张三',
    ]);
  });

  it('includes a corrected report only with --history, before the one that replaced it', async () => {
    const current = join(dir, 'c.csv');
    const history = join(dir, 'h.csv');
    await writeExport(db, range('2026-11-21', '2026-11-21'), current);
    expect((await writeExport(db, range('2026-11-21', '2026-11-21', true), history)).reports).to.equal(7);
    expect(readFileSync(current, 'utf8')).to.not.contain(',37.0,');
    const zhangMorning = readFileSync(history, 'utf8').split('\r\n').filter((l) => l.includes('晨检,张三'));
    expect(zhangMorning.map((l) => l.split(',')[4])).to.deep.equal(['37.0', '37.8']);
  });

  it('keeps both ends of the date range, and nothing outside it', async () => {
    const dates = async (from: string, to: string) => {
      const out = join(dir, `${from}_${to}.csv`);
      await writeExport(db, range(from, to), out);
      return [...new Set(readFileSync(out, 'utf8').split('\r\n').slice(1, -1).map((l) => l.slice(0, 10)))];
    };
    expect(await dates('2026-11-19', '2026-11-20')).to.deep.equal(['2026-11-19', '2026-11-20']);
    expect(await dates('2026-11-22', '2026-11-23')).to.deep.equal(['2026-11-22', '2026-11-23']);
    expect(await dates('2026-11-24', '2026-11-30')).to.deep.equal([]);
  });

  it('writes xlsx with a sheet of reports, of alerts opened in the range by local date, and of current rosters', async () => {
    const out = join(dir, 'r.xlsx');
    expect(await writeExport(db, range('2026-11-20', '2026-11-22'), out)).to.deep.equal({ reports: 8, alerts: 1, rosters: 3, visitorAnomalies: 0 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).to.deep.equal(['reports', 'alerts', 'rosters', '消杀记录', '物资台账', 'visitor_anomalies']);
    const values = (sheet: string, row: number) => (book.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);

    const reports = book.getWorksheet('reports')!;
    expect(values('reports', 1).join(',')).to.equal(HEADER);
    expect(reports.actualRowCount).to.equal(9);
    expect(values('reports', 4)).to.deep.equal(['2026-11-21', '晨检', '张三', '1号窗口', 37.8, '黄码', '咳嗽、乏力', 'critical', '2026-11-21T08:10:00+08:00', '李四']);
    expect(reports.getRow(2).getCell(5).numFmt).to.equal('0.0');

    expect(values('alerts', 1).join(',')).to.equal('number,severity,name,window,reasons,instruction,opened_at,status,acknowledged_by,acknowledged_at,note,escalated_at');
    expect(book.getWorksheet('alerts')!.actualRowCount).to.equal(2);
    expect(values('alerts', 2)).to.deep.equal([
      2, 'critical', '张三', '1号窗口', '体温 37.8℃、黄码', '立即到隔离区, 拨打120', '2026-11-21T08:10:00+08:00', 'acknowledged', '王五', '2026-11-21T08:30:00+08:00', '已安排居家观察',
    ]);

    expect(values('rosters', 1).join(',')).to.equal('date,window,names,closed,submitted_by,submitted_at,late');
    expect([2, 3, 4].map((row) => values('rosters', row))).to.deep.equal([
      ['2026-11-21', '1号窗口', '张三、李四', 'no', '李四', '2026-11-20T15:00:00+08:00', 'yes'],
      ['2026-11-21', '2号窗口', undefined, 'yes', '赵六', '2026-11-20T15:00:00+08:00', 'no'],
      ['2026-11-21', '10号窗口', '王五', 'no', '王五', '2026-11-20T15:00:00+08:00', 'no'],
    ]);
  });

  it('takes alerts by the local date they opened: 00:30 in Shanghai is the next day', async () => {
    const out = join(dir, 'a.xlsx');
    expect((await writeExport(db, range('2026-11-23', '2026-11-23'), out)).alerts).to.equal(1);
    expect((await writeExport(db, range('2026-11-19', '2026-11-19'), out)).alerts).to.equal(1);
    expect((await writeExport(db, range('2026-11-20', '2026-11-20'), out)).alerts).to.equal(0);
  });

  it('asks the database the same number of times for one day as for a month', async () => {
    const queries = (target: Database) => {
      let n = 0;
      const counting = new Proxy(target, {
        get(t, key, receiver) {
          if (key === 'all' || key === 'run') n += 1;
          return Reflect.get(t, key, receiver);
        },
      });
      return { db: counting, count: () => n };
    };
    const oneDay = queries(db);
    await writeExport(oneDay.db, range('2026-11-22', '2026-11-22'), join(dir, 'one.xlsx'));
    const month = queries(db);
    await writeExport(month.db, range('2026-11-01', '2026-11-30'), join(dir, 'month.xlsx'));
    // reports, alerts, rosters (two), 消杀记录, 物资台账, visitor anomalies
    expect(month.count()).to.equal(oneDay.count()).and.to.equal(7);
  });

  it('quotes only fields that need it', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 'plain']])).to.equal('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });
});

describe('export of hostile text (CSV formula injection)', () => {
  let db: Database;
  let dir: string;
  const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1', ' =1+1', '＝1+1'];

  beforeEach(async () => {
    db = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'hg-export-'));
    const ids = await seedStaff(db, HOSTILE.map((name, i) => ({ name, window: i % 2 ? '=1+2' : '@窗口', wecomUserId: `u${i}` })));
    for (const [i, id] of ids.entries()) {
      const [report] = await db.all<{ id: unknown }>(
        `INSERT INTO report (staff_id, date, slot, temperature, health_code, symptoms, status, reported_by_id, platform, received_at)
         VALUES (?, '2026-11-21', 'morning', 37.8, NULL, NULL, 'critical', ?, 'wecom', ?) RETURNING id`,
        [id, ids[(i + 1) % ids.length], `2026-11-21T00:0${i}:00.000Z`],
      );
      await db.run(
        `INSERT INTO alert (report_id, staff_id, severity, reasons, instruction, status, opened_at, push_count, acknowledged_by_id, acknowledged_at, ack_note)
         VALUES (?, ?, 'critical', '体温 37.8℃', '立即到隔离区', 'acknowledged', ?, 1, ?, '2026-11-21T01:00:00.000Z', ?)`,
        [Number(report.id), id, `2026-11-21T00:0${i}:00.000Z`, id, HOSTILE[i]],
      );
    }
  });
  afterEach(() => db.close());

  it('writes every text cell of the CSV that Excel would run as a formula as text, with a leading quote', async () => {
    const out = join(dir, 'r.csv');
    await writeExport(db, range('2026-11-21', '2026-11-21'), out);
    const rows: string[][] = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { relaxQuotes: false });
    expect(rows).to.have.length(HOSTILE.length + 1);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell, `cell ${JSON.stringify(cell)}`).not.to.match(/^\s*[=+\-@＝＋－＠]|^[\t\r\n]/);
    const names = rows.slice(1).map((r) => r[2]);
    expect(names.sort()).to.deep.equal(HOSTILE.map((n) => `'${n}`).sort());
    expect(rows.slice(1).map((r) => r[3])).to.include("'=1+2").and.include("'@窗口");
    expect(rows.slice(1).map((r) => r[9])).to.have.members(HOSTILE.map((n) => `'${n}`));
    expect(rows.slice(1).map((r) => r[4])).to.deep.equal(HOSTILE.map(() => '37.8'));
  });

  it('keeps the xlsx free of formulas: hostile text stays a plain string cell, numbers stay numbers', async () => {
    const out = join(dir, 'r.xlsx');
    await writeExport(db, range('2026-11-21', '2026-11-21'), out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const texts: string[] = [];
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.to.equal(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${sheet.name}!${cell.address}`).to.equal(undefined);
          expect(['string', 'number']).to.include(typeof cell.value);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    // XML reads a carriage return back as a line feed: the text is the same line break, still no formula.
    for (const hostile of HOSTILE) expect(texts, hostile).to.include(hostile.replace(/\r/g, '\n'));
    expect(book.getWorksheet('reports')!.getRow(2).getCell(5).value).to.equal(37.8);
  });
});
