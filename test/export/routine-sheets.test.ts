import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { writeExport } from '../../bot/export/write';
import { importGroups } from '../../bot/groups/import';
import { Hall } from '../support/hall';

describe('xlsx export: 消杀记录 and 物资台账', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  it('writes one row per area logged and one per line of the supplies ledger, within the range', async () => {
    hall = await Hall.open({ now: '2026-11-22T08:10:00+08:00' });
    await importGroups(hall.service.db, 'group,name\n消毒防疫组,张三\n综合协调组,周八\n', { now: hall.clock.now() });
    await hall.send('zhangsan', '消杀 网办区 完成');
    await hall.send('zhouba', '入库 口罩 500');
    hall.clock.set('2026-11-23T12:20:00+08:00');
    await hall.send('zhangsan', '消杀 会议室 第三会议室会后消毒');
    await hall.send('wangwu', '消杀 税务区 擦拭柜台');
    await hall.send('zhouba', '领用 口罩 50');
    await hall.send('zhouba', '盘点 消毒液 12瓶');
    hall.clock.set('2026-11-24T09:00:00+08:00');
    await hall.send('zhouba', '领用 口罩 10');

    const out = join(mkdtempSync(join(tmpdir(), 'hg-routine-')), 'r.xlsx');
    await writeExport(hall.service.db, { from: '2026-11-22', to: '2026-11-23', history: false, timezone: 'Asia/Shanghai' }, out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const rows = (sheet: string) => {
      const ws = book.getWorksheet(sheet)!;
      return Array.from({ length: ws.actualRowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1));
    };
    expect(rows('消杀记录')).to.deep.equal([
      ['date', 'round', 'area', 'routine', 'note', 'done_by', 'done_at'],
      ['2026-11-22', '08:00', '网办区', 'yes', '完成', '张三', '2026-11-22T08:10:00+08:00'],
      ['2026-11-23', '12:00', '会议室', 'no', '第三会议室会后消毒', '张三', '2026-11-23T12:20:00+08:00'],
      ['2026-11-23', '12:00', '税务区', 'yes', '擦拭柜台', '王五', '2026-11-23T12:20:00+08:00'],
    ]);
    expect(rows('物资台账')).to.deep.equal([
      ['date', 'item', 'kind', 'quantity', 'unit', 'balance', 'by', 'at'],
      ['2026-11-22', '口罩', '入库', 500, '个', 500, '周八', '2026-11-22T08:10:00+08:00'],
      ['2026-11-23', '口罩', '领用', 50, '个', 450, '周八', '2026-11-23T12:20:00+08:00'],
      ['2026-11-23', '消毒液', '盘点', 12, '瓶', 12, '周八', '2026-11-23T12:20:00+08:00'],
    ]);
  });
});
