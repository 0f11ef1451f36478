import type { Platform } from '../entities';

/**
 * A message from any platform, decoded by its adapter into one neutral shape.
 * Handlers see only this, never a platform payload.
 */
export interface IncomingMessage {
  platform: Platform;
  /** The sender's user id on that platform (WeCom UserID, DingTalk staffId). */
  userId: string;
  /** The conversation it came from, when the platform names one. */
  chatId?: string;
  isGroup: boolean;
  /** text, event (subscribe, enter_agent …) or anything else (image, voice …). */
  kind: 'text' | 'event' | 'other';
  /** The text as typed (not yet normalised); the event name for events. */
  text: string;
  /** A voice message: `text` is the platform's transcription (empty when it gave none), spoken numbers and all (SPEC §16). */
  voice?: boolean;
  /** Platform message id (WeCom MsgId as a string); for events a key built from sender, time and event. */
  messageId: string;
  /** When this server received it: the date and slot of a report come from here. */
  receivedAt: Date;
  /** The platform's own timestamp, stored beside it. */
  platformTime?: Date;
  /**
   * Where a reply to this message may be posted, when the platform offers a
   * per-conversation reply URL (DingTalk's sessionWebhook) and until when.
   */
  replySession?: { url: string; expiresAt: Date };
  /** A tap on a card's button (SPEC §16): what to update once it acted, and the word the button becomes. */
  card?: { taskId: string; responseCode: string; done?: string };
  /** The person entered the chat (the intelligent bot's enter_chat): the reply is the welcome. */
  welcome?: boolean;
  /** The request id a reply must answer, when the message came on a long connection that replies per request (the WeCom intelligent bot). */
  replyTo?: string;
}

/** What the dispatcher answers: the reply text for the sender, or none. */
export interface DispatchResult {
  reply: string | null;
  /** True when the message id had been claimed before: a re-delivery. */
  duplicate: boolean;
  /** True when the sender is not in the directory (answered only with the polite refusal). */
  stranger?: boolean;
}

/** The platform-neutral entry point every adapter calls. */
export type Dispatch = (message: IncomingMessage) => Promise<DispatchResult>;
