import type { Logger } from '../log';
import type { Clock } from '../time';
import { LEASE_MS, type LinkLease } from './link-lease';

/** A holder renews its lease this often; an instance standing by looks this often whether the lease is free. */
const LEASE_RENEW_MS = 5_000;
/** After the server said another connection replaced this one, no look at the lease for this long. */
const DISPLACED_HOLD_MS = 60_000;

/** The timers the keeper looks by: the connection's, so tests drive both alike. */
interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the keeper asks of the connection it keeps under the lease. */
export interface LeasedConnection {
  isConnected(): boolean;
  /** How long the connection has been down, 0 while connected. */
  downForMs(): number;
  /** The lease was taken: dial now. */
  connect(): void;
  /** The lease is another's: stop redialing and close the socket, if any. */
  standAside(): Promise<void>;
}

/** The lease's part of a connection's status (`/healthz`). */
export interface LeaseStatus {
  holder: string | null;
  instance: string;
  standby: boolean;
  checkedAt: string | null;
}

/**
 * Keeps a long connection that the platform allows once per bot (the WeCom
 * intelligent bot) under a database lease: every few seconds the holder renews
 * it (while connected, or down for less than a lease, the time a redial takes);
 * one that cannot gives the connection up. An instance standing by takes the
 * lease when it is free and has the connection dial.
 */
export class LeaseKeeper {
  /** Waiting for another instance's lease to end: the connection must not dial. Nothing is dialled before the lease is taken. */
  standby = true;
  private holder: string | null = null;
  private checkedAt: string | null = null;
  private timer?: unknown;
  private stopped = true;

  constructor(
    private readonly lease: LinkLease,
    private readonly connection: LeasedConnection,
    private readonly options: { name: string; clock: Clock; log: Logger; timers: Timers },
  ) {}

  start(): void {
    this.stopped = false;
    void this.tend();
  }

  /** Stops looking and gives the lease up at once, so another instance takes the connection over at its next look. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.options.timers.clearTimeout(this.timer);
    await this.lease.release().catch((err: Error) => this.options.log.warn({ connection: this.options.name, err: err.message }, 'long connection: lease not released; it expires by itself'));
  }

  status(): LeaseStatus {
    return { holder: this.holder, instance: this.lease.holder, standby: this.standby, checkedAt: this.checkedAt };
  }

  /** The server replaced the connection with another one: give the lease up and stand by — whoever connected holds it now. */
  async displaced(): Promise<void> {
    this.enterStandby(DISPLACED_HOLD_MS);
    await this.lease.release();
  }

  private async tend(): Promise<void> {
    const { log, name, clock } = this.options;
    if (this.stopped) return;
    const lookedAt = clock.now().toISOString();
    try {
      if (!this.standby && !this.connection.isConnected() && this.connection.downForMs() >= LEASE_MS) {
        log.warn({ connection: name }, 'long connection: down for a whole lease; giving it up to another instance');
        await this.lease.release();
        this.holder = null;
        this.checkedAt = lookedAt;
        this.enterStandby(LEASE_RENEW_MS);
        await this.connection.standAside();
        return;
      }
      const held = await this.lease.acquire();
      this.holder = held ? this.lease.holder : await this.lease.current();
      if (held && this.standby) {
        log.info({ connection: name, instance: this.lease.holder }, 'long connection: lease taken; connecting');
        this.standby = false;
        this.connection.connect();
      } else if (!held && !this.standby) {
        log.info({ connection: name, holder: this.holder }, 'long connection: another instance holds it; standing by');
        this.enterStandby(LEASE_RENEW_MS);
        this.checkedAt = lookedAt;
        await this.connection.standAside();
        return;
      }
    } catch (err) {
      log.warn({ connection: name, err: (err as Error).message }, 'long connection: lease not read; trying again');
    }
    this.checkedAt = lookedAt;
    this.arm(LEASE_RENEW_MS);
  }

  private enterStandby(lookAfterMs: number): void {
    this.standby = true;
    this.arm(lookAfterMs);
  }

  private arm(ms: number): void {
    this.options.timers.clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = this.options.timers.setTimeout(() => void this.tend(), ms);
  }
}
