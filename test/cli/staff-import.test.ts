import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { Directory, PERSON_COLUMNS, toPerson } from '../../bot/directory';
import { importStaff } from '../../bot/staff-import';
import { openTestDatabase } from '../support/db';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-22T10:00:00Z');
const HEADER = 'name,window,role,wecom_userid,dingtalk_userid,mobile\n';

describe('staff import', () => {
  let db: Database;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  const people = async () => (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff ORDER BY id`)).map(toPerson);

  it('creates everyone of a clean file, with roles, windows and normalised mobiles', async () => {
    const result = await importStaff(db, fixture('staff.csv'), { now });
    expect(result).to.deep.include({ ok: true, created: 4, updated: 0 });
    const list = await people();
    expect(list.map((p) => [p.name, p.window, p.role, p.wecomUserId, p.dingtalkUserId, p.mobile])).to.deep.equal([
      ['张三', '1号窗口', 'staff', 'zhangsan', null, '13800000001'],
      ['李四', '1号窗口', 'lead', 'lisi', 'dt-lisi', '13800000002'],
      ['王五', '', 'leader', 'wangwu', null, '13800000003'],
      ['欧阳, 娜娜', '2号窗口', 'staff', null, 'dt-ouyang', null],
    ]);
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    expect(await importStaff(db, fixture('staff-bom.csv'), { now })).to.deep.include({ ok: true, created: 1 });
  });

  it('matches an existing person by wecom_userid, then dingtalk_userid, then mobile', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const csv = `${HEADER}张三丰,3号窗口,lead,zhangsan,,\n李四,1号窗口,lead,,dt-lisi,\n王五,,admin,,,13800000003\n`;
    expect(await importStaff(db, csv, { now })).to.deep.include({ ok: true, created: 0, updated: 3 });
    const list = await people();
    expect(list[0]).to.include({ name: '张三丰', window: '3号窗口', role: 'lead' });
    expect(list[2]).to.include({ role: 'admin', wecomUserId: null });
    expect(list).to.have.length(4);
  });

  it('deactivates people absent from the file with --prune, keeping them, and reactivates them when back', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const result = await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,13800000001\n`, { now, prune: true });
    expect(result).to.deep.include({ ok: true, updated: 1, deactivated: 3 });
    expect((await people()).map((p) => p.active)).to.deep.equal([true, false, false, false]);
    await importStaff(db, fixture('staff.csv'), { now });
    expect((await people()).every((p) => p.active)).to.equal(true);
  });

  it('reports every bad row with its line number and writes nothing', async () => {
    const result = await importStaff(db, fixture('staff-bad.csv'), { now });
    expect(result.ok).to.equal(false);
    expect(result.errors.map((e) => e.line)).to.deep.equal([3, 4, 6, 7, 8]);
    const text = result.errors.map((e) => `${e.line}: ${e.message}`).join('\n');
    expect(text).to.contain('3: 姓名为空').and.contain('boss').and.contain('至少填写一项').and.contain('12345').and.contain('与第 2 行重复');
    expect(await people()).to.have.length(0);
  });

  it('refuses a file with another header, saying which is expected', async () => {
    const result = await importStaff(db, 'name,phone\n张三,138\n', { now });
    expect(result.errors).to.have.length(1);
    expect(result.errors[0].message).to.contain('name,window,role,wecom_userid,dingtalk_userid,mobile');
  });

  it('refuses a row whose ids belong to two different people', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const result = await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,13800000003\n`, { now });
    expect(result.errors[0]).to.include({ line: 2 });
    expect(result.errors[0].message).to.contain('张三').and.contain('王五');
  });

  it('lets two people swap mobiles in one import', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const csv = `${HEADER}张三,1号窗口,staff,zhangsan,,13800000002\n李四,1号窗口,lead,lisi,dt-lisi,13800000001\n`;
    expect(await importStaff(db, csv, { now })).to.deep.include({ ok: true, updated: 2 });
    expect((await people()).slice(0, 2).map((p) => p.mobile)).to.deep.equal(['13800000002', '13800000001']);
  });

  it('makes a running service see the new directory', async () => {
    const directory = new Directory(db, 0);
    expect(await directory.findByPlatformUser('wecom', 'zhangsan')).to.equal(undefined);
    await importStaff(db, fixture('staff.csv'), { now });
    expect((await directory.findByPlatformUser('wecom', 'zhangsan'))?.name).to.equal('张三');
  });
});
