import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { importGroups } from '../../bot/groups/import';
import { groupMembers } from '../../bot/groups/members';
import { openTestDatabase, seedStaff } from '../support/db';
import { PEOPLE } from '../support/hall';

const NOW = new Date('2026-12-01T02:00:00Z');
const names = async (db: Database) => Object.fromEntries([...(await groupMembers(db))].map(([g, people]) => [g, people.map((p) => p.name)]));

describe('working groups import (groups.csv)', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase();
    await seedStaff(db, [...PEOPLE, { name: '张三', window: '2号窗口', wecomUserId: 'zhangsan2' }]);
  });
  afterEach(() => db.close());

  it('stores one row per membership, a person in several groups, with a BOM and blank lines', async () => {
    const csv = '\uFEFFgroup,name\n综合协调组,王五\n应急处置组,李四\n\n应急处置组,周八\n消毒防疫组,李四\n';
    const result = await importGroups(db, csv, { now: NOW });
    expect(result.ok, JSON.stringify(result.errors)).to.equal(true);
    expect(await names(db)).to.deep.equal({ 应急处置组: ['李四', '周八'], 消毒防疫组: ['李四'], 综合协调组: ['王五'] });
  });

  it('reports every bad row by its line and writes nothing: unknown person, empty group, a shared name, extra columns', async () => {
    const csv = 'group,name\n综合协调组,王五\n应急处置组,无名氏\n,李四\n应急处置组,张三\n消毒防疫组,李四,多余\n';
    const result = await importGroups(db, csv, { now: NOW });
    expect(result.ok).to.equal(false);
    expect(result.errors.map((e) => e.line)).to.deep.equal([3, 4, 5, 6]);
    expect(result.errors[0].message).to.contain('无名氏');
    expect(result.errors[2].message).to.contain('2 人同名').and.contain('张三（1号窗口）');
    expect(await names(db)).to.deep.equal({});
  });

  it('tells a shared name apart by its window, and refuses a wrong header', async () => {
    const ok = await importGroups(db, 'group,name\n应急处置组,张三（2号窗口）\n应急处置组,张三(1号窗口)\n', { now: NOW });
    expect(ok.ok).to.equal(true);
    expect((await groupMembers(db)).get('应急处置组')!.map((p) => p.window).sort()).to.deep.equal(['1号窗口', '2号窗口']);
    const bad = await importGroups(db, '组,姓名\n应急处置组,李四\n', { now: NOW });
    expect(bad.errors[0]).to.include({ line: 1 });
    expect(bad.errors[0].message).to.contain('group,name');
  });

  it('replaces the members of the groups in the file, keeps the others, and removes them with prune', async () => {
    await importGroups(db, 'group,name\n综合协调组,王五\n应急处置组,李四\n', { now: NOW });
    await importGroups(db, 'group,name\n应急处置组,周八\n', { now: NOW });
    expect(await names(db)).to.deep.equal({ 应急处置组: ['周八'], 综合协调组: ['王五'] });
    const pruned = await importGroups(db, 'group,name\n应急处置组,周八\n', { prune: true, now: NOW });
    expect(pruned.removed).to.deep.equal(['综合协调组']);
    expect(await names(db)).to.deep.equal({ 应急处置组: ['周八'] });
  });
});
