import { expect } from 'chai';
import { backoffMs, rateBudget, recipientBatches, type QueuedMessage } from '../../bot/outbox/plan';

const row = (id: number, target: string, body: string): QueuedMessage => ({ id, target, body, channel: 'user', rateKey: `user:${target}`, category: 'nudge', attempts: 0, imageId: null, actions: null });

describe('outbox planning', () => {
  it('backs off 5 s, then doubling, capped at 15 minutes', () => {
    expect([1, 2, 3, 4].map(backoffMs)).to.deep.equal([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(9)).to.equal(900_000);
    expect(backoffMs(30)).to.equal(900_000);
  });

  describe('rate budget', () => {
    const now = new Date('2026-11-23T00:01:00.000Z');

    it('allows the whole per-minute limit when nothing was sent in the last minute', () => {
      expect(rateBudget(20, undefined, now).budget).to.equal(20);
    });

    it('allows nothing when the limit is used, until 60 s after the oldest send', () => {
      const { budget, retryAt } = rateBudget(20, { used: 20, oldestSentAt: '2026-11-23T00:00:10.000Z' }, now);
      expect(budget).to.equal(0);
      expect(retryAt.toISOString()).to.equal('2026-11-23T00:01:10.001Z');
    });

    it('looks again shortly when only sends in flight elsewhere use the budget', () => {
      const { budget, retryAt } = rateBudget(1, { used: 1, oldestSentAt: null }, now);
      expect(budget).to.equal(0);
      expect(retryAt.getTime() - now.getTime()).to.equal(1_000);
    });
  });

  describe('recipient batches', () => {
    it('sends one body to 2,500 users in calls of 1,000, 1,000 and 500', () => {
      const rows = Array.from({ length: 2_500 }, (_, i) => row(i, `u${i}`, '请完成晨检'));
      expect(recipientBatches(rows, 1_000).map((b) => b.length)).to.deep.equal([1_000, 1_000, 500]);
    });

    it('never puts different bodies in one call, and keeps the order of first appearance', () => {
      const batches = recipientBatches([row(1, 'u1', '(1/2) a'), row(2, 'u1', '(2/2) b'), row(3, 'u2', '(1/2) a')], 20);
      expect(batches.map((b) => b.map((r) => r.id))).to.deep.equal([[1, 3], [2]]);
    });

    it('puts the same target twice in separate calls', () => {
      const batches = recipientBatches([row(1, 'u1', 'x'), row(2, 'u1', 'x')], 20);
      expect(batches.map((b) => b.map((r) => r.id))).to.deep.equal([[1], [2]]);
    });
  });
});
