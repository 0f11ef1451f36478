import { SendError, type Channel } from '../../bot/outbox/channel';
import type { Clock } from '../../bot/time';

/** One call the platform saw. */
export interface Call {
  targets: string[];
  body: string;
  at: number;
}

/**
 * What the next call does: throw an error, answer throttled targets, or run a
 * step (advance the clock, run another dispatcher) before it succeeds.
 */
export type Outcome = Error | { retryTargets: string[] } | ((call: Call) => Promise<void> | void);

/** An in-memory channel that records calls (at the clock's time) and answers as scripted, then succeeds. */
export class FakeChannel implements Channel {
  /** Calls that delivered, oldest first. */
  readonly calls: Call[] = [];
  /** Every call, including refused ones. */
  readonly attempts: Call[] = [];
  private readonly script: Outcome[] = [];

  constructor(
    private readonly clock: Clock,
    readonly name: string,
    readonly perMinute: number,
    readonly group: boolean,
    readonly maxRecipients: number,
    readonly maxBytes = 2048,
  ) {}

  rateKey(target: string): string {
    return `${this.name}:${target}`;
  }

  /** The next calls answer these outcomes, in order. */
  then(...outcomes: Outcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  async send(targets: string[], body: string): Promise<{ retryTargets?: string[] }> {
    const call = { targets: [...targets], body, at: this.clock.now().getTime() };
    this.attempts.push(call);
    const outcome = this.script.shift();
    if (outcome instanceof Error) throw outcome;
    if (typeof outcome === 'function') await outcome(call);
    this.calls.push(call);
    return outcome && typeof outcome === 'object' ? outcome : {};
  }

  /** The bodies delivered, oldest first. */
  bodies(): string[] {
    return this.calls.map((c) => c.body);
  }

  /** The most deliveries in any rolling 60 s. */
  maxCallsPerMinute(): number {
    return Math.max(0, ...this.calls.map((c) => this.calls.filter((d) => d.at >= c.at && d.at < c.at + 60_000).length));
  }
}

/** A group robot like WeCom's: 20 a minute, one target a call. */
export const groupRobot = (clock: Clock, maxBytes = 2048) => new FakeChannel(clock, 'robot', 20, true, 1, maxBytes);
/** App messages to users: 30 a minute per user, `maxRecipients` a call (DingTalk batchSend: 20). */
export const userChannel = (clock: Clock, maxRecipients = 20) => new FakeChannel(clock, 'user', 30, false, maxRecipients);

export const retryable = (message = 'errcode 45009 frequency limit') => new SendError(message, true);
export const refused = (message = 'errcode 81013 all recipients invalid') => new SendError(message, false);
