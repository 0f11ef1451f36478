import type { WecomBotConfig } from '../../config';
import type { Logger } from '../../log';
import type { Dispatch, IncomingMessage } from '../../message';
import { SendError } from '../../outbox/channel';
import { markdownOf } from '../../outbox/markdown';
import type { Clock } from '../../time';
import type { LinkLease } from '../link-lease';
import { LongConnection, type Timers } from '../long-connection';
import { clickId, readButtonKey } from '../wecom/card';

/** A frame of the intelligent bot's long connection (PROTOCOLS.md "Long connection: WeCom 智能机器人"). */
interface BotFrame {
  cmd?: unknown;
  headers?: { req_id?: unknown };
  body?: Record<string, unknown>;
  errcode?: unknown;
  errmsg?: unknown;
}

/** The server's answer to a request frame. */
export interface BotAnswer {
  errcode: number;
  errmsg: string;
}

/** A plain-text body as the markdown message replies and pushes take, showing exactly as written (SPEC §12). */
export const markdown = (plain: string) => ({ msgtype: 'markdown', markdown: { content: markdownOf(plain) } });

const REQUEST_TIMEOUT_MS = 10_000;

/** `aibot_msg_callback` as the neutral shape; null when it lacks what a message needs. */
function decode(frame: BotFrame, receivedAt: Date): IncomingMessage | null {
  const body = frame.body ?? {};
  const from = (body.from as { userid?: unknown } | undefined)?.userid;
  const reqId = frame.headers?.req_id;
  if (typeof body.msgid !== 'string' || !body.msgid || typeof from !== 'string' || !from || typeof reqId !== 'string') return null;
  // A voice message carries its transcription in voice.content (PROTOCOLS.md "Cards and buttons").
  const voice = body.msgtype === 'voice';
  const content = ((voice ? body.voice : body.text) as { content?: unknown } | undefined)?.content;
  const isText = (body.msgtype === 'text' || voice) && typeof content === 'string' && (!voice || content.trim() !== '');
  return {
    platform: 'wecom',
    userId: from,
    chatId: typeof body.chatid === 'string' ? body.chatid : undefined,
    isGroup: body.chattype === 'group',
    kind: isText ? 'text' : 'other',
    text: isText ? content : '',
    ...(voice ? { voice } : {}),
    messageId: body.msgid,
    receivedAt,
    replyTo: reqId,
  };
}

/**
 * `aibot_event_callback` as the neutral shape: a tap on one of our cards' buttons
 * is the text it stands for, claimed once per (user, task_id, event_key);
 * `enter_chat` asks for the person's own help, answered as the welcome
 * (SPEC §16). Null for any other event.
 */
function decodeEvent(frame: BotFrame, receivedAt: Date): IncomingMessage | null {
  const body = frame.body ?? {};
  const from = (body.from as { userid?: unknown } | undefined)?.userid;
  const reqId = frame.headers?.req_id;
  const event = body.event as { eventtype?: unknown; template_card_event?: { event_key?: unknown; task_id?: unknown } } | undefined;
  if (typeof from !== 'string' || !from || typeof reqId !== 'string' || !event) return null;
  const base = { platform: 'wecom' as const, userId: from, chatId: typeof body.chatid === 'string' ? body.chatid : undefined, isGroup: body.chattype === 'group', kind: 'text' as const, receivedAt, replyTo: reqId };
  if (event.eventtype === 'template_card_event') {
    const { event_key: key, task_id: taskId } = event.template_card_event ?? {};
    const button = typeof key === 'string' && typeof taskId === 'string' && taskId ? readButtonKey(key) : null;
    if (!button) return null;
    return { ...base, text: button.command, messageId: clickId(taskId as string, key as string), card: { taskId: taskId as string, responseCode: '', done: button.done } };
  }
  if (event.eventtype === 'enter_chat' && typeof body.msgid === 'string' && body.msgid) return { ...base, isGroup: false, text: '帮助', messageId: body.msgid, welcome: true };
  return null;
}

/**
 * The WeCom intelligent bot's long connection on `ws`: subscribes with the
 * bot id and secret, heartbeats with `ping` frames, dispatches
 * `aibot_msg_callback` messages and carries the outbox's requests
 * (`aibot_respond_msg`, `aibot_send_msg`), each answered on its `req_id`.
 */
export class WecomBotLink {
  readonly connection: LongConnection;
  private readonly waiting = new Map<string, (answer: BotAnswer) => void>();
  private serial = 0;

  constructor(
    private readonly config: WecomBotConfig,
    private readonly clock: Clock,
    private readonly log: Logger,
    timers?: Timers,
    lease?: LinkLease,
  ) {
    this.connection = new LongConnection({
      name: 'wecom-bot',
      clock,
      log,
      timers,
      lease,
      protocol: {
        open: async () => config.wsUrl,
        opened: () => void this.subscribe(),
        heartbeat: () => void this.connection.send({ cmd: 'ping', headers: { req_id: this.nextId('ping') } }),
        frame: (frame, _send, dispatch) => this.frame(frame as BotFrame, dispatch),
      },
    });
  }

  /** Sends a request frame and resolves with the server's answer; a SendError when there is no connection or no answer. */
  request(cmd: string, body: unknown, reqId = this.nextId(cmd)): Promise<BotAnswer> {
    return new Promise<BotAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reqId);
        reject(new SendError(`${cmd}: no answer`, true));
      }, REQUEST_TIMEOUT_MS).unref();
      this.waiting.set(reqId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      if (!this.connection.send({ cmd, headers: { req_id: reqId }, body })) {
        clearTimeout(timer);
        this.waiting.delete(reqId);
        reject(new SendError(`${cmd}: not connected`, true));
      }
    });
  }

  private async subscribe(): Promise<void> {
    const answer = await this.request('aibot_subscribe', { bot_id: this.config.botId, secret: this.config.secret }).catch((err: Error) => ({ errcode: -1, errmsg: err.message }));
    if (answer.errcode === 0) return;
    this.log.error({ errcode: answer.errcode, errmsg: answer.errmsg }, 'WeCom bot: subscription refused; check WECOM_BOT_ID and WECOM_BOT_SECRET');
    this.connection.drop();
  }

  private async frame(frame: BotFrame, dispatch: Dispatch): Promise<void> {
    const reqId = typeof frame.headers?.req_id === 'string' ? frame.headers.req_id : '';
    if (frame.cmd === undefined) {
      this.waiting.get(reqId)?.({ errcode: Number(frame.errcode ?? 0), errmsg: String(frame.errmsg ?? '') });
      this.waiting.delete(reqId);
      return;
    }
    if (frame.cmd !== 'aibot_msg_callback' && frame.cmd !== 'aibot_event_callback') return;
    // The server keeps one connection per bot: a newer one replaced this (PROTOCOLS.md); redialing would only take it back.
    if ((frame.body?.event as { eventtype?: unknown } | undefined)?.eventtype === 'disconnected_event') return this.connection.displaced();
    // The subscription is this bot's: a callback naming another bot (or none) is not ours to act on (SPEC §14).
    const aibotid = frame.body?.aibotid;
    if (aibotid !== this.config.botId) {
      this.log.warn({ reqId, aibotid: typeof aibotid === 'string' ? aibotid.slice(0, 64) : null }, 'WeCom bot: a callback for another bot, ignored');
      return;
    }
    const message = frame.cmd === 'aibot_event_callback' ? decodeEvent(frame, this.clock.now()) : decode(frame, this.clock.now());
    if (!message && frame.cmd === 'aibot_event_callback') return;
    if (!message) {
      this.log.warn({ reqId }, 'WeCom bot: a callback without a message, ignored');
      return;
    }
    const result = await dispatch(message);
    // A re-delivery is answered on its own request with the stored reply, as HTTP answers one with the same response.
    if (result.duplicate && result.reply && !message.card && !message.welcome) {
      const answer = await this.request('aibot_respond_msg', markdown(result.reply), reqId);
      if (answer.errcode !== 0) this.log.warn({ errcode: answer.errcode }, 'WeCom bot: the answer to a re-delivery was refused');
    }
  }

  private nextId(prefix: string): string {
    return `${prefix}_${Date.now().toString(36)}_${++this.serial}`;
  }
}
