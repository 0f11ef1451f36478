import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Database } from '../../bot/db/database';
import { writeExport } from '../../bot/export/write';
import { openTestDatabase, seedStaff } from '../support/db';

const HEADER = 'date,slot,name,window,temperature,health_code,symptoms,status,reported_at,reported_by';

describe('export', () => {
  let db: Database;
  let dir: string;
  const range = (from: string, to: string, history = false) => ({ from, to, history, timezone: 'Asia/Shanghai' });

  beforeEach(async () => {
    db = await openTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'hg-export-'));
    const [zhang, li] = await seedStaff(db, [
      { name: '张三', window: '1号窗口', wecomUserId: 'zhangsan' },
      { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi' },
    ]);
    const report = (staff: number, by: number, date: string, slot: string, t: number, code: string | null, symptoms: string | null, status: string, at: string, superseded: string | null = null) =>
      db.run(
        `INSERT INTO report (staff_id, date, slot, temperature, health_code, symptoms, status, reported_by_id, platform, received_at, superseded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'wecom', ?, ?)`,
        [staff, date, slot, t, code, symptoms, status, by, at, superseded],
      );
    await report(zhang, zhang, '2026-11-20', 'morning', 36.5, 'green', '', 'normal', '2026-11-20T00:01:02.000Z');
    await report(zhang, zhang, '2026-11-21', 'morning', 37.0, null, null, 'normal', '2026-11-21T00:00:00.000Z', '2026-11-21T00:10:00.000Z');
    await report(zhang, li, '2026-11-21', 'morning', 37.8, 'yellow', '咳嗽、乏力', 'critical', '2026-11-21T00:10:00.000Z');
    await report(li, li, '2026-11-21', 'leave', 36.4, null, null, 'normal', '2026-11-21T09:30:00.000Z');
    await report(li, li, '2026-11-22', 'morning', 36.6, null, null, 'normal', '2026-11-22T00:00:00.000Z');
    await db.run(
      `INSERT INTO alert (report_id, staff_id, severity, reasons, instruction, status, opened_at, push_count) VALUES (3, ?, 'critical', '体温 37.8℃', '立即到隔离区', 'open', '2026-11-21T00:10:00.000Z', 1)`,
      [zhang],
    );
    await db.run(`INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late) VALUES ('2026-11-21', '1号窗口', ?, ?, '2026-11-20T07:00:00.000Z', ?)`, [false, li, true]);
    await db.run(`INSERT INTO roster_entry (roster_id, staff_id) VALUES (1, ?), (1, ?)`, [zhang, li]);
  });
  afterEach(() => db.close());

  it('writes CSV with a BOM, exactly the SPEC header, and the current reports of the range', async () => {
    const out = join(dir, 'r.csv');
    expect(await writeExport(db, range('2026-11-20', '2026-11-21'), out)).to.equal(3);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).to.equal(true);
    expect(text.slice(1).split('\r\n')).to.deep.equal([
      HEADER,
      '2026-11-20,晨检,张三,1号窗口,36.5,绿码,,normal,2026-11-20T08:01:02+08:00,张三',
      '2026-11-21,晨检,张三,1号窗口,37.8,黄码,咳嗽、乏力,critical,2026-11-21T08:10:00+08:00,李四',
      '2026-11-21,离岗,李四,1号窗口,36.4,,,normal,2026-11-21T17:30:00+08:00,李四',
      '',
    ]);
  });

  it('includes superseded reports only with --history', async () => {
    const out = join(dir, 'h.csv');
    expect(await writeExport(db, range('2026-11-21', '2026-11-21', true), out)).to.equal(3);
    expect(readFileSync(out, 'utf8')).to.contain('2026-11-21,晨检,张三,1号窗口,37.0,,,normal');
  });

  it('keeps the range bounds inclusive', async () => {
    expect(await writeExport(db, range('2026-11-22', '2026-11-22'), join(dir, 'd.csv'))).to.equal(1);
    expect(await writeExport(db, range('2026-11-23', '2026-11-30'), join(dir, 'e.csv'))).to.equal(0);
  });

  it('writes xlsx with sheets of reports, alerts and rosters', async () => {
    const out = join(dir, 'r.xlsx');
    await writeExport(db, range('2026-11-20', '2026-11-22'), out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).to.deep.equal(['reports', 'alerts', 'rosters']);
    const reports = book.getWorksheet('reports')!;
    expect((reports.getRow(1).values as unknown[]).slice(1).join(',')).to.equal(HEADER);
    expect(reports.rowCount).to.equal(5);
    expect(reports.getRow(3).getCell(5).value).to.equal(37.8);
    const alert = book.getWorksheet('alerts')!.getRow(2).values as unknown[];
    expect(alert.slice(1, 5)).to.deep.equal(['1', 'critical', '张三', '1号窗口']);
    const roster = book.getWorksheet('rosters')!.getRow(2).values as unknown[];
    expect(roster.slice(1)).to.deep.equal(['2026-11-21', '1号窗口', '张三、李四', 'no', '李四', '2026-11-20T15:00:00+08:00', 'yes']);
  });
});
