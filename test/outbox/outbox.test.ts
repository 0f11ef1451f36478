import { expect } from 'chai';
import { byteLength } from '../../bot/outbox/split';
import { OutboxHarness } from './harness';

/** The error a promise rejects with (it must reject). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
}

describe('queueing a message in the outbox', () => {
  let h: OutboxHarness;
  beforeEach(async () => (h = await OutboxHarness.open()));
  afterEach(() => h.close());

  it('writes a pending row due now, with the rate key of its target, in the caller\'s transaction', async () => {
    h.clock.set('2026-11-23T08:00:00.000Z');
    await h.db.tx(async (sql) => {
      await h.outbox.enqueue(sql, { channel: 'user', target: 'u1' }, '请完成晨检', 'nudge');
      const inside = await sql.all('SELECT id FROM outbox');
      expect(inside).to.have.length(1);
    });
    const [row] = await h.db.all<Record<string, unknown>>(
      'SELECT channel, target, rate_key AS "rateKey", category, body, status, attempts, next_attempt_at AS "due", created_at AS "createdAt" FROM outbox',
    );
    expect({ ...row, attempts: Number(row.attempts) }).to.deep.equal({
      channel: 'user',
      target: 'u1',
      rateKey: 'user:u1',
      category: 'nudge',
      body: '请完成晨检',
      status: 'pending',
      attempts: 0,
      due: '2026-11-23T08:00:00.000Z',
      createdAt: '2026-11-23T08:00:00.000Z',
    });
  });

  it('leaves nothing when the transaction rolls back, and the dispatcher sends nothing', async () => {
    const error = await rejection(
      h.db.tx(async (sql) => {
        await h.outbox.enqueue(sql, { channel: 'robot', target: 'leaders' }, '不会发送', 'alert');
        throw new Error('the report could not be stored');
      }),
    );
    expect(String(error)).to.contain('could not be stored');
    await h.dispatcher().runOnce();
    expect(await h.rows()).to.deep.equal([]);
    expect(h.robot.attempts).to.deep.equal([]);
  });

  it('queues a body over the size limit as numbered parts, in order, each within the limit', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${i + 1}. 3号窗口 张三 晨检 36.5℃ 绿码 无症状`);
    await h.enqueue('user', 'u1', lines.join('\n'), 'summary');
    const rows = await h.rows();
    expect(rows.length).to.be.greaterThan(2);
    rows.forEach((row, i) => {
      expect(row.body.startsWith(`(${i + 1}/${rows.length}) `)).to.equal(true);
      expect(byteLength(row.body)).to.be.at.most(2048);
    });
    expect(rows.map((r) => r.body.replace(/^\(\d+\/\d+\) /, '')).join('\n')).to.equal(lines.join('\n'));
  });

  it('refuses a channel it does not know, so the cause rolls back too', async () => {
    const error = await rejection(
      h.db.tx(async (sql) => {
        await h.outbox.enqueue(sql, { channel: 'user', target: 'u1' }, '已收到', 'reply');
        await h.outbox.enqueue(sql, { channel: 'dingtalk-user', target: 'u1' }, '你好', 'reply');
      }),
    );
    expect(String(error)).to.contain('dingtalk-user');
    expect(await h.rows()).to.deep.equal([]);
  });

  it('tells the caller once, after its commit, that there is something to send', async () => {
    expect(h.outbox.takeQueued()).to.equal(false);
    await h.enqueue('user', 'u1', '请完成晨检', 'nudge');
    expect(h.outbox.takeQueued()).to.equal(true);
    expect(h.outbox.takeQueued()).to.equal(false);
  });
});
