import { EventEmitter, once } from 'node:events';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { ROBOT_TOPIC } from '../../bot/adapters/dingtalk/stream';
import { TEST_DINGTALK } from './dingtalk-client';
import { listenJson, type RecordedCall } from './json-server';

/** What the client answered to one frame: `{code, headers: {messageId}, message, data}`. */
export interface StreamAck {
  code: number;
  headers: { messageId?: string; topic?: string; contentType?: string };
  message?: string;
  data?: string;
}

/**
 * A fake DingTalk Stream gateway on 127.0.0.1: `POST /v1.0/gateway/connections/open`
 * checks the app's credentials and hands out a one-time ticket; the WebSocket
 * on the same port takes that ticket and speaks the documented frames. Robot
 * messages stay pending until acknowledged and can be re-delivered, as
 * DingTalk does with unacknowledged callbacks.
 */
export class FakeDingtalkGateway {
  readonly opens: RecordedCall[] = [];
  readonly acks: StreamAck[] = [];
  /** Connections accepted so far, and the most that were ever open at once. */
  accepted = 0;
  mostAtOnce = 0;
  /** Connections whose client has answered its first ping (it is listening). */
  private ready = 0;
  /** When set, `connections/open` answers 503. */
  refuse = false;
  /** When set, WebSocket pings go unanswered (a dead link). */
  silent = false;
  /** When set, the connection is cut as an ack arrives, before the gateway records it (the service died first). */
  cutBeforeAck = false;
  url = '';
  private readonly events = new EventEmitter();
  private readonly tickets = new Set<string>();
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, string>();
  private serial = 0;
  private frames = 0;
  private server!: Server;
  private wss!: WebSocketServer;

  static async start(): Promise<FakeDingtalkGateway> {
    const fake = new FakeDingtalkGateway();
    ({ server: fake.server, url: fake.url } = await listenJson((call) => fake.open(call)));
    fake.wss = new WebSocketServer({ server: fake.server, autoPong: false });
    fake.wss.on('connection', (socket, req) => fake.accept(socket, new URL(req.url ?? '/', 'ws://fake').searchParams.get('ticket') ?? ''));
    return fake;
  }

  /** Resolves once `n` connections in all have been accepted and answered a ping. */
  async connected(n = 1): Promise<void> {
    while (this.ready < n) await once(this.events, 'connection');
  }

  /** Resolves when {@link cutBeforeAck} next cuts a connection. */
  async cut(): Promise<void> {
    await once(this.events, 'cut');
  }

  /** Resolves once frame `messageId` has been acknowledged `n` times (by as many connections). */
  async acked(messageId: string, n: number): Promise<void> {
    while (this.acks.filter((a) => a.headers?.messageId === messageId).length < n) await once(this.events, 'ack');
  }

  /** Pushes a robot message (the callback's JSON) and resolves with the client's ack. */
  async deliver(robotMessage: Record<string, unknown>): Promise<StreamAck> {
    const messageId = `frame-${++this.frames}`;
    this.pending.set(messageId, JSON.stringify(robotMessage));
    return this.push(messageId);
  }

  /** Pushes a robot message once, expecting no answer (a frame the client should refuse). */
  offer(robotMessage: Record<string, unknown>): void {
    this.sendAll({ specVersion: '1.0', type: 'CALLBACK', headers: { messageId: `frame-${++this.frames}`, topic: ROBOT_TOPIC, contentType: 'application/json', time: String(Date.now()) }, data: JSON.stringify(robotMessage) });
  }

  /** Pushes every frame still unacknowledged again, on the current connection, and resolves with their acks. */
  redeliver(): Promise<StreamAck[]> {
    return Promise.all([...this.pending.keys()].map((id) => this.push(id)));
  }

  /** Frames pushed and not yet acknowledged. */
  get unacknowledged(): number {
    return this.pending.size;
  }

  /** A SYSTEM ping; resolves with the answer. */
  ping(data = '{"opaque":"p-1"}'): Promise<StreamAck> {
    const messageId = `ping-${++this.serial}`;
    this.sendAll({ specVersion: '1.0', type: 'SYSTEM', headers: { messageId, topic: 'ping', contentType: 'application/json', time: String(Date.now()) }, data });
    return this.answerTo(messageId);
  }

  /** The SYSTEM `disconnect` DingTalk sends before it moves a client. */
  disconnect(): void {
    this.sendAll({ specVersion: '1.0', type: 'SYSTEM', headers: { messageId: `sys-${++this.serial}`, topic: 'disconnect' }, data: '{"reason":"gateway upgrade"}' });
  }

  /** Cuts every connection without a close handshake. */
  drop(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private open(call: RecordedCall): [number, unknown] {
    this.opens.push(call);
    if (this.refuse) return [503, { code: 'ServiceUnavailable', message: 'scripted' }];
    const body = call.body ?? {};
    const topics = ((body.subscriptions as { topic?: string }[] | undefined) ?? []).map((s) => s.topic);
    if (body.clientId !== TEST_DINGTALK.appKey || body.clientSecret !== TEST_DINGTALK.appSecret) return [401, { code: 'InvalidAuthentication', message: 'bad client' }];
    if (!topics.includes(ROBOT_TOPIC)) return [400, { code: 'invalidParameter', message: 'no robot topic' }];
    const ticket = `ticket-${++this.serial}`;
    this.tickets.add(ticket);
    return [200, { endpoint: this.url.replace(/^http/, 'ws') + '/connect', ticket }];
  }

  private accept(socket: WebSocket, ticket: string): void {
    if (!this.tickets.delete(ticket)) {
      socket.close(4001, 'bad ticket');
      return;
    }
    this.sockets.add(socket);
    this.accepted += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.sockets.size);
    socket.on('ping', () => this.silent || socket.pong());
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (raw) => {
      const ack = JSON.parse(String(raw)) as StreamAck;
      if (this.cutBeforeAck && ack.headers?.messageId?.startsWith('frame-')) {
        socket.terminate();
        this.events.emit('cut');
        return;
      }
      this.acks.push(ack);
      if (ack.code === 200 && ack.headers?.messageId) this.pending.delete(ack.headers.messageId);
      this.events.emit(`answer:${ack.headers?.messageId}`, ack);
      this.events.emit('ack');
    });
    void this.ping().then(() => {
      this.ready += 1;
      this.events.emit('connection');
    });
  }

  private push(messageId: string): Promise<StreamAck> {
    const data = this.pending.get(messageId)!;
    this.sendAll({ specVersion: '1.0', type: 'CALLBACK', headers: { messageId, topic: ROBOT_TOPIC, contentType: 'application/json', time: String(Date.now()) }, data });
    return this.answerTo(messageId);
  }

  private async answerTo(messageId: string): Promise<StreamAck> {
    const [ack] = (await once(this.events, `answer:${messageId}`)) as [StreamAck];
    return ack;
  }

  private sendAll(frame: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(frame));
  }
}
