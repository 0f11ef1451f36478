import { readActions } from './actions';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { ImageSource } from '../images/message';
import { messages } from '../messages';
import type { Logger } from '../log';
import type { Clock } from '../time';
import { SendError, type Channel } from './channel';
import { backoffMs, groupBy, MINUTE_MS, rateBudget, recipientBatches, type QueuedMessage, type RateUsage } from './plan';
import { mergeMessages } from './split';
import { OutboxStore } from './store';

export interface DispatcherOptions {
  db: Database;
  channels: Channel[];
  clock: Clock;
  log: Logger;
  /** How often the service looks for due messages without being kicked (default 5 s). */
  pollMs?: number;
  /** How long a claim holds before another sender may take the row over (default 60 s). */
  leaseMs?: number;
  /** Deliveries tried before a message is marked failed (default 10). */
  maxAttempts?: number;
  /** Rows claimed per pass (default 5000: 10,000 WeCom nudges in ten calls over two passes). */
  batchSize?: number;
  /** Where image messages find their picture and its link (none: an image message fails). */
  images?: ImageSource;
  /** Told what became of each delivery attempt: rows of a channel sent, back for a retry, or given up on; `retries` of them had been tried before (the metrics). */
  onDelivery?: (channel: string, result: 'sent' | 'retry' | 'failed', count: number, retries: number) => void;
}

/** What one pass did, in outbox rows: delivered, back in the queue after a failed attempt, given up. */
export interface PassResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The first line of a group backlog merged into one message. */
const mergedHeader = (count: number) => messages.outboxMerged(count);
/** Enough of an error to act on; an HTML error page is not. */
const MAX_ERROR_CHARS = 500;

/**
 * The sending side of the outbox (SPEC §2): claims due rows, keeps each rate
 * key within its channel's per-minute limit (counted in the database, so
 * instances share it), merges a group's backlog instead of delaying it,
 * batches identical direct messages, retries with backoff, and keeps failures.
 */
export class OutboxDispatcher {
  private readonly store: OutboxStore;
  private readonly channels: Map<string, Channel>;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly images: ImageSource | undefined;
  private readonly onDelivery: NonNullable<DispatcherOptions['onDelivery']>;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<PassResult> | undefined;
  private passes = 0;
  private started = false;
  /** Kicked during a pass: run the next one at once. */
  private again = false;
  /**
   * Rows delivered whose 'sent' the database did not take (it was away past
   * its retries): recorded first thing next pass, before any lease is
   * recovered, so that they are never sent again.
   */
  private unrecorded: { ids: number[]; at: Date }[] = [];

  constructor(options: DispatcherOptions) {
    // One claim token per dispatcher: it fences every row this one settles.
    this.store = new OutboxStore(options.db, randomUUID());
    this.channels = new Map(options.channels.map((c) => [c.name, c]));
    this.clock = options.clock;
    this.log = options.log;
    this.pollMs = options.pollMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? MINUTE_MS;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.batchSize = options.batchSize ?? 5_000;
    this.images = options.images;
    this.onDelivery = options.onDelivery ?? (() => undefined);
  }

  /** One deterministic pass over what is due now. Calls while a pass runs share it. */
  runOnce(): Promise<PassResult> {
    this.pass ??= this.doPass().finally(() => (this.pass = undefined));
    return this.pass;
  }

  /** Polls in the background; its timers are unref'd, so they never keep the process alive. */
  start(): void {
    this.started = true;
    this.schedule(0);
  }

  /** Something was queued and committed: run a pass soon (after the current one, if any). Ignored unless started. */
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

  /**
   * Runs passes until nothing is due now or `deadlineMs` of real time has gone
   * (the CLI sends before it exits). Messages waiting for a backoff or a rate
   * limit slot stay queued for the service.
   */
  async drain(deadlineMs = 30_000): Promise<PassResult> {
    const total: PassResult = { sent: 0, retried: 0, failed: 0 };
    const end = performance.now() + deadlineMs;
    while (performance.now() < end && (await this.store.anyDue([...this.channels.keys()], this.clock.now()))) {
      const pass = await this.runOnce();
      total.sent += pass.sent;
      total.retried += pass.retried;
      total.failed += pass.failed;
      if (pass.sent + pass.retried + pass.failed === 0) break;
    }
    return total;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        // Not `{ err }`: a driver error carries its statement's parameters, which may be message bodies.
        .catch((err) => this.log.error({ error: describe(err), stack: err instanceof Error ? err.stack : undefined }, 'outbox pass failed'))
        .finally(() => {
          const next = this.again ? 0 : this.pollMs;
          this.again = false;
          this.schedule(next);
        });
    }, delay);
    this.timer.unref();
  }

  private async doPass(): Promise<PassResult> {
    const log = this.log.child({ pass: ++this.passes });
    const result: PassResult = { sent: 0, retried: 0, failed: 0 };
    const start = this.clock.now();
    await this.recordUnrecorded(log);
    const recovered = await this.store.recoverExpired(start, this.maxAttempts);
    if (recovered) log.warn({ recovered }, 'took back messages whose sender stopped before confirming them');

    const leaseUntil = new Date(start.getTime() + this.leaseMs);
    const open = [...this.channels.values()].filter((c) => c.ready?.() ?? true).map((c) => c.name);
    const claimed = await this.store.claimDue(open, start, leaseUntil, this.batchSize);
    if (claimed.length === 0) return result;
    // Read after claiming: see OutboxStore.rateUsage.
    const usage = await this.store.rateUsage(new Date(start.getTime() - MINUTE_MS), start);

    const sendable: QueuedMessage[] = [];
    for (const rows of groupBy(claimed, (r) => r.rateKey).values()) {
      sendable.push(...(await this.withinBudget(this.channel(rows[0]), rows, usage.get(rows[0].rateKey), leaseUntil, log)));
    }
    const calls = [...groupBy(sendable, (r) => r.channel).values()].flatMap((rows) => recipientBatches(rows, this.channel(rows[0]).maxRecipients));
    let leasedAt = start.getTime();
    let held: Set<number> | undefined;
    for (const [i, call] of calls.entries()) {
      // A long pass renews its claim halfway through the lease, so that no other sender takes over what it has yet to send.
      if (this.clock.now().getTime() - leasedAt >= this.leaseMs / 2) {
        leasedAt = this.clock.now().getTime();
        held = await this.store.renew(calls.slice(i).flat().map((r) => r.id), new Date(leasedAt + this.leaseMs));
      }
      const rows = held ? call.filter((r) => held!.has(r.id)) : call;
      if (rows.length < call.length) log.warn({ lost: call.length - rows.length }, 'claim expired and taken over by another sender; left to it');
      if (rows.length) await this.deliver(this.channel(rows[0]), rows, result, log);
    }
    log.info({ claimed: claimed.length, ...result }, 'outbox pass done');
    return result;
  }

  /** Records the deliveries a database fault kept from being recorded (see {@link unrecorded}). */
  private async recordUnrecorded(log: Logger): Promise<void> {
    while (this.unrecorded.length) {
      const { ids, at } = this.unrecorded[0];
      const held = await this.store.markSent(ids, at);
      this.unrecorded.shift();
      log.info({ ids, held }, 'recorded deliveries the database missed');
    }
  }

  /**
   * The rows of one rate key that may go now. Over budget, a group's backlog is
   * merged into as few messages as the size limit allows; what still does not
   * fit waits for the next free slot, never dropped.
   */
  private async withinBudget(channel: Channel, rows: QueuedMessage[], usage: RateUsage | undefined, leaseUntil: Date, log: Logger): Promise<QueuedMessage[]> {
    const { budget, retryAt } = rateBudget(channel.perMinute, usage, this.clock.now());
    const ready = budget > 0 && channel.group && rows.length > budget ? await this.merge(channel, rows, leaseUntil, log) : rows;
    const waiting = ready.slice(budget);
    if (waiting.length) {
      await this.store.release(waiting.map((r) => r.id), retryAt);
      log.debug({ rateKey: rows[0].rateKey, waiting: waiting.length, until: retryAt.toISOString() }, 'rate limit reached; waiting for a free slot');
    }
    return ready.slice(0, budget);
  }

  /** A group's backlog, oldest first, as merged messages; the originals stay, pointing at them. Images are not merged: they follow the texts. */
  private async merge(channel: Channel, backlog: QueuedMessage[], leaseUntil: Date, log: Logger): Promise<QueuedMessage[]> {
    const rows = backlog.filter((r) => r.imageId === null);
    const out: QueuedMessage[] = [];
    for (const pack of mergeMessages(rows.map((r) => r.body), channel.maxBytes, mergedHeader)) {
      const members = pack.members.map((i) => rows[i]);
      const merged = members.length === 1 ? members[0] : await this.store.merge(members, pack.body, this.clock.now(), leaseUntil);
      if (merged) out.push(merged);
      else log.warn({ ids: members.map((m) => m.id) }, 'another sender took over messages being merged; left to it');
    }
    log.info({ channel: channel.name, messages: rows.length, merged: out.length }, 'group backlog over the rate limit merged');
    return [...out, ...backlog.filter((r) => r.imageId !== null)];
  }

  /**
   * One platform call for rows with the same body; records what became of each
   * row. Only the call is guarded: a database error after a successful call must
   * not pass for a failed delivery, or the message would go twice.
   */
  private async deliver(channel: Channel, rows: QueuedMessage[], result: PassResult, passLog: Logger): Promise<void> {
    const log = passLog.child({ channel: channel.name, ids: rows.map((r) => r.id) });
    let answer: { retryTargets?: string[] };
    try {
      answer = rows[0].imageId === null ? await channel.send(rows.map((r) => r.target), rows[0].body, readActions(rows[0].actions)) : await this.sendImage(channel, rows[0]);
    } catch (err) {
      const error = describe(err);
      if (err instanceof SendError && !err.retryable) {
        log.error({ error }, 'delivery refused; not retrying');
        result.failed += await this.store.fail(rows.map((r) => r.id), error);
        this.told('failed', rows);
      } else {
        log.warn({ error }, 'delivery failed; will retry');
        await this.retryOrFail(rows, error, result);
      }
      return;
    }
    const throttled = new Set(answer.retryTargets ?? []);
    const sent = rows.filter((r) => !throttled.has(r.target));
    const sentAt = this.clock.now();
    const held = await this.store.markSent(sent.map((r) => r.id), sentAt).catch((err) => {
      this.unrecorded.push({ ids: sent.map((r) => r.id), at: sentAt });
      throw err;
    });
    if (held < sent.length) log.warn({ lost: sent.length - held }, 'sent after another sender took the claim over');
    result.sent += sent.length;
    this.told('sent', sent);
    const retry = rows.filter((r) => throttled.has(r.target));
    if (retry.length) {
      log.warn({ throttled: retry.length }, 'platform throttled some recipients; retrying them later');
      await this.retryOrFail(retry, 'throttled by the platform', result);
    }
  }

  /** One image message: in the channel's image format, or as its caption and link where the channel has none. */
  private async sendImage(channel: Channel, row: QueuedMessage): Promise<{ retryTargets?: string[] }> {
    const image = this.images && (await this.images(row.imageId!, row.body, this.clock.now()));
    if (!image) throw new SendError(`image ${row.imageId} is not available`, false);
    if (!channel.sendImage) return channel.send([row.target], `${row.body}\n${image.url}`);
    await channel.sendImage(row.target, image);
    return {};
  }

  /** Another attempt after a backoff that grows with the attempts made, or 'failed' once they are used up. */
  private async retryOrFail(rows: QueuedMessage[], error: string, result: PassResult): Promise<void> {
    const exhausted = rows.filter((r) => r.attempts + 1 >= this.maxAttempts);
    if (exhausted.length) result.failed += await this.store.fail(exhausted.map((r) => r.id), `${error} (gave up after ${this.maxAttempts} attempts)`);
    this.told('failed', exhausted);
    const now = this.clock.now().getTime();
    for (const [attempts, group] of groupBy(rows.filter((r) => r.attempts + 1 < this.maxAttempts), (r) => r.attempts)) {
      result.retried += await this.store.retry(group.map((r) => r.id), new Date(now + backoffMs(attempts + 1)), error);
      this.told('retry', group);
    }
  }

  /** Tells the observer what became of one attempt's rows. */
  private told(result: 'sent' | 'retry' | 'failed', rows: QueuedMessage[]): void {
    if (rows.length) this.onDelivery(rows[0].channel, result, rows.length, rows.filter((r) => r.attempts > 0).length);
  }

  private channel(row: QueuedMessage): Channel {
    // Claims are limited to this dispatcher's channels, so every claimed row has one.
    return this.channels.get(row.channel)!;
  }
}

/** A storable, loggable error text: the message of an Error (never its request, which may carry a token). */
function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
}
