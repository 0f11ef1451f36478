import { expect } from 'chai';
import { captureLog } from '../support/capture-log';
import { FakeWecomBot, wecomBotEnv } from '../support/fake-wecom-bot';
import { Hall, openLinkedHall } from '../support/hall';
import { healthOf, manualTimers, PAST_BACKOFF } from '../support/manual-timers';

describe('WeCom intelligent bot on its long connection', () => {
  let hall: Hall;
  let timers: ReturnType<typeof manualTimers>;
  let logs: ReturnType<typeof captureLog>;
  beforeEach(async () => ({ hall, timers, logs } = await openLinkedHall('wecom-bot')));
  afterEach(() => hall.close());

  it('subscribes with the bot id and secret, reports the connection, and needs no callback route', async () => {
    const { status, body } = await healthOf(hall.url);
    expect(status).to.equal(200);
    expect(body.connections).to.have.length(1);
    expect(body.connections[0]).to.include({ name: 'wecom-bot', connected: true, reconnects: 0 });
    expect((await fetch(`${hall.url}/wecom/callback`, { method: 'POST', body: '<xml/>' })).status).to.equal(404);
  });

  it('answers a message re-delivered under the same msgid on its own request with the same reply, storing it once', async () => {
    const first = await hall.bot.message({ from: 'zhangsan', content: '37.9 咳嗽', msgid: 'bot-1' });
    const again = await hall.bot.message({ from: 'zhangsan', content: '37.9 咳嗽', msgid: 'bot-1' });
    await hall.deliver();
    expect(again).to.equal(first);
    expect(first).to.contain('37.9');
    expect(await hall.count('report')).to.equal(1);
    expect(await hall.count('alert')).to.equal(1);
    expect(hall.bot.groupTexts()).to.have.length(1);
  });

  it('records an @-mention in a group chat and answers the reading to the sender alone', async () => {
    const reply = await hall.bot.message({ from: 'zhangsan', content: '@防疫助手 36.5', chattype: 'group', chatid: 'chat-window-1' });
    await hall.deliver();
    // The group hears only that the answer went one-to-one; the reading goes to the sender alone.
    expect(reply).to.contain('张三').and.contain('单独').and.not.contain('36.5');
    expect(hall.bot.directTexts().map((d) => d.to)).to.deep.equal(['zhangsan']);
    expect(hall.bot.directTexts()[0].text).to.contain('36.5');
    expect(await hall.count('report')).to.equal(1);
  });

  it('pushes the reply to the conversation when its request can no longer be answered', async () => {
    hall.bot.refuseReplies.push(846608);
    hall.bot.push('cb-late', { from: 'zhangsan', content: '36.5' });
    await logs.logged('WeCom bot: the reply on its request was refused; pushing it to the conversation');
    await hall.deliver();
    const pushed = hall.bot.directTexts();
    expect(pushed).to.have.length(1);
    expect(pushed[0].to).to.equal('zhangsan');
    expect(pushed[0].text).to.contain('36.5');
  });

  it('gives no answer for a message whose transaction failed, and stores it once when it comes again', async () => {
    await hall.service.db.run('ALTER TABLE inbound_message RENAME TO inbound_message_away');
    hall.bot.push('cb-fail', { from: 'zhangsan', content: '36.6', msgid: 'bot-2' });
    await logs.logged('long connection: frame not handled; left unacknowledged for re-delivery');
    await hall.service.db.run('ALTER TABLE inbound_message_away RENAME TO inbound_message');
    await hall.deliver();
    expect(hall.bot.answersTo('cb-fail')).to.deep.equal([]);
    expect(await hall.count('report')).to.equal(0);

    expect(await hall.bot.message({ from: 'zhangsan', content: '36.6', msgid: 'bot-2' })).to.contain('36.6');
    expect(await hall.count('report')).to.equal(1);
  });

  it('reconnects and subscribes again after the server drops the connection, one connection at a time', async () => {
    hall.bot.drop();
    await logs.logged('long connection: dropped; reconnecting');
    timers.tick(PAST_BACKOFF);
    await hall.bot.connected(2);
    expect((await hall.send('zhangsan', '36.5')).reply).to.contain('36.5');
    expect((await healthOf(hall.url)).body.connections[0]).to.include({ connected: true, reconnects: 1 });
    expect(hall.bot.mostAtOnce).to.equal(1);
  });

  it('reconnects when its ping heartbeats go unanswered', async () => {
    hall.bot.silent = true;
    timers.tick(30_000);
    timers.tick(30_000);
    await logs.logged('long connection: heartbeat missed; reconnecting');
    await logs.logged('long connection: dropped; reconnecting');
    hall.bot.silent = false;
    timers.tick(PAST_BACKOFF);
    await hall.bot.connected(2);
  });
});

describe('WeCom intelligent bot beside the self-built app', () => {
  let hall: Hall;
  let bot: FakeWecomBot;
  let logs: ReturnType<typeof captureLog>;
  beforeEach(async () => {
    logs = captureLog();
    bot = await FakeWecomBot.start();
    hall = await Hall.open({ platform: 'wecom', timers: manualTimers(), log: logs.log, env: wecomBotEnv(bot.url) });
    await bot.connected();
    hall.service.outboxDispatcher.start();
  });
  afterEach(async () => {
    await hall.close();
    await bot.close();
  });

  it('answers each message the way it came, and pushes alerts to both leadership groups', async () => {
    expect((await hall.send('zhangsan', '36.5')).reply).to.contain('36.5');
    expect(await bot.message({ from: 'zhaoliu', content: '37.9' })).to.contain('37.9');
    await hall.deliver();
    expect(bot.groupTexts()).to.have.length(1);
    expect(hall.fake.groupTexts()).to.have.length(1);
    expect(await hall.count('report')).to.equal(2);
  });

  it('stays healthy while the bot connection is down, since the app still receives', async () => {
    bot.drop();
    await logs.logged('long connection: dropped; reconnecting');
    hall.clock.advance(5 * 60_000);
    const { status, body } = await healthOf(hall.url);
    expect(status).to.equal(200);
    expect(body.connections[0]).to.include({ name: 'wecom-bot', connected: false });
  });
});
