import { expect } from 'chai';
import { ROBOT_TOPIC } from '../../bot/adapters/dingtalk/stream';
import { captureLog } from '../support/capture-log';
import { dingtalkBody, TEST_DINGTALK } from '../support/dingtalk-client';
import { SESSION_PATH } from '../support/fake-dingtalk';
import { Hall, openLinkedHall } from '../support/hall';
import { healthOf, manualTimers, PAST_BACKOFF } from '../support/manual-timers';

describe('DingTalk Stream mode', () => {
  let hall: Hall;
  let timers: ReturnType<typeof manualTimers>;
  let logs: ReturnType<typeof captureLog>;
  beforeEach(async () => ({ hall, timers, logs } = await openLinkedHall('dingtalk-stream')));
  afterEach(() => hall.close());

  const frame = (from: string, content: string, msgId: string, sessionWebhook = hall.dingtalk.sessionWebhook()) =>
    dingtalkBody({ from, content, msgId, sessionWebhook }, hall.clock.now().getTime());

  it('opens the connection with the app credentials and the robot topic, and serves no callback route', async () => {
    const [open] = hall.stream.opens;
    expect(open.path).to.equal('/v1.0/gateway/connections/open');
    expect(open.body).to.deep.include({ clientId: TEST_DINGTALK.appKey, clientSecret: TEST_DINGTALK.appSecret });
    expect(open.body?.subscriptions).to.deep.equal([{ type: 'CALLBACK', topic: ROBOT_TOPIC }]);
    expect((await fetch(`${hall.url}/dingtalk/callback`, { method: 'POST', body: '{}' })).status).to.equal(404);
    const { status, body } = await healthOf(hall.url);
    expect(status).to.equal(200);
    expect(body.connections).to.have.length(1);
    expect(body.connections[0]).to.include({ name: 'dingtalk-stream', connected: true, reconnects: 0 });
  });

  it('acknowledges a report after storing it and replies through the sessionWebhook', async () => {
    const ack = await hall.stream.deliver(frame('zhangsan', '36.5', 'st-1'));
    expect(ack).to.include({ code: 200, message: 'OK' });
    expect(ack.headers).to.deep.include({ contentType: 'application/json', messageId: 'frame-1' });
    // The ack came after the commit: the report is there the moment the gateway has it.
    expect(await hall.count('report')).to.equal(1);
    await hall.deliver();
    expect(hall.dingtalk.sessionTexts()).to.have.length(1);
    expect(hall.dingtalk.sessionTexts()[0]).to.contain('36.5');
  });

  it('never fetches a sessionWebhook on a foreign origin: the reply goes by robot send', async () => {
    await hall.stream.deliver(frame('zhangsan', '36.5', 'st-2', 'http://127.0.0.2:9/robot/sendBySession?session=x'));
    await hall.deliver();
    expect(hall.dingtalk.callsTo(SESSION_PATH)).to.deep.equal([]);
    expect(hall.dingtalk.directTexts()).to.have.length(1);
    expect(hall.dingtalk.directTexts()[0].to).to.equal('zhangsan');
  });

  it('answers a SYSTEM ping with its own data', async () => {
    const pong = await hall.stream.ping('{"opaque":"abc"}');
    expect(pong).to.deep.include({ code: 200, data: '{"opaque":"abc"}' });
  });

  it('stores a message re-delivered under the same msgId once, replies once, and acknowledges both frames', async () => {
    const first = await hall.stream.deliver(frame('zhangsan', '37.9 咳嗽', 'st-3'));
    const again = await hall.stream.deliver(frame('zhangsan', '37.9 咳嗽', 'st-3'));
    expect([first.code, again.code]).to.deep.equal([200, 200]);
    await hall.deliver();
    expect(await hall.count('report')).to.equal(1);
    expect(await hall.count('alert')).to.equal(1);
    expect(hall.dingtalk.sessionTexts()).to.have.length(1);
    expect(hall.dingtalk.groupTexts()).to.have.length(1);
  });

  it('does not acknowledge a message whose transaction failed, and stores it once when it comes again', async () => {
    await hall.service.db.run('ALTER TABLE inbound_message RENAME TO inbound_message_away');
    void hall.stream.deliver(frame('zhangsan', '36.6', 'st-4'));
    await logs.logged('long connection: frame not handled; left unacknowledged for re-delivery');
    expect(hall.stream.acks.filter((a) => a.headers.messageId === 'frame-1')).to.deep.equal([]);
    expect(hall.stream.unacknowledged).to.equal(1);
    await hall.service.db.run('ALTER TABLE inbound_message_away RENAME TO inbound_message');
    expect(await hall.count('report')).to.equal(0);

    const [ack] = await hall.stream.redeliver();
    expect(ack.code).to.equal(200);
    await hall.deliver();
    expect(await hall.count('report')).to.equal(1);
    expect(hall.dingtalk.sessionTexts()).to.have.length(1);
  });

  it('stores once a frame re-delivered after the service died between its commit and its ack', async () => {
    hall.stream.cutBeforeAck = true;
    void hall.stream.deliver(frame('zhangsan', '37.9', 'st-5'));
    await logs.logged('long connection: dropped; reconnecting');
    expect(hall.stream.unacknowledged).to.equal(1);
    hall.stream.cutBeforeAck = false;
    timers.tick(PAST_BACKOFF);
    await hall.stream.connected(2);
    const [ack] = await hall.stream.redeliver();
    expect(ack.code).to.equal(200);
    await hall.deliver();
    expect(await hall.count('inbound_message')).to.equal(1);
    expect(await hall.count('report')).to.equal(1);
    expect(await hall.count('alert')).to.equal(1);
    expect(hall.dingtalk.sessionTexts()).to.have.length(1);
    expect(hall.dingtalk.groupTexts()).to.have.length(1);
  });

  it('reconnects after the gateway drops the connection, with one connection at a time, and reports it', async () => {
    hall.stream.drop();
    await logs.logged('long connection: dropped; reconnecting');
    expect((await healthOf(hall.url)).body.connections[0].connected).to.equal(false);
    timers.tick(PAST_BACKOFF);
    await hall.stream.connected(2);
    expect((await hall.send('zhangsan', '36.5')).reply).to.contain('36.5');
    const { body } = await healthOf(hall.url);
    expect(body.connections[0]).to.include({ connected: true, reconnects: 1 });
    expect(hall.stream.mostAtOnce).to.equal(1);
  });

  it('moves to a new connection when the gateway sends disconnect, never holding two', async () => {
    hall.stream.disconnect();
    await hall.stream.connected(2);
    expect(hall.stream.mostAtOnce).to.equal(1);
    expect((await hall.send('zhangsan', '36.5')).status).to.equal(200);
  });

  it('reconnects when the gateway stops answering heartbeats', async () => {
    hall.stream.silent = true;
    timers.tick(30_000);
    timers.tick(30_000);
    await logs.logged('long connection: heartbeat missed; reconnecting');
    await logs.logged('long connection: dropped; reconnecting');
    hall.stream.silent = false;
    timers.tick(PAST_BACKOFF);
    await hall.stream.connected(2);
    expect(hall.stream.mostAtOnce).to.equal(1);
  });

  it('answers /healthz 503 and warns once the only inbound connection has been down for over 2 minutes', async () => {
    hall.stream.refuse = true;
    hall.stream.drop();
    await logs.logged('long connection: dropped; reconnecting');
    hall.clock.advance(60_000);
    expect((await healthOf(hall.url)).status).to.equal(200);
    hall.clock.advance(70_000);
    timers.tick(PAST_BACKOFF);
    await logs.logged('long connection down for more than 2 minutes: no messages are arriving');
    const down = await healthOf(hall.url);
    expect(down.status).to.equal(503);
    expect(down.body.connections[0].connected).to.equal(false);

    hall.stream.refuse = false;
    timers.tick(PAST_BACKOFF);
    await hall.stream.connected(2);
    expect((await healthOf(hall.url)).status).to.equal(200);
  });
});
