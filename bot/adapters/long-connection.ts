import WebSocket from 'ws';
import type { Logger } from '../log';
import type { Dispatch } from '../message';
import type { Clock } from '../time';
import { LEASE_MS, type LinkLease } from './link-lease';

/** The timers a long connection uses, injectable so tests drive heartbeats and backoff without waiting. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers, unref'd: a long connection never keeps the process alive on its own. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Reconnect delays: 1 s doubling to 60 s, with up to 20% jitter so several instances do not dial in step. */
function backoff(attempt: number): number {
  const base = Math.min(60_000, 1_000 * 2 ** attempt);
  return Math.round(base * (1 + Math.random() * 0.2));
}

/** A connection is reported unhealthy once it has been down this long (SPEC §14, issue 17). */
export const DOWN_WARNING_MS = 2 * 60_000;

/** What `/healthz` says about one long connection. */
export interface LinkStatus {
  name: string;
  connected: boolean;
  /** Connected since, or down since (ISO time). */
  since: string;
  /** Successful connections after the first. */
  reconnects: number;
  /** How long it has been down, 0 while connected. */
  downForMs: number;
  /** Under a lease (one connection per bot across instances): the instance holding it, if any, and this instance's name. */
  lease?: { holder: string | null; instance: string; standby: boolean; checkedAt: string | null };
}

/** An inbound path that dials out (DingTalk Stream, WeCom intelligent bot) instead of mounting routes. */
export interface InboundLink {
  start(dispatch: Dispatch): void;
  /** Stops reconnecting, lets frames in flight finish (and be acknowledged), then closes. */
  stop(): Promise<void>;
  status(): LinkStatus;
}

/** What a platform's protocol supplies to a {@link LongConnection}. */
export interface Protocol {
  /** The WebSocket URL to dial now (DingTalk asks its gateway for a ticket first). */
  open(): Promise<string>;
  /** Called once the socket is open (WeCom subscribes here). */
  opened?(send: Send): void;
  /** One frame as parsed JSON; `send` answers on the socket it came on. */
  frame(frame: Record<string, unknown>, send: Send, dispatch: Dispatch): Promise<void>;
  /** One heartbeat: a WebSocket ping unless the platform has its own frame. */
  heartbeat?(send: Send, socket: WebSocket): void;
}

export type Send = (payload: unknown) => void;

export interface LongConnectionOptions {
  name: string;
  protocol: Protocol;
  clock: Clock;
  log: Logger;
  timers?: Timers;
  /** When the platform keeps one connection per bot: only the instance holding this lease connects. */
  lease?: LinkLease;
}

/** A holder renews its lease this often; an instance standing by looks this often whether the lease is free. */
const LEASE_RENEW_MS = 5_000;
/** After the server said another connection replaced this one, no look at the lease for this long. */
const DISPLACED_HOLD_MS = 60_000;

/**
 * The largest frame read (SPEC §14): `ws` refuses a longer one while it
 * arrives, before anything parses it, and closes the socket (1009); the
 * connection is then dialled again as after any drop.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** A heartbeat goes out this often; no frame or pong for a whole interval means the connection is dead. */
const HEARTBEAT_MS = 30_000;

/**
 * One long connection per bot: dials, keeps a heartbeat, and redials with
 * backoff after a drop, a dead heartbeat or a server's request — never holding
 * two sockets at once. Frames are handled concurrently; each handler decides
 * when to acknowledge (after its transaction commits).
 */
export class LongConnection implements InboundLink {
  private socket?: WebSocket;
  private dialing = false;
  private stopped = true;
  private connected = false;
  private since: Date;
  private opens = 0;
  private attempt = 0;
  private warned = false;
  private retry?: unknown;
  private beat?: unknown;
  private alive = false;
  private dispatch?: Dispatch;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers: Timers;
  /** Under a lease: waiting for another instance's lease to end (no dialing). */
  private standby = false;
  private holder: string | null = null;
  private checkedAt: string | null = null;
  private leaseTimer?: unknown;

  constructor(private readonly options: LongConnectionOptions) {
    this.timers = options.timers ?? realTimers;
    this.since = options.clock.now();
    // Under a lease, nothing is dialled before the lease is taken.
    this.standby = Boolean(options.lease);
  }

  start(dispatch: Dispatch): void {
    this.dispatch = dispatch;
    this.stopped = false;
    if (this.options.lease) void this.tend();
    else void this.dial();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearTimeout(this.retry);
    this.timers.clearTimeout(this.beat);
    this.timers.clearTimeout(this.leaseTimer);
    // Given up at once, so another instance takes the connection over at its next look.
    await this.options.lease?.release().catch((err: Error) => this.options.log.warn({ connection: this.options.name, err: err.message }, 'long connection: lease not released; it expires by itself'));
    await Promise.allSettled([...this.inFlight]);
    const socket = this.socket;
    this.lost();
    if (socket) await closed(socket, 'close');
  }

  status(): LinkStatus {
    const downForMs = this.connected ? 0 : Math.max(0, this.options.clock.now().getTime() - this.since.getTime());
    const { lease } = this.options;
    return {
      name: this.options.name,
      connected: this.connected,
      since: this.since.toISOString(),
      reconnects: Math.max(0, this.opens - 1),
      downForMs,
      ...(lease ? { lease: { holder: this.holder, instance: lease.holder, standby: this.standby, checkedAt: this.checkedAt } } : {}),
    };
  }

  /** False while another instance holds the connection's lease: nothing can be sent on it from here. */
  get ready(): boolean {
    return !this.standby;
  }

  /**
   * The server replaced this connection with another one (the WeCom bot's
   * disconnected_event): give the lease up, close without redialing, and stand
   * by — whoever connected holds it now.
   */
  async displaced(): Promise<void> {
    const { lease, log, name } = this.options;
    log.warn({ connection: name }, 'long connection: the server replaced it with another connection; standing by');
    this.enterStandby(DISPLACED_HOLD_MS);
    await lease?.release();
    const socket = this.socket;
    this.lost();
    if (socket) await closed(socket, 'close');
  }

  /**
   * Under a lease, every few seconds: the holder renews it (while connected, or
   * down for less than a lease, the time a redial takes); one that cannot gives
   * the connection up. An instance standing by takes the lease when it is free
   * and dials.
   */
  private async tend(): Promise<void> {
    const lease = this.options.lease!;
    const { log, name } = this.options;
    if (this.stopped) return;
    const lookedAt = this.options.clock.now().toISOString();
    try {
      if (!this.standby && !this.connected && this.status().downForMs >= LEASE_MS) {
        log.warn({ connection: name }, 'long connection: down for a whole lease; giving it up to another instance');
        await lease.release();
        this.holder = null;
        this.checkedAt = lookedAt;
        this.enterStandby(LEASE_RENEW_MS);
        return;
      }
      const held = await lease.acquire();
      this.holder = held ? lease.holder : await lease.current();
      if (held && this.standby) {
        log.info({ connection: name, instance: lease.holder }, 'long connection: lease taken; connecting');
        this.standby = false;
        this.since = this.options.clock.now();
        void this.dial();
      } else if (!held && !this.standby) {
        log.info({ connection: name, holder: this.holder }, 'long connection: another instance holds it; standing by');
        this.enterStandby(LEASE_RENEW_MS);
        this.checkedAt = lookedAt;
        const socket = this.socket;
        this.lost();
        if (socket) await closed(socket, 'close');
        return;
      }
    } catch (err) {
      log.warn({ connection: name, err: (err as Error).message }, 'long connection: lease not read; trying again');
    }
    this.checkedAt = lookedAt;
    this.armLease(LEASE_RENEW_MS);
  }

  private enterStandby(lookAfterMs: number): void {
    this.standby = true;
    this.timers.clearTimeout(this.retry);
    this.retry = undefined;
    this.armLease(lookAfterMs);
  }

  private armLease(ms: number): void {
    this.timers.clearTimeout(this.leaseTimer);
    if (this.stopped) return;
    this.leaseTimer = this.timers.setTimeout(() => void this.tend(), ms);
  }

  /** Sends a frame on the current socket; false when there is no open connection. */
  send(payload: unknown): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(payload));
    return true;
  }

  /** Cuts the current socket (a refused subscription): the usual backoff then dials again. */
  drop(): void {
    this.socket?.terminate();
  }

  /** The server asked to move (DingTalk `disconnect`): finish the frames in flight, close, and dial again at once. */
  async redial(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.lost();
    await Promise.allSettled([...this.inFlight]);
    await closed(socket, 'terminate');
    this.options.log.info({ connection: this.options.name }, 'long connection: moving at the server\'s request');
    await this.dial();
  }

  private async dial(): Promise<void> {
    if (this.stopped || this.standby || this.socket || this.dialing) return;
    this.dialing = true;
    const { log, protocol } = this.options;
    try {
      const url = await protocol.open();
      if (this.stopped) return;
      this.attach(new WebSocket(url, { handshakeTimeout: 10_000, maxPayload: MAX_FRAME_BYTES }));
    } catch (err) {
      log.warn({ connection: this.options.name, err: (err as Error).message }, 'long connection: could not open');
      this.schedule();
    } finally {
      this.dialing = false;
    }
  }

  private attach(socket: WebSocket): void {
    const { log, clock, name } = this.options;
    this.socket = socket;
    const send: Send = (payload) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
    };
    socket.on('open', () => {
      this.connected = true;
      this.since = clock.now();
      this.opens += 1;
      this.attempt = 0;
      this.warned = false;
      log.info({ connection: name, reconnects: this.opens - 1 }, 'long connection: connected');
      this.options.protocol.opened?.(send);
      this.alive = true;
      this.armHeartbeat(socket, send);
    });
    socket.on('pong', () => (this.alive = true));
    socket.on('message', (data) => {
      this.alive = true;
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        log.warn({ connection: name }, 'long connection: a frame that is not JSON, ignored');
        return;
      }
      if (!frame || typeof frame !== 'object') return;
      const handled = this.options.protocol
        .frame(frame as Record<string, unknown>, send, this.dispatch!)
        .catch((err) => log.error({ connection: name, err }, 'long connection: frame not handled; left unacknowledged for re-delivery'))
        .finally(() => this.inFlight.delete(handled));
      this.inFlight.add(handled);
    });
    socket.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log.warn({ connection: name, maxBytes: MAX_FRAME_BYTES }, 'long connection: a frame over the size limit refused unread; reconnecting');
      else log.warn({ connection: name, err: err.message }, 'long connection: socket error');
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.lost();
      log.warn({ connection: name }, 'long connection: dropped; reconnecting');
      this.schedule();
    });
  }

  private armHeartbeat(socket: WebSocket, send: Send): void {
    this.beat = this.timers.setTimeout(() => {
      if (this.socket !== socket) return;
      if (!this.alive) {
        this.options.log.warn({ connection: this.options.name }, 'long connection: heartbeat missed; reconnecting');
        socket.terminate();
        return;
      }
      this.alive = false;
      if (this.options.protocol.heartbeat) this.options.protocol.heartbeat(send, socket);
      else socket.ping();
      this.armHeartbeat(socket, send);
    }, HEARTBEAT_MS);
  }

  /** The current socket is gone: down from now, no heartbeat. */
  private lost(): void {
    this.socket = undefined;
    this.timers.clearTimeout(this.beat);
    if (this.connected) this.since = this.options.clock.now();
    this.connected = false;
  }

  private schedule(): void {
    if (this.stopped || this.standby || this.retry !== undefined) return;
    const down = this.status().downForMs;
    if (down > DOWN_WARNING_MS && !this.warned) {
      this.warned = true;
      this.options.log.warn({ connection: this.options.name, downForMs: down }, 'long connection down for more than 2 minutes: no messages are arriving');
    }
    this.retry = this.timers.setTimeout(() => {
      this.retry = undefined;
      void this.dial();
    }, backoff(this.attempt++));
  }
}

/** Closes a socket and resolves once it is closed, so a new one never overlaps it. */
function closed(socket: WebSocket, how: 'close' | 'terminate'): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    if (how === 'close') socket.close(1000);
    else socket.terminate();
  });
}
