import type { Logger } from '../../log';
import type { IncomingMessage } from '../../message';
import { platformInstant } from '../../time';
import { checkSessionWebhook } from './session';

/** The robot message DingTalk sends, by HTTP callback or on the Stream topic. */
export interface RobotCallback {
  msgtype?: unknown;
  text?: { content?: unknown };
  /** An audio message's content: its transcription in `recognition`. */
  content?: { recognition?: unknown };
  msgId?: unknown;
  createAt?: unknown;
  conversationType?: unknown;
  conversationId?: unknown;
  senderStaffId?: unknown;
  sessionWebhook?: unknown;
  sessionWebhookExpiredTime?: unknown;
}

/** The robot callback as the neutral shape (PROTOCOLS.md "HTTP callback"); null when it lacks what a message needs. */
export function decodeRobotMessage(body: RobotCallback, receivedAt: Date): IncomingMessage | null {
  const { msgId, senderStaffId, msgtype } = body;
  if (typeof msgId !== 'string' || !msgId || typeof senderStaffId !== 'string' || !senderStaffId) return null;
  // An audio message (HTTP and Stream alike) carries the platform's transcription in content.recognition.
  const voice = msgtype === 'audio';
  const said = voice ? body.content?.recognition : body.text?.content;
  const isText = (msgtype === 'text' || voice) && typeof said === 'string' && (!voice || said.trim() !== '');
  return {
    platform: 'dingtalk',
    userId: senderStaffId,
    chatId: typeof body.conversationId === 'string' ? body.conversationId : undefined,
    // conversationType is a string: "1" one-to-one, "2" group.
    isGroup: String(body.conversationType) === '2',
    kind: isText ? 'text' : 'other',
    text: isText ? String(said) : '',
    ...(voice ? { voice } : {}),
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
 * A sessionWebhook that fails the origin and path rules (SPEC §2) is logged as
 * suspicious and dropped from the message, so the reply goes by robot send.
 */
export function screenSessionWebhook(message: IncomingMessage, oapiBase: string, log: Logger): void {
  const session = message.replySession && checkSessionWebhook(message.replySession.url, oapiBase);
  if (session && !session.ok) {
    log.warn({ origin: session.origin, reason: session.reason, msgId: message.messageId }, 'suspicious sessionWebhook: it will not be fetched; replying by robot send');
    message.replySession = undefined;
  }
}
