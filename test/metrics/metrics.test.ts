import { expect } from 'chai';
import type { Context } from 'koa';
import { mayScrape } from '../../bot/metrics/route';
import { findJob } from '../../jobs';
import { Hall } from '../support/hall';

const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample of a Prometheus text exposition (0 when absent), by name and exact labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(',') : [];
    if (have.length === wanted.length && wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

async function scrape(hall: Hall, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${hall.url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('GET /metrics (Prometheus)', function () {
  this.timeout(60_000);
  let hall: Hall;

  beforeEach(async () => {
    hall = await Hall.open({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterEach(() => hall.close());

  it('counts messages by platform and outcome, times replies, and counts job firings and deliveries', async () => {
    await hall.send('zhangsan', '晨检 36.5 绿码', '9001');
    await hall.send('zhangsan', '晨检 36.5 绿码', '9001');
    await hall.send('zhaoliu', '体温 38.6');
    await hall.send('stranger', '晨检 36.5');
    const forged = await fetch(`${hall.url}/wecom/callback?msg_signature=0&timestamp=1&nonce=1`, { method: 'POST', body: '<xml><Encrypt>AAAA</Encrypt></xml>' });
    expect(forged.status).to.equal(401);
    await hall.service.jobs.runner.fire(findJob('morning-summary')!, new Date('2026-11-23T08:45:00+08:00'), { trigger: 'scheduler' });
    await hall.service.jobs.runner.fire(findJob('morning-summary')!, new Date('2026-11-23T08:45:00+08:00'), { trigger: 'scheduler' });
    await hall.service.jobs.runner.fire(findJob('morning-summary')!, new Date('2026-11-22T08:45:00+08:00'), { trigger: 'scheduler' });
    await hall.deliver();

    const { status, type, text } = await scrape(hall);
    expect(status).to.equal(200);
    expect(type).to.contain('text/plain').and.to.contain('version=0.0.4');
    expect(sample(text, 'hallguard_messages_received_total', { platform: 'wecom', outcome: 'handled' })).to.equal(2);
    expect(sample(text, 'hallguard_messages_received_total', { platform: 'wecom', outcome: 'duplicate' })).to.equal(1);
    expect(sample(text, 'hallguard_messages_received_total', { platform: 'wecom', outcome: 'stranger' })).to.equal(1);
    expect(sample(text, 'hallguard_messages_received_total', { platform: 'wecom', outcome: 'rejected' })).to.equal(1);
    expect(sample(text, 'hallguard_reply_duration_seconds_count', { platform: 'wecom' })).to.equal(2);
    expect(sample(text, 'hallguard_reply_duration_seconds_bucket', { platform: 'wecom', le: '+Inf' })).to.equal(2);
    expect(sample(text, 'hallguard_job_firings_total', { job: 'morning-summary', outcome: 'done' })).to.equal(1);
    expect(sample(text, 'hallguard_job_firings_total', { job: 'morning-summary', outcome: 'already-fired' })).to.equal(1);
    expect(sample(text, 'hallguard_job_firings_total', { job: 'morning-summary', outcome: 'not-workday' })).to.equal(1);
    // The fever's alert and the summary went to the leadership group's robot.
    expect(sample(text, 'hallguard_outbox_deliveries_total', { channel: 'wecom-robot', result: 'sent' })).to.equal(2);
    expect(sample(text, 'hallguard_open_alerts', { severity: 'critical' })).to.equal(1);
    expect(sample(text, 'hallguard_open_alerts', { severity: 'warning' })).to.equal(0);
    expect(sample(text, 'hallguard_open_incidents', { kind: 'incident' })).to.equal(1);
    expect(sample(text, 'hallguard_outbox_messages', { status: 'pending' })).to.equal(0);
  });

  it('shows the outbox waiting, the age of its oldest message, and a retry once the platform fails', async () => {
    hall.fake.failNext('/cgi-bin/webhook/send', { errcode: -1 });
    await hall.service.jobs.runner.fire(findJob('morning-summary')!, new Date('2026-11-23T08:45:00+08:00'), { trigger: 'scheduler' });
    hall.clock.advance(90_000);
    let text = (await scrape(hall)).text;
    expect(sample(text, 'hallguard_outbox_messages', { status: 'pending' })).to.equal(1);
    expect(sample(text, 'hallguard_outbox_oldest_pending_age_seconds')).to.equal(90);

    await hall.deliver();
    text = (await scrape(hall)).text;
    expect(sample(text, 'hallguard_outbox_deliveries_total', { channel: 'wecom-robot', result: 'retry' })).to.equal(1);
    expect(sample(text, 'hallguard_outbox_retries_total', { channel: 'wecom-robot' })).to.equal(0);

    hall.clock.advance(60_000);
    await hall.deliver();
    text = (await scrape(hall)).text;
    expect(sample(text, 'hallguard_outbox_deliveries_total', { channel: 'wecom-robot', result: 'sent' })).to.equal(1);
    expect(sample(text, 'hallguard_outbox_retries_total', { channel: 'wecom-robot' })).to.equal(1);
    expect(sample(text, 'hallguard_outbox_messages', { status: 'pending' })).to.equal(0);
    expect(sample(text, 'hallguard_outbox_oldest_pending_age_seconds')).to.equal(0);
  });

  it('answers a request relayed by a proxy only with the METRICS_TOKEN bearer, else 401', async () => {
    const relayed = { 'X-Forwarded-For': '203.0.113.9' };
    const refused = await scrape(hall, relayed);
    expect(refused.status).to.equal(401);
    expect(refused.text).to.not.contain('hallguard_');
    expect((await scrape(hall, { ...relayed, Authorization: 'Bearer wrong-token-0123456789' })).status).to.equal(401);
    const allowed = await scrape(hall, { ...relayed, Authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).to.equal(200);
    expect(allowed.text).to.contain('hallguard_messages_received_total');
  });
});

describe('who may scrape the metrics', () => {
  const ctx = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ req: { socket: { remoteAddress } }, get: (name: string) => headers[name.toLowerCase()] ?? '' }) as unknown as Context;

  it('lets this machine in, and anyone else only with the token', () => {
    expect(mayScrape(ctx('127.0.0.1'), undefined)).to.equal(true);
    expect(mayScrape(ctx('::1'), undefined)).to.equal(true);
    expect(mayScrape(ctx('::ffff:127.0.0.1'), undefined)).to.equal(true);
    expect(mayScrape(ctx('10.1.2.3'), undefined)).to.equal(false);
    expect(mayScrape(ctx('10.1.2.3', { authorization: `Bearer ${TOKEN}` }), undefined)).to.equal(false);
    expect(mayScrape(ctx('10.1.2.3', { authorization: `Bearer ${TOKEN}` }), TOKEN)).to.equal(true);
    expect(mayScrape(ctx('10.1.2.3', { authorization: 'Bearer nope' }), TOKEN)).to.equal(false);
    expect(mayScrape(ctx('127.0.0.1', { forwarded: 'for=198.51.100.7' }), TOKEN)).to.equal(false);
  });
});

describe('long connections in the metrics', function () {
  this.timeout(60_000);

  it('reports a DingTalk Stream connection up, with its reconnects', async () => {
    const hall = await Hall.open({ platform: 'dingtalk-stream' });
    try {
      const { text } = await scrape(hall);
      const up = text.split('\n').find((l) => l.startsWith('hallguard_connection_up{'));
      expect(up, text).to.match(/ 1$/);
      expect(text).to.match(/^hallguard_connection_reconnects_total\{connection="[^"]+"\} 0$/m);
      await hall.send('zhangsan', '晨检 36.5');
      expect(sample((await scrape(hall)).text, 'hallguard_messages_received_total', { platform: 'dingtalk', outcome: 'handled' })).to.equal(1);
    } finally {
      await hall.close();
    }
  });
});
