import { SendError, type Channel } from '../../bot/outbox/channel';
import type { Clock } from '../../bot/time';

type Scripted = { throw: SendError | Error } | { retryTargets: string[] };

/** An in-memory channel that records calls (with the clock's time) and can be scripted to fail. */
export class FakeChannel implements Channel {
  readonly calls: { targets: string[]; body: string; at: number }[] = [];
  private readonly script: Scripted[] = [];

  constructor(
    private readonly clock: Clock,
    readonly name: string,
    readonly perMinute: number,
    readonly group: boolean,
    readonly maxRecipients = group ? 1 : 1000,
    readonly maxBytes = 2048,
  ) {}

  rateKey(target: string): string {
    return `${this.name}:${target}`;
  }

  /** The next calls answer these outcomes, in order. */
  then(...outcomes: Scripted[]): this {
    this.script.push(...outcomes);
    return this;
  }

  async send(targets: string[], body: string): Promise<{ retryTargets?: string[] }> {
    const outcome = this.script.shift();
    if (outcome && 'throw' in outcome) throw outcome.throw;
    this.calls.push({ targets, body, at: this.clock.now().getTime() });
    return outcome ?? {};
  }

  /** The most calls in any rolling 60 s window. */
  maxCallsPerMinute(): number {
    return Math.max(0, ...this.calls.map((c) => this.calls.filter((d) => d.at >= c.at && d.at < c.at + 60_000).length));
  }
}

export const retryable = (message = 'errcode 45009') => ({ throw: new SendError(message, true) });
export const permanent = (message = 'errcode 81013') => ({ throw: new SendError(message, false) });
