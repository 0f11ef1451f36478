import { expect } from 'chai';
import { SimulatorHall } from '../support/simulator';

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
