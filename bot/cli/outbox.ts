import { outboxStatus } from '../outbox/status';
import type { CliCommand } from './context';

/** `outbox`: queued, sent and failed messages, and the latest failures with their errors. */
export const outboxCommand: CliCommand = {
  name: 'outbox',
  usage: 'outbox',
  async run(_argv, { db, out }) {
    const status = await outboxStatus(db);
    const counts = Object.entries(status.counts);
    out(counts.length ? counts.map(([s, n]) => `${s}: ${n}`).join('  ') : 'outbox is empty');
    for (const f of status.failures) out(`#${f.id} ${f.createdAt} ${f.channel} → ${shownTarget(f.target)} (${f.category}, ${f.attempts} attempts): ${f.lastError ?? ''}`);
  },
};

/** A reply session target carries DingTalk's session webhook, a credential for its 90 minutes: show the user only. */
function shownTarget(target: string): string {
  if (!target.startsWith('{')) return target;
  try {
    return String((JSON.parse(target) as { u?: unknown }).u ?? '?');
  } catch {
    return '?';
  }
}
