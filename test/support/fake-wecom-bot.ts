import { EventEmitter, once } from 'node:events';
import { WebSocketServer, type WebSocket } from 'ws';

/** The intelligent bot a test subscribes as. */
export const TEST_WECOM_BOT = { botId: 'aibot-test', secret: 'test-bot-secret', leaderChatId: 'chat-leaders' };

/** The environment that turns the intelligent bot on alone, connecting to `url`, with a leadership group chat. */
export function wecomBotEnv(url: string): Record<string, string> {
  return { WECOM_BOT_ID: TEST_WECOM_BOT.botId, WECOM_BOT_SECRET: TEST_WECOM_BOT.secret, WECOM_BOT_WS_URL: url, WECOM_BOT_LEADER_CHAT_ID: TEST_WECOM_BOT.leaderChatId };
}

/** One request frame the fake received from the service: `{cmd, headers: {req_id}, body}`. */
export interface BotCall {
  cmd: string;
  headers: { req_id: string };
  body: Record<string, unknown>;
}

export interface BotTestMessage {
  from: string;
  content: string;
  msgid?: string;
  chattype?: 'single' | 'group';
  chatid?: string;
  /** A voice message whose transcription is `content`. */
  voice?: boolean;
  /** The bot the callback is for: this test's bot unless said. */
  aibotid?: string;
}

/**
 * A fake WeCom intelligent-bot gateway on 127.0.0.1 (a WebSocket server
 * speaking the documented frames): checks `aibot_subscribe`, answers every
 * request on its `req_id`, pushes `aibot_msg_callback` frames and records the
 * service's replies and pushes.
 */
export class FakeWecomBot {
  readonly calls: BotCall[] = [];
  /** Connections whose subscription was accepted. */
  subscribed = 0;
  mostAtOnce = 0;
  /** When set, `ping` frames go unanswered. */
  silent = false;
  /** errcode given to the next `aibot_respond_msg` requests (e.g. an expired request). */
  readonly refuseReplies: number[] = [];
  url = '';
  /** Connections the server replaced with a newer subscription (each told with disconnected_event). */
  displaced = 0;
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  /** The one subscribed connection the server delivers to, as WeCom keeps one connection per bot. */
  private current?: WebSocket;
  /** Frames for the bot while no connection is subscribed: delivered to the next one. */
  private readonly pending: string[] = [];
  private serial = 0;
  private wss!: WebSocketServer;

  static async start(): Promise<FakeWecomBot> {
    const fake = new FakeWecomBot();
    fake.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(fake.wss, 'listening');
    fake.url = `ws://127.0.0.1:${(fake.wss.address() as { port: number }).port}`;
    fake.wss.on('connection', (socket) => fake.accept(socket));
    return fake;
  }

  /** Resolves once `n` subscriptions in all have been accepted. */
  async connected(n = 1): Promise<void> {
    while (this.subscribed < n) await once(this.events, 'subscribed');
  }

  /** Pushes a message to the bot and resolves with the markdown it answered on the same request. */
  async message(msg: BotTestMessage): Promise<string> {
    const reqId = `cb-${++this.serial}`;
    this.push(reqId, msg);
    return this.answerTo(reqId);
  }

  /** Pushes a message without waiting for an answer; returns its req_id. */
  push(reqId: string, msg: BotTestMessage): void {
    const body = {
      msgid: msg.msgid ?? `bot-${reqId}-${Math.random().toString(36).slice(2)}`,
      aibotid: msg.aibotid ?? TEST_WECOM_BOT.botId,
      ...(msg.chatid ? { chatid: msg.chatid } : {}),
      chattype: msg.chattype ?? 'single',
      from: { userid: msg.from },
      ...(msg.voice ? { msgtype: 'voice', voice: { content: msg.content } } : { msgtype: 'text', text: { content: msg.content } }),
    };
    this.deliver(JSON.stringify({ cmd: 'aibot_msg_callback', headers: { req_id: reqId }, body }));
  }

  /** To the subscribed connection, or kept for the next one. */
  private deliver(frame: string): void {
    if (this.current) this.current.send(frame);
    else this.pending.push(frame);
  }

  /** Pushes an `aibot_event_callback` (a card click, enter_chat) with this body's event; returns its req_id. */
  event(from: string, event: Record<string, unknown>, opts: { chattype?: 'single' | 'group'; chatid?: string; msgid?: string } = {}): string {
    const reqId = `ev-${++this.serial}`;
    const body = {
      msgid: opts.msgid ?? `ev-${reqId}-${Math.random().toString(36).slice(2)}`,
      aibotid: TEST_WECOM_BOT.botId,
      ...(opts.chatid ? { chatid: opts.chatid } : {}),
      chattype: opts.chattype ?? 'single',
      from: { userid: from },
      msgtype: 'event',
      event,
    };
    this.eventSentAt.set(reqId, Date.now());
    this.deliver(JSON.stringify({ cmd: 'aibot_event_callback', headers: { req_id: reqId }, body }));
    return reqId;
  }

  /** Taps a card's button: the template_card_event with its key and task id; returns the event's req_id. */
  click(from: string, card: { task_id: string; button_list: { text: string; key: string }[] }, text: string, opts: { chattype?: 'single' | 'group'; chatid?: string; msgid?: string } = {}): string {
    const button = card.button_list.find((b) => b.text === text);
    if (!button) throw new Error(`no button 「${text}」 on the card: ${card.button_list.map((b) => b.text).join(', ')}`);
    return this.event(from, { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: button.key, task_id: card.task_id } }, opts);
  }

  /** Template cards pushed (aibot_send_msg), with where they went, from call `since`. */
  cards(since = 0): { chatid: string; card: { task_id: string; card_type: string; main_title: { title: string }; sub_title_text?: string; button_list: { text: string; key: string; style: number }[] } }[] {
    return this.pushes(since)
      .filter((c) => c.body.msgtype === 'template_card')
      .map((c) => ({ chatid: String(c.body.chatid), card: c.body.template_card as never }));
  }

  /** Card updates (aibot_respond_update_msg): on which request, the new card, and how long after the click it came (ms, real time). */
  cardUpdates(): { reqId: string; body: Record<string, unknown>; afterMs: number }[] {
    return this.calls.filter((c) => c.cmd === 'aibot_respond_update_msg').map((c) => ({ reqId: c.headers.req_id, body: c.body, afterMs: (this.callAt.get(c) ?? 0) - (this.eventSentAt.get(c.headers.req_id) ?? 0) }));
  }

  /** Resolves once `n` calls of `cmd` have come. */
  async calledTimes(cmd: string, n = 1): Promise<void> {
    while (this.calls.filter((c) => c.cmd === cmd).length < n) await once(this.events, 'call');
  }

  /** Resolves with the markdown answered on request `reqId`. */
  async answerTo(reqId: string): Promise<string> {
    const found = () => this.calls.find((c) => c.cmd === 'aibot_respond_msg' && c.headers.req_id === reqId && !this.refused.has(c));
    while (!found()) await once(this.events, 'call');
    return markdownOf(found()!);
  }

  /** Answers (markdown) given on request `reqId` so far. */
  answersTo(reqId: string): string[] {
    return this.calls.filter((c) => c.cmd === 'aibot_respond_msg' && c.headers.req_id === reqId && !this.refused.has(c)).map(markdownOf);
  }

  /** Texts pushed to the leadership group chat, from call `since`. */
  groupTexts(since = 0): string[] {
    return this.pushes(since).filter((c) => c.body.chatid === TEST_WECOM_BOT.leaderChatId).map(markdownOf);
  }

  /** Texts pushed to people, one per recipient, from call `since`. */
  directTexts(since = 0): { to: string; text: string }[] {
    return this.pushes(since)
      .filter((c) => c.body.chatid !== TEST_WECOM_BOT.leaderChatId)
      .map((c) => ({ to: String(c.body.chatid), text: markdownOf(c) }));
  }

  /** Cuts every connection without a close handshake. */
  drop(): void {
    // Nothing more goes to a connection being cut: what comes meanwhile waits for the next subscription.
    this.current = undefined;
    for (const socket of this.sockets) socket.terminate();
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private readonly refused = new WeakSet<BotCall>();
  private readonly eventSentAt = new Map<string, number>();
  private readonly callAt = new WeakMap<BotCall, number>();

  private pushes(since: number): BotCall[] {
    return this.calls.slice(since).filter((c) => c.cmd === 'aibot_send_msg');
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    this.mostAtOnce = Math.max(this.mostAtOnce, this.sockets.size);
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (this.current === socket) this.current = undefined;
    });
    socket.on('message', (raw) => {
      const call = JSON.parse(String(raw)) as BotCall;
      const answer = (errcode: number, errmsg = errcode ? 'refused' : 'ok') => socket.send(JSON.stringify({ headers: { req_id: call.headers.req_id }, errcode, errmsg }));
      if (call.cmd === 'aibot_subscribe') {
        const ok = call.body.bot_id === TEST_WECOM_BOT.botId && call.body.secret === TEST_WECOM_BOT.secret;
        answer(ok ? 0 : 40058, ok ? 'ok' : 'invalid bot_id or secret');
        if (ok) {
          // One connection per bot: the newer subscription replaces the older, which is told so and closed.
          const older = this.current;
          if (older && older !== socket) {
            this.displaced += 1;
            older.send(JSON.stringify({ cmd: 'aibot_event_callback', headers: { req_id: `dis-${++this.serial}` }, body: { msgid: `dis-${this.serial}`, aibotid: TEST_WECOM_BOT.botId, msgtype: 'event', event: { eventtype: 'disconnected_event' } } }));
            older.close(1000);
          }
          this.current = socket;
          this.subscribed += 1;
          this.events.emit('subscribed');
          for (const frame of this.pending.splice(0)) socket.send(frame);
        }
        return;
      }
      if (call.cmd === 'ping') return this.silent || answer(0);
      this.calls.push(call);
      this.callAt.set(call, Date.now());
      const refusal = call.cmd === 'aibot_respond_msg' ? this.refuseReplies.shift() : undefined;
      if (refusal !== undefined) this.refused.add(call);
      answer(refusal ?? 0);
      this.events.emit('call');
    });
  }
}

/** The markdown a call carried, as sent. */
export function rawMarkdownOf(call: BotCall): string {
  if (call.body.msgtype === 'template_card') {
    // A card shows its title and the text below it; as plain text, never escaped.
    const card = call.body.template_card as { main_title: { title: string }; sub_title_text?: string };
    return [card.main_title.title, card.sub_title_text].filter(Boolean).join('\n').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
  }
  return String((call.body.markdown as { content?: unknown } | undefined)?.content ?? '');
}

/** The text a call's markdown shows: its backslash escapes and the no-break spaces that keep an indent read as what they stand for. */
function markdownOf(call: BotCall): string {
  return rawMarkdownOf(call)
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/^\u00a0+/gm, (lead) => ' '.repeat(lead.length));
}
