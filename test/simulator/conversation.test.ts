import { expect } from 'chai';
import { PEOPLE } from '../support/hall';
import { SimulatorHall } from '../support/simulator';

const PEOPLE_WITH_GUARD = [...PEOPLE, { name: '钱门卫', window: '门岗', role: 'guard' }];

describe('local simulator: talking as people of the directory', () => {
  let hall: SimulatorHall;
  beforeEach(async () => {
    hall = await SimulatorHall.open();
  });
  afterEach(() => hall.close());

  it('lists the directory by window with each role in Chinese', async () => {
    const people = (await hall.request('GET', '/local/people')).json<{ name: string; window: string; role: string; roleLabel: string }[]>();
    expect(people.find((p) => p.name === '李四')).to.include({ window: '1号窗口', role: 'lead', roleLabel: '窗口负责人' });
    expect(people.find((p) => p.name === '王五')).to.include({ role: 'leader', roleLabel: '领导小组成员' });
    expect(people.map((p) => p.window)).to.deep.equal([...people.map((p) => p.window)].sort());
  });

  it('offers each person the examples of their own 帮助 as chips: a guard 登记 first, staff no lead’s or leader’s command, each one accepted', async () => {
    await hall.close();
    hall = await SimulatorHall.open({ people: [...PEOPLE_WITH_GUARD] });
    const chips = async (name: string) => (await hall.request('GET', `/local/examples?userId=${await hall.idOf(name)}`)).json<string[]>();
    const guard = await chips('钱门卫');
    expect(guard[0]).to.match(/^登记 张三 138/);
    expect(guard).to.include('今日访客');
    const staff = await chips('张三');
    expect(staff[0]).to.equal('晨检 36.5 绿码 无症状');
    expect(staff.join('\n')).to.not.match(/入库|处置|代报|排班|登记|看板|今日统计/);
    expect((await chips('李四')).slice(0, 3)).to.deep.equal(['晨检 36.5 绿码 无症状', '代报 张三 36.5 绿码', '明日排班 张三 赵六']);
    const leader = await chips('王五');
    expect(leader[0]).to.equal('今日统计');
    expect(leader).to.include('处置 12 已安排居家观察').and.have.length.at.most(12);
    await hall.say('张三', '体温 38.6');
    expect(await chips('王五'), 'the open alert and incident').to.include('处置 1 已安排居家观察').and.include('应急 1');
    for (const text of staff) expect(await hall.say('张三', text), text).to.not.contain('不在').and.not.contain('没看懂');
    expect((await hall.request('GET', '/local/examples?userId=99999')).status).to.equal(404);
  });

  it('answers 体温 37.8 咳嗽 from a staff member and shows the alert in the group feed', async () => {
    const reply = await hall.say('张三', '体温 37.8 咳嗽');
    expect(reply).to.contain('37.8℃').and.contain('告警 #1');
    await hall.deliver();
    const group = await hall.group();
    expect(group).to.have.length(1);
    expect(group[0]).to.contain('#1').and.contain('张三').and.contain('37.8');
  });

  it('keys direct pushes by the staff id the person picker uses', async () => {
    await hall.say('张三', '晨检 36.5 绿码');
    const fired = await hall.post('/local/jobs/morning-nudge', { at: '2026-11-23T07:30' });
    expect(fired.json()).to.include({ outcome: 'done' });
    await hall.deliver();
    const nudged = (await hall.feed()).filter((d) => d.to !== 'leaders').map((d) => d.to);
    expect(nudged).to.include(await hall.idOf('赵六')).and.not.include(await hall.idOf('张三'));
  });

  it('returns only deliveries after `since`', async () => {
    await hall.say('张三', '体温 37.8');
    await hall.deliver();
    const [first] = await hall.feed();
    await hall.say('孙七', '体温 38.2');
    await hall.deliver();
    const later = await hall.feed(first.seq);
    expect(later).to.have.length(1);
    expect(later[0].body).to.contain('孙七');
  });

  it('keeps numbering the feed across a restart, so an open tab still sees new pushes', async () => {
    await hall.close();
    hall = await SimulatorHall.open({ restartable: true });
    await hall.say('张三', '体温 37.8');
    await hall.deliver();
    const seen = Math.max(...(await hall.feed()).map((d) => d.seq));
    hall = await hall.restart();
    await hall.say('孙七', '体温 38.2');
    await hall.deliver();
    const after = await hall.feed(seen);
    expect(after.map((d) => d.body).join('\n')).to.contain('孙七').and.contain('38.2');
  });

  it('answers a sender outside the directory politely and stores nothing', async () => {
    const answer = await hall.post('/local/message', { userId: '9999', text: '体温 36.5' });
    expect(answer.status).to.equal(200);
    expect(answer.json<{ reply: string }>().reply).to.be.a('string').and.not.contain('36.5℃');
    const [row] = await hall.service.db.all<{ n: unknown }>('SELECT count(*) AS n FROM report');
    expect(Number(row.n)).to.equal(0);
  });

  it('answers 400 in Chinese to a message without userId and text', async () => {
    const answer = await hall.post('/local/message', { text: '36.5' });
    expect(answer.status).to.equal(400);
    expect(answer.json<{ error: string }>().error).to.contain('userId');
  });
});
