import type { Database } from '../../bot/db/database';
import { silentLogger } from '../../bot/log';
import { OutboxDispatcher, type DispatcherOptions } from '../../bot/outbox/dispatcher';
import { Outbox, type OutboxCategory } from '../../bot/outbox/outbox';
import { ManualClock } from '../../bot/time';
import { openTestDatabase } from '../support/db';
import { groupRobot, userChannel, type FakeChannel } from './fake-channel';

/** An outbox row as a test inspects it. */
export interface Row {
  id: number;
  target: string;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  mergedIntoId: number | null;
  nextAttemptAt: string;
}

/** A fresh database, a manual clock, a group robot and a user channel, and the outbox over them. */
export class OutboxHarness {
  readonly clock = new ManualClock('2026-11-23T00:00:00.000Z');
  readonly robot: FakeChannel = groupRobot(this.clock);
  readonly user: FakeChannel = userChannel(this.clock);
  readonly channels: FakeChannel[];
  readonly outbox: Outbox;

  private constructor(
    readonly db: Database,
    channels?: (harness: OutboxHarness) => FakeChannel[],
  ) {
    this.channels = channels ? channels(this) : [this.robot, this.user];
    this.outbox = new Outbox({ channels: this.channels, clock: this.clock });
  }

  /** `channels` replaces the default robot and user channel; `db` replaces a fresh test database. */
  static async open(options: { channels?: (harness: OutboxHarness) => FakeChannel[]; db?: Database } = {}): Promise<OutboxHarness> {
    return new OutboxHarness(options.db ?? (await openTestDatabase()), options.channels);
  }

  /** A dispatcher over this database and these channels. */
  dispatcher(options: Partial<DispatcherOptions> = {}): OutboxDispatcher {
    return new OutboxDispatcher({ db: this.db, channels: this.channels, clock: this.clock, log: silentLogger, ...options });
  }

  /** Queues one message in a transaction of its own. */
  enqueue(channel: string, target: string, body: string, category: OutboxCategory = 'alert'): Promise<void> {
    return this.db.tx((sql) => this.outbox.enqueue(sql, { channel, target }, body, category));
  }

  /** Every outbox row, oldest first. */
  async rows(): Promise<Row[]> {
    const rows = await this.db.all<Row>(
      `SELECT id, target, body, status, attempts, last_error AS "lastError", merged_into_id AS "mergedIntoId", next_attempt_at AS "nextAttemptAt"
         FROM outbox ORDER BY id`,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts), mergedIntoId: r.mergedIntoId === null ? null : Number(r.mergedIntoId) }));
  }

  /** Runs passes one second apart for `seconds` seconds of the manual clock. */
  async runFor(seconds: number, dispatcher = this.dispatcher()): Promise<void> {
    for (let s = 0; s < seconds; s++) {
      await dispatcher.runOnce();
      this.clock.advance(1_000);
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
