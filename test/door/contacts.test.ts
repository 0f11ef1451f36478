import { expect } from 'chai';
import { staffCaseVisitors, visitorCaseContacts, type DoorContact } from '../../bot/door/contacts';
import { doorFigures, visitorsOn } from '../../bot/door/store';
import { doorHall } from '../support/door';
import type { Hall } from '../support/hall';

/** Contacts as a tracer reads them: 陈二（visitor）, 孙七（staff）. */
function names(contacts: DoorContact[]): string[] {
  return contacts.map((c) => (c.kind === 'visitor' ? `${c.visitor.name}（访客）` : c.person.name)).sort();
}

describe('the door: contacts of a visitor case and of a staff case', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await doorHall({ now: '2026-11-23T08:00:00+08:00' });
  });
  afterEach(() => hall.close());

  async function registerAt(local: string, text: string): Promise<void> {
    hall.clock.set(local);
    expect((await hall.send('qianmw', text)).reply).to.contain('已登记访客');
  }

  it('proposes the visitors within 60 minutes either side, the guards on duty and the staff of the window visited', async () => {
    await hall.send('wangwu', '排班 2026-11-23 2号窗口 孙七');
    await registerAt('2026-11-23T08:50:00+08:00', '登记 陈早 13800001001 36.5 窗口1');
    await registerAt('2026-11-23T09:05:00+08:00', '登记 陈前 13800001002 36.5');
    await registerAt('2026-11-23T10:00:00+08:00', '登记 陈病 13800001003 38.2 办理 2号窗口');
    await registerAt('2026-11-23T11:00:00+08:00', '登记 陈后 13800001004 36.6');
    await registerAt('2026-11-23T11:01:00+08:00', '登记 陈晚 13800001005 36.6');
    const [sick] = (await visitorsOn(hall.service.db, '2026-11-23')).filter((v) => v.name === '陈病');
    const contacts = await visitorCaseContacts(hall.service.db, hall.service.services, sick);
    expect(names(contacts)).to.deep.equal(['周八', '孙七', '钱门卫', '陈前（访客）', '陈后（访客）'].sort());
    expect(contacts.find((c) => c.kind === 'staff' && c.person.name === '孙七')?.reason).to.equal('2号窗口当日排班');
  });

  it('takes the whole window when it has no roster that day, and no window staff when the visitor named none', async () => {
    await registerAt('2026-11-23T10:00:00+08:00', '登记 陈病 13800001003 38.2 窗口 1');
    await registerAt('2026-11-23T10:30:00+08:00', '登记 陈无 13800001006 37.9');
    const visitors = await visitorsOn(hall.service.db, '2026-11-23');
    expect(names(await visitorCaseContacts(hall.service.db, hall.service.services, visitors[0]))).to.deep.equal(['张三', '李四', '赵六', '钱门卫', '陈无（访客）'].sort());
    expect(names(await visitorCaseContacts(hall.service.db, hall.service.services, visitors[1]))).to.deep.equal(['钱门卫', '陈病（访客）'].sort());
  });

  it('lists, for a staff case, the visitors who came for that person’s window that day', async () => {
    await registerAt('2026-11-23T09:00:00+08:00', '登记 陈甲 13800001007 36.5 窗口1');
    await registerAt('2026-11-23T09:30:00+08:00', '登记 陈乙 13800001008 36.5 2号窗口');
    await registerAt('2026-11-24T09:30:00+08:00', '登记 陈丙 13800001009 36.5 1号窗口');
    const zhangsan = (await hall.service.services.directory.findByName('张三'))[0];
    const found = await staffCaseVisitors(hall.service.db, zhangsan, '2026-11-23');
    expect(names(found)).to.deep.equal(['陈甲（访客）']);
    expect(found[0].reason).to.equal('当日到访1号窗口');
  });
});

describe('the door: figures for the daily brief', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await doorHall({ now: '2026-11-20T09:00:00+08:00' });
  });
  afterEach(() => hall.close());

  it('gives today’s visitors and anomalies and the door checks of each of the last 14 days', async () => {
    await hall.send('qianmw', '登记 陈甲 13800001007 36.5');
    hall.clock.set('2026-11-23T09:00:00+08:00');
    await hall.send('qianmw', '登记 陈乙 13800001008 36.5');
    await hall.send('qianmw', '登记 陈丙 13800001009 37.6');
    const figures = await doorFigures(hall.service.db, '2026-11-23');
    expect(figures.today).to.deep.equal({ date: '2026-11-23', visitors: 2, anomalies: 1 });
    expect(figures.perDay).to.have.length(14);
    expect(figures.perDay[0]).to.deep.equal({ date: '2026-11-10', checks: 0, anomalies: 0 });
    expect(figures.perDay.find((d) => d.date === '2026-11-20')).to.deep.equal({ date: '2026-11-20', checks: 1, anomalies: 0 });
    expect(figures.perDay[13]).to.deep.equal({ date: '2026-11-23', checks: 2, anomalies: 1 });
  });
});
