import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Logger } from '../../log';
import type { Dispatch, IncomingMessage } from '../../message';
import { readBody } from '../../http/read-body';
import { platformInstant, type Clock } from '../../time';
import { clickId, readButtonKey } from './card';
import { DecryptError, type WecomCipher } from './crypto';
import { parseWecomXml } from './xml';

/** A refusal: status and a short reason, with nothing stored and nothing sent. */
function refuse(ctx: Context, status: 400 | 401, reason: string, log: Logger): void {
  log.warn({ status, reason }, 'WeCom callback refused');
  ctx.status = status;
  ctx.body = reason;
}

/** Reads the query parameters every callback carries; Koa has decoded them exactly once. */
function signed(ctx: Context): { signature: string; timestamp: string; nonce: string } | null {
  const { msg_signature: signature, timestamp, nonce } = ctx.query;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return null;
  return { signature, timestamp, nonce };
}

/** The decrypted WeCom message as the neutral shape (PROTOCOLS.md "POST messages"). */
function decode(fields: Record<string, string>, receivedAt: Date): IncomingMessage | null {
  const { FromUserName: userId, MsgType: type, CreateTime: created } = fields;
  if (!userId || !type) return null;
  const platformTime = /^\d{1,12}$/.test(created ?? '') ? platformInstant(Number(created) * 1000) : undefined;
  // A message from a group chat names it (ChatId; ChatType "group" where given, "single" being a one-to-one
  // chat): replies about a person must not go there.
  const chatId = fields.ChatId || undefined;
  const isGroup = fields.ChatType ? fields.ChatType === 'group' : Boolean(chatId);
  const base = { platform: 'wecom' as const, userId, chatId, isGroup, receivedAt, platformTime };
  if (type === 'event') {
    const click = fields.Event === 'template_card_event' ? cardClick(fields) : null;
    if (click) return { ...base, ...click };
    // Events carry no MsgId: FromUserName + CreateTime + Event identifies one.
    const event = fields.Event ?? '';
    return { ...base, kind: 'event', text: event, messageId: `event:${userId}:${created ?? ''}:${event}` };
  }
  if (!fields.MsgId) return null;
  if (type === 'voice') {
    // A self-built app's voice message carries media only; a Recognition field, where one comes, is its text.
    const said = fields.Recognition?.trim() ?? '';
    return { ...base, kind: said ? 'text' : 'other', text: said, voice: true, messageId: fields.MsgId };
  }
  return { ...base, kind: type === 'text' ? 'text' : 'other', text: type === 'text' ? (fields.Content ?? '') : '', messageId: fields.MsgId };
}

/**
 * A tap on one of our cards' buttons, as the text it stands for: it acts as the
 * typed command of the person who tapped, claimed once per (user, TaskId, EventKey).
 */
function cardClick(fields: Record<string, string>): Pick<IncomingMessage, 'kind' | 'text' | 'messageId' | 'card'> | null {
  const { EventKey: key, TaskId: taskId, ResponseCode: responseCode } = fields;
  const button = key && taskId ? readButtonKey(key) : null;
  if (!button) return null;
  return { kind: 'text', text: button.command, messageId: clickId(taskId, key), card: { taskId, responseCode: responseCode ?? '', done: button.done } };
}

/**
 * `GET /wecom/callback` (URL verification) and `POST /wecom/callback`
 * (messages), checked in the order SPEC §2 gives: size, envelope, signature,
 * decryption, receiveid.
 */
export function mountWecomCallback(router: Router, deps: { cipher: WecomCipher; dispatch: Dispatch; clock: Clock; log: Logger }): void {
  const { cipher, dispatch, clock, log } = deps;

  router.get('/wecom/callback', (ctx) => {
    const params = signed(ctx);
    const echostr = ctx.query.echostr;
    if (!params || typeof echostr !== 'string') return refuse(ctx, 400, 'missing parameters', log);
    if (!cipher.verify(params.signature, params.timestamp, params.nonce, echostr)) return refuse(ctx, 401, 'bad signature', log);
    let opened;
    try {
      opened = cipher.open(echostr);
    } catch {
      return refuse(ctx, 400, 'undecryptable echostr', log);
    }
    if (!opened.fromCorp) return refuse(ctx, 401, 'wrong receiveid', log);
    ctx.type = 'text/plain';
    ctx.body = opened.message;
  });

  router.post('/wecom/callback', async (ctx) => {
    const body = await readBody(ctx);
    const envelope = parseWecomXml(body);
    if (!envelope?.Encrypt) return refuse(ctx, 400, 'not a WeCom envelope', log);
    const params = signed(ctx);
    if (!params || !cipher.verify(params.signature, params.timestamp, params.nonce, envelope.Encrypt)) return refuse(ctx, 401, 'bad signature', log);
    let opened;
    try {
      opened = cipher.open(envelope.Encrypt);
    } catch (err) {
      if (!(err instanceof DecryptError)) throw err;
      return refuse(ctx, 400, 'undecryptable message', log);
    }
    if (!opened.fromCorp) return refuse(ctx, 401, 'wrong receiveid', log);
    const message = decode(parseWecomXml(opened.message, true) ?? {}, clock.now());
    if (!message) return refuse(ctx, 400, 'unreadable message', log);

    const result = await dispatch(message);
    if (result.reply) {
      ctx.type = 'application/xml';
      ctx.body = cipher.passiveReply(message.userId, result.reply, clock.now());
    } else {
      ctx.body = '';
    }
  });
}
