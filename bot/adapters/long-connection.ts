import WebSocket from 'ws';
import type { Logger } from '../log';
import type { Dispatch } from '../message';
import type { Clock } from '../time';
import { LeaseKeeper, type LeaseStatus } from './lease-keeper';
import type { LinkLease } from './link-lease';

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
  lease?: LeaseStatus;
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
  /** Under a lease (one connection per bot across instances): who may dial, decided by the lease-keeper. */
  private readonly keeper?: LeaseKeeper;

  constructor(private readonly options: LongConnectionOptions) {
    this.timers = options.timers ?? realTimers;
    this.since = options.clock.now();
    if (options.lease) {
      this.keeper = new LeaseKeeper(
        options.lease,
        {
          isConnected: () => this.connected,
          downForMs: () => this.status().downForMs,
          connect: () => {
            this.since = this.options.clock.now();
            void this.dial();
          },
          standAside: () => this.standAside(),
        },
        { name: options.name, clock: options.clock, log: options.log, timers: this.timers },
      );
    }
  }

  start(dispatch: Dispatch): void {
    this.dispatch = dispatch;
    this.stopped = false;
    if (this.keeper) this.keeper.start();
    else void this.dial();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearTimeout(this.retry);
    this.timers.clearTimeout(this.beat);
    await this.keeper?.stop();
    await Promise.allSettled([...this.inFlight]);
    const socket = this.socket;
    this.lost();
    if (socket) await closed(socket, 'close');
  }

  status(): LinkStatus {
    const downForMs = this.connected ? 0 : Math.max(0, this.options.clock.now().getTime() - this.since.getTime());
    return {
      name: this.options.name,
      connected: this.connected,
      since: this.since.toISOString(),
      reconnects: Math.max(0, this.opens - 1),
      downForMs,
      ...(this.keeper ? { lease: this.keeper.status() } : {}),
    };
  }

  /** False while another instance holds the connection's lease: nothing can be sent on it from here. */
  get ready(): boolean {
    return !this.standby;
  }

  /** Waiting for another instance's lease to end: no dialing. */
  private get standby(): boolean {
    return this.keeper?.standby ?? false;
  }

  /**
   * The server replaced this connection with another one (the WeCom bot's
   * disconnected_event): give the lease up, close without redialing, and stand
   * by — whoever connected holds it now.
   */
  async displaced(): Promise<void> {
    this.options.log.warn({ connection: this.options.name }, 'long connection: the server replaced it with another connection; standing by');
    await this.keeper?.displaced();
    await this.standAside();
  }

  /** No redial, and the socket, if any, closed: another instance holds the connection. */
  private async standAside(): Promise<void> {
    this.timers.clearTimeout(this.retry);
    this.retry = undefined;
    const socket = this.socket;
    this.lost();
    if (socket) await closed(socket, 'close');
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
