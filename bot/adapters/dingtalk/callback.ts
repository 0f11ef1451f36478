import type Router from '@koa/router';
import type { DingtalkConfig } from '../../config';
import { readBody } from '../../http/read-body';
import type { Logger } from '../../log';
import type { Dispatch, IncomingMessage } from '../../message';
import { platformInstant, type Clock } from '../../time';
import { checkSessionWebhook } from './session';
import { verifyCallback } from './sign';

interface RobotCallback {
  msgtype?: unknown;
  text?: { content?: unknown };
  msgId?: unknown;
  createAt?: unknown;
  conversationType?: unknown;
  conversationId?: unknown;
  senderStaffId?: unknown;
  sessionWebhook?: unknown;
  sessionWebhookExpiredTime?: unknown;
}

/** The robot callback as the neutral shape (PROTOCOLS.md "HTTP callback"); null when it lacks what a message needs. */
function decode(body: RobotCallback, receivedAt: Date): IncomingMessage | null {
  const { msgId, senderStaffId, msgtype } = body;
  if (typeof msgId !== 'string' || !msgId || typeof senderStaffId !== 'string' || !senderStaffId) return null;
  const isText = msgtype === 'text' && typeof body.text?.content === 'string';
  return {
    platform: 'dingtalk',
    userId: senderStaffId,
    chatId: typeof body.conversationId === 'string' ? body.conversationId : undefined,
    // conversationType is a string: "1" one-to-one, "2" group.
    isGroup: String(body.conversationType) === '2',
    kind: isText ? 'text' : 'other',
    text: isText ? String(body.text!.content) : '',
    messageId: msgId,
    receivedAt,
    platformTime: platformInstant(body.createAt),
    replySession:
      typeof body.sessionWebhook === 'string' && body.sessionWebhook
        ? { url: body.sessionWebhook, expiresAt: platformInstant(body.sessionWebhookExpiredTime) ?? new Date(0) }
        : undefined,
  };
}

/**
 * `POST /dingtalk/callback` (HTTP callback mode), checked in the order SPEC §2
 * gives: size (413), timestamp and sign (401), then the JSON body (400). The
 * reply goes by the outbox, so the HTTP answer is an empty 200.
 */
export function mountDingtalkCallback(router: Router, deps: { config: DingtalkConfig; dispatch: Dispatch; clock: Clock; log: Logger }): void {
  const { config, dispatch, clock, log } = deps;
  router.post('/dingtalk/callback', async (ctx) => {
    const raw = await readBody(ctx);
    if (!verifyCallback(ctx.get('timestamp') || undefined, ctx.get('sign') || undefined, config.appSecret, clock.now())) {
      log.warn({ status: 401 }, 'DingTalk callback refused: bad or stale signature');
      ctx.status = 401;
      ctx.body = 'bad signature';
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    const message = body && typeof body === 'object' ? decode(body as RobotCallback, clock.now()) : null;
    if (!message) {
      ctx.status = 400;
      ctx.body = 'not a robot message';
      return;
    }
    const session = message.replySession && checkSessionWebhook(message.replySession.url, config.oapiBase);
    if (session && !session.ok) {
      log.warn({ origin: session.origin, reason: session.reason, msgId: message.messageId }, 'suspicious sessionWebhook: it will not be fetched; replying by robot send');
      message.replySession = undefined;
    }
    await dispatch(message);
    ctx.body = '';
  });
}
