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
    for (const f of status.failures) out(`#${f.id} ${f.createdAt} ${f.channel} → ${f.target} (${f.category}, ${f.attempts} attempts): ${f.lastError ?? ''}`);
  },
};
