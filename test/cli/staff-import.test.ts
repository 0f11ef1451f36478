import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { Directory, PERSON_COLUMNS, toPerson } from '../../bot/directory/directory';
import { importStaff, normaliseMobile } from '../../bot/directory/staff-import';
import { openTestDatabase, seedStaff } from '../support/db';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-11-22T10:00:00Z');
const later = new Date('2026-11-23T10:00:00Z');
const HEADER = 'name,window,role,wecom_userid,dingtalk_userid,mobile\n';

describe('staff import', () => {
  let db: Database;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  const people = async () => (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff ORDER BY id`)).map(toPerson);
  const count = async () => Number((await db.all<{ n: unknown }>('SELECT count(*) AS n FROM staff'))[0].n);
  const directoryVersion = async () => (await db.all<{ value: string }>("SELECT value FROM app_meta WHERE key = 'directory_version'"))[0]?.value;

  it('creates everyone of a clean file, with roles, windows, quoted names and normalised mobiles', async () => {
    const result = await importStaff(db, fixture('staff.csv'), { now });
    expect(result).to.deep.equal({ ok: true, created: 4, updated: 0, unchanged: 0, deactivated: 0, errors: [] });
    expect((await people()).map((p) => [p.name, p.window, p.role, p.wecomUserId, p.dingtalkUserId, p.mobile, p.active])).to.deep.equal([
      ['张三', '1号窗口', 'staff', 'zhangsan', null, '13800000001', true],
      ['李四', '1号窗口', 'lead', 'lisi', 'dt-lisi', '13800000002', true],
      ['王五', '', 'leader', 'wangwu', null, '13800000003', true],
      ['欧阳, 娜娜', '2号窗口', 'staff', null, 'dt-ouyang', null, true],
    ]);
  });

  it('reads a file with a BOM and CRLF line ends like one without', async () => {
    const withBom = fixture('staff-bom.csv');
    expect(withBom.startsWith('\uFEFF')).to.equal(true);
    expect(await importStaff(db, withBom, { now })).to.deep.include({ ok: true, created: 1 });
    expect(await importStaff(db, withBom.slice(1), { now })).to.deep.include({ ok: true, created: 0, unchanged: 1 });
    expect((await people())[0]).to.include({ name: '张三', wecomUserId: 'zhangsan', mobile: '13800000001' });
  });

  it('matches an existing person by wecom_userid, then dingtalk_userid, then mobile', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const csv = `${HEADER}张三丰,3号窗口,lead,zhangsan,,\n李四,1号窗口,lead,,dt-lisi,\n王五,,admin,,,+86 138 0000 0003\n`;
    expect(await importStaff(db, csv, { now })).to.deep.include({ ok: true, created: 0, updated: 3 });
    const [zhang, li, wang] = await people();
    expect(zhang).to.include({ name: '张三丰', window: '3号窗口', role: 'lead', wecomUserId: 'zhangsan', mobile: null });
    expect(li).to.include({ wecomUserId: null, dingtalkUserId: 'dt-lisi' });
    expect(wang).to.include({ role: 'admin', wecomUserId: null, mobile: '13800000003' });
    expect(await count()).to.equal(4);
  });

  it('counts people already as the file says as unchanged and leaves their rows alone', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const edited = fixture('staff.csv').replace('王五,,leader', '王五,领导小组,leader');
    expect(await importStaff(db, edited, { now: later })).to.deep.include({ ok: true, created: 0, updated: 1, unchanged: 3 });
    const stamps = await db.all<{ name: string; updated: string }>('SELECT name, updated_at AS "updated" FROM staff ORDER BY id');
    expect(stamps.map((s) => s.updated)).to.deep.equal([now, now, later, now].map((d) => d.toISOString()));
  });

  it('deactivates people absent from the file with --prune, keeping them, and reactivates them when back', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const result = await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,13800000001\n`, { now, prune: true });
    expect(result).to.deep.include({ ok: true, unchanged: 1, deactivated: 3 });
    expect((await people()).map((p) => p.active)).to.deep.equal([true, false, false, false]);
    expect(await importStaff(db, fixture('staff.csv'), { now })).to.deep.include({ ok: true, created: 0, updated: 3, unchanged: 1 });
    expect((await people()).map((p) => p.active)).to.deep.equal([true, true, true, true]);
  });

  it('deactivates nobody without --prune', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    expect(await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,13800000001\n`, { now })).to.deep.include({ ok: true, deactivated: 0 });
    expect((await people()).every((p) => p.active)).to.equal(true);
  });

  it('refuses --prune with a file of no people rather than deactivate everyone', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const result = await importStaff(db, HEADER, { now, prune: true });
    expect(result.ok).to.equal(false);
    expect(result.errors[0].message).to.contain('--prune');
    expect((await people()).every((p) => p.active)).to.equal(true);
  });

  it('reports every bad row with the line an editor shows, past a quoted line break, and writes nothing', async () => {
    const result = await importStaff(db, fixture('staff-bad.csv'), { now });
    expect(result.ok).to.equal(false);
    expect(result.errors.map((e) => e.line)).to.deep.equal([3, 4, 6, 7, 8]);
    const text = result.errors.map((e) => `${e.line}: ${e.message}`).join('\n');
    expect(text).to.contain('3: 姓名为空').and.contain('4: 角色「boss」无效').and.contain('6: 企业微信账号、钉钉账号、手机号至少填写一项');
    expect(text).to.contain('7: 手机号「12345」格式不正确').and.contain('8: 企业微信账号「zhangsan」与第 2 行重复');
    expect(await count()).to.equal(0);
    expect(await directoryVersion()).to.equal(undefined);
  });

  it('counts lines the same in a CRLF file whose quoted field breaks with a bare LF, as Excel writes it', async () => {
    const crlf = fixture('staff-bad.csv').replace(/\n/g, '\r\n').replace('1号\r\n窗口', '1号\n窗口');
    expect((await importStaff(db, crlf, { now })).errors.map((e) => e.line)).to.deep.equal([3, 4, 6, 7, 8]);
  });

  it('refuses a file with another header, naming the expected and the given one', async () => {
    const result = await importStaff(db, 'name,phone\n张三,13800000001\n', { now });
    expect(result).to.deep.include({ ok: false, created: 0 });
    expect(result.errors).to.deep.equal([{ line: 1, message: '表头应为 name,window,role,wecom_userid,dingtalk_userid,mobile 或 name,window,role,wecom_userid,dingtalk_userid,mobile,hall，实际为 name,phone' }]);
    expect((await importStaff(db, '', { now })).errors[0].message).to.contain('空文件');
  });

  it('reports a broken quote with its line', async () => {
    const result = await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,\n李四,"1号窗口,lead,lisi,,\n`, { now });
    expect(result.ok).to.equal(false);
    expect(result.errors[0].message).to.contain('CSV 格式错误');
  });

  it('refuses a row whose ids belong to two different people, naming both', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const result = await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,13800000003\n`, { now });
    expect(result.errors).to.have.length(1);
    expect(result.errors[0].line).to.equal(2);
    expect(result.errors[0].message).to.contain('13800000003').and.contain('王五').and.contain('张三');
  });

  it('refuses two rows that find the same person by different ids', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const result = await importStaff(db, `${HEADER}张三,1号窗口,staff,zhangsan,,\n张三,1号窗口,staff,,,13800000001\n`, { now });
    expect(result.errors).to.deep.equal([{ line: 3, message: '与第 2 行是同一人（张三（1号窗口））' }]);
  });

  it('lets two people swap mobiles in one import', async () => {
    await importStaff(db, fixture('staff.csv'), { now });
    const csv = `${HEADER}张三,1号窗口,staff,zhangsan,,13800000002\n李四,1号窗口,lead,lisi,dt-lisi,13800000001\n`;
    expect(await importStaff(db, csv, { now })).to.deep.include({ ok: true, updated: 2 });
    expect((await people()).slice(0, 2).map((p) => p.mobile)).to.deep.equal(['13800000002', '13800000001']);
  });

  it('matches a deactivated person too, and brings them back', async () => {
    await seedStaff(db, [{ name: '孙七', window: '2号窗口', dingtalkUserId: 'dt-sunqi', active: false }]);
    expect(await importStaff(db, `${HEADER}孙七,2号窗口,,,dt-sunqi,\n`, { now })).to.deep.include({ ok: true, created: 0, updated: 1 });
    expect((await people())[0]).to.include({ active: true, role: 'staff' });
  });

  it('bumps the directory version in the import, so a running service sees the new directory', async () => {
    const directory = new Directory(db, 0);
    expect(await directory.findByPlatformUser('wecom', 'zhangsan')).to.equal(undefined);
    await importStaff(db, fixture('staff.csv'), { now });
    const first = await directoryVersion();
    expect(first).to.be.a('string');
    expect((await directory.findByPlatformUser('wecom', 'zhangsan'))?.name).to.equal('张三');
    await importStaff(db, fixture('staff.csv').replace('张三,', '张三丰,'), { now });
    expect(await directoryVersion()).to.not.equal(first);
    expect((await directory.findByPlatformUser('wecom', 'zhangsan'))?.name).to.equal('张三丰');
  });

  it('writes thousands of people in batches and updates them all in one more import', async function () {
    this.timeout(30_000);
    const file = (suffix: string) => HEADER + Array.from({ length: 2_345 }, (_, i) => `人员${i}${suffix},${i % 40}号窗口,,u${i},,1390000${String(i).padStart(4, '0')}\n`).join('');
    expect(await importStaff(db, file(''), { now })).to.deep.include({ ok: true, created: 2_345 });
    expect(await importStaff(db, file('乙'), { now, prune: true })).to.deep.include({ ok: true, created: 0, updated: 2_345, deactivated: 0 });
    const [last] = await db.all<{ name: string; mobile: string }>("SELECT name, mobile FROM staff WHERE wecom_userid = 'u2344'");
    expect(last).to.deep.equal({ name: '人员2344乙', mobile: '13900002344' });
  });

  it('normalises mainland mobiles and refuses others', () => {
    expect(['13800000001', '+86 138-0000-0001', '86 138 0000 0001', '+8613800000001'].map(normaliseMobile)).to.deep.equal(Array(4).fill('13800000001'));
    expect(['12345', '23800000001', '1380000000', '138000000012', '+1 13800000001'].map(normaliseMobile)).to.deep.equal(Array(5).fill(null));
  });
});
