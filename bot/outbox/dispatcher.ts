import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { Clock } from '../time';
import { SendError, type Channel } from './channel';
import { mergeMessages } from './split';
import { OutboxStore, type QueuedMessage } from './store';

export interface DispatcherOptions {
  db: Database;
  channels: Channel[];
  clock: Clock;
  log: Logger;
  /** How often the service looks for due messages without being kicked. */
  pollMs?: number;
  /** How long a claim holds before another sender may take the row over. */
  leaseMs?: number;
  /** Deliveries tried before a message is marked failed. */
  maxAttempts?: number;
  /** Rows claimed per pass. */
  batchSize?: number;
}

export interface PassResult {
  sent: number;
  retried: number;
  failed: number;
}

const MINUTE = 60_000;

/** 5 s, 10 s, 20 s … capped at 15 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 15 * MINUTE);
}

/**
 * The sending side of the outbox (SPEC §2): claims due rows, keeps each rate
 * key within its channel's per-minute limit (counted in the database, so
 * instances share it), merges a group's backlog instead of delaying it,
 * batches identical direct messages, retries with backoff, and keeps failures.
 */
export class OutboxDispatcher {
  private readonly store: OutboxStore;
  private readonly channels: Map<string, Channel>;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<PassResult> | undefined;
  private started = false;
  private again = false;

  constructor(private readonly options: DispatcherOptions) {
    this.store = new OutboxStore(options.db);
    this.channels = new Map(options.channels.map((c) => [c.name, c]));
    this.pollMs = options.pollMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? MINUTE;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.batchSize = options.batchSize ?? 5_000;
  }

  /** One deterministic pass over what is due now. Concurrent calls share the pass in progress. */
  runOnce(): Promise<PassResult> {
    this.pass ??= this.doPass().finally(() => (this.pass = undefined));
    return this.pass;
  }

  /** Polls in the background (timers unref'd: they never keep the process alive). */
  start(): void {
    this.started = true;
    this.schedule(0);
  }

  /** Something was queued: run a pass soon. */
  kick(): void {
    if (!this.started) return;
    if (this.pass) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    await this.pass?.catch(() => undefined);
  }

  /** Runs passes until nothing is due or the deadline passes (the CLI sends before it exits). */
  async drain(deadlineMs = 30_000): Promise<PassResult> {
    const total: PassResult = { sent: 0, retried: 0, failed: 0 };
    const end = performance.now() + deadlineMs;
    while (performance.now() < end && (await this.store.anyDue([...this.channels.keys()], this.options.clock.now()))) {
      const r = await this.runOnce();
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      if (r.sent + r.retried + r.failed === 0) break;
    }
    return total;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((err) => this.options.log.error({ err }, 'outbox pass failed'))
        .finally(() => {
          const next = this.again ? 0 : this.pollMs;
          this.again = false;
          this.schedule(next);
        });
    }, delay);
    this.timer.unref();
  }

  private async doPass(): Promise<PassResult> {
    const result: PassResult = { sent: 0, retried: 0, failed: 0 };
    const now = this.options.clock.now();
    await this.store.recoverExpiredLeases(now);
    const claimed = await this.store.claimDue([...this.channels.keys()], now, this.leaseUntil(), this.batchSize);
    if (claimed.length === 0) return result;
    const recent = await this.store.recentSends(new Date(now.getTime() - MINUTE));

    const byRateKey = groupBy(claimed, (m) => m.rateKey);
    const direct = new Map<string, QueuedMessage[]>();
    for (const [rateKey, rows] of byRateKey) {
      const channel = this.channels.get(rows[0].channel)!;
      const used = recent.get(rateKey);
      const budget = channel.perMinute - (used?.count ?? 0);
      if (budget <= 0) {
        const slotFrees = new Date(Date.parse(used!.oldest) + MINUTE + 1);
        await this.store.reschedule(rows.map((r) => r.id), slotFrees, null, false);
        continue;
      }
      const sendable = channel.group && rows.length > budget ? await this.mergeBacklog(channel, rows) : rows;
      const ready = sendable.slice(0, budget);
      const later = sendable.slice(budget);
      if (later.length) await this.store.reschedule(later.map((r) => r.id), new Date(Date.parse(used?.oldest ?? this.options.clock.now().toISOString()) + MINUTE + 1), null, false);
      for (const row of ready) push(direct, `${row.channel}\u0000${row.body}`, row);
    }
    for (const rows of direct.values()) {
      const channel = this.channels.get(rows[0].channel)!;
      for (let i = 0; i < rows.length; i += channel.maxRecipients) {
        await this.deliver(channel, rows.slice(i, i + channel.maxRecipients), result);
      }
    }
    return result;
  }

  /** A group's backlog past its budget becomes as few merged messages as the size limit allows. */
  private async mergeBacklog(channel: Channel, rows: QueuedMessage[]): Promise<QueuedMessage[]> {
    const packs = mergeMessages(
      rows.map((r) => r.body),
      channel.maxBytes,
      (n) => `【合并推送】以下 ${n} 条消息因发送频率限制合并发送：`,
    );
    const out: QueuedMessage[] = [];
    for (const pack of packs) {
      const members = pack.members.map((i) => rows[i]);
      out.push(members.length === 1 ? members[0] : await this.store.merge(members, pack.body, this.options.clock.now(), this.leaseUntil()));
    }
    this.options.log.info({ channel: channel.name, messages: rows.length, merged: out.length }, 'group backlog merged');
    return out;
  }

  /** One platform call for rows with the same body; records what became of each row. */
  private async deliver(channel: Channel, rows: QueuedMessage[], result: PassResult): Promise<void> {
    const log = this.options.log.child({ channel: channel.name, ids: rows.map((r) => r.id) });
    try {
      const { retryTargets = [] } = await channel.send(
        rows.map((r) => r.target),
        rows[0].body,
      );
      const retry = rows.filter((r) => retryTargets.includes(r.target));
      const sent = rows.filter((r) => !retryTargets.includes(r.target));
      await this.store.markSent(sent.map((r) => r.id), this.options.clock.now());
      result.sent += sent.length;
      if (retry.length) {
        log.warn({ throttled: retry.length }, 'platform throttled some recipients; retrying later');
        await this.retryOrFail(retry, 'throttled by the platform', result);
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SendError && !err.retryable) {
        log.error({ error: message }, 'delivery failed for good');
        await this.store.markFailed(rows.map((r) => r.id), message);
        result.failed += rows.length;
      } else {
        log.warn({ error: message }, 'delivery failed; will retry');
        await this.retryOrFail(rows, message, result);
      }
    }
  }

  private async retryOrFail(rows: QueuedMessage[], error: string, result: PassResult): Promise<void> {
    const exhausted = rows.filter((r) => r.attempts + 1 >= this.maxAttempts);
    const retry = rows.filter((r) => r.attempts + 1 < this.maxAttempts);
    if (exhausted.length) {
      await this.store.markFailed(exhausted.map((r) => r.id), `${error} (after ${this.maxAttempts} attempts)`);
      result.failed += exhausted.length;
    }
    for (const [attempts, group] of groupBy(retry, (r) => r.attempts)) {
      await this.store.reschedule(group.map((r) => r.id), new Date(this.options.clock.now().getTime() + backoffMs(attempts + 1)), error, true);
      result.retried += group.length;
    }
  }

  private leaseUntil(): Date {
    return new Date(this.options.clock.now().getTime() + this.leaseMs);
  }
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}
