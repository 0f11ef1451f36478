import { expect } from 'chai';
import { staffListing } from '../../bot/cli/staff';
import { formatTable } from '../../bot/cli/table';
import type { Database } from '../../bot/db/database';
import { displayWidth } from '../../bot/export/chinese';
import { openTestDatabase, seedStaff } from '../support/db';

describe('staff list', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    await seedStaff(db, [
      { name: '赵六', window: '10号窗口', wecomUserId: 'zhaoliu' },
      { name: '王五', window: '', role: 'leader', wecomUserId: 'wangwu', mobile: '13800000003' },
      { name: '张三', window: '2号窗口', wecomUserId: 'zhangsan', mobile: '13800000001' },
      { name: '李四', window: '2号窗口', role: 'lead', wecomUserId: 'lisi', dingtalkUserId: 'dt-lisi' },
      { name: '孙七', window: '2号窗口', dingtalkUserId: 'dt-sunqi', active: false },
      { name: 'Anna Smith', window: '1号窗口', mobile: '13800000009' },
    ]);
  });
  afterEach(() => db.close());

  /** Where each column starts on screen, read from the header's gaps. */
  const columnsOf = (line: string) => line.split(/(?<=\S) {2,}/).map((cell) => cell.trim());

  it('prints the active directory by window (in number order, no window last) then name, and a count', async () => {
    const lines = await staffListing(db);
    expect(lines[0].split(/\s+/)).to.deep.equal(['name', 'window', 'role', 'wecom_userid', 'dingtalk_userid', 'mobile']);
    expect(lines.slice(1, -1).map((l) => columnsOf(l).slice(0, 2))).to.deep.equal([
      ['Anna Smith', '1号窗口'],
      ['李四', '2号窗口'],
      ['张三', '2号窗口'],
      ['赵六', '10号窗口'],
      ['王五', '-'],
    ]);
    expect(columnsOf(lines[2])).to.deep.equal(['李四', '2号窗口', 'lead', 'lisi', 'dt-lisi', '-']);
    expect(lines.at(-1)).to.equal('共 5 人');
  });

  it('aligns every column on screen, a Chinese character taking two columns', async () => {
    const lines = await staffListing(db);
    const starts = (line: string) => {
      const at: number[] = [];
      let width = 0;
      for (const [i, cell] of line.split(/(?<=\S)( {2,})/).entries()) {
        if (i % 2 === 0) at.push(width);
        width += displayWidth(cell);
      }
      return at;
    };
    const header = starts(lines[0]);
    for (const line of lines.slice(1, -1)) expect(starts(line)).to.deep.equal(header);
  });

  it('with --all, adds inactive people and a status column', async () => {
    const lines = await staffListing(db, { all: true });
    expect(lines[0].split(/\s+/).at(-1)).to.equal('status');
    expect(lines.find((l) => l.startsWith('孙七'))).to.match(/inactive$/);
    expect(lines.find((l) => l.startsWith('张三'))).to.match(/ active$/);
    expect(lines.at(-1)).to.equal('共 6 人（在用 5，停用 1）');
  });

  it('formats a table with trailing spaces trimmed', () => {
    expect(formatTable(['a', 'bb'], [['张三', 'x'], ['b', '']])).to.deep.equal(['a     bb', '张三  x', 'b']);
  });
});
