import type { ImageMessage } from '../images/message';
import type { Action } from './actions';

/**
 * A way of delivering outbox messages: one per platform API (WeCom message/send,
 * WeCom group robot, DingTalk batchSend …). Adapters provide them; the outbox
 * dispatcher drives them within their limits.
 */
export interface Channel {
  /** The name stored in outbox.channel, e.g. `wecom-user`. */
  readonly name: string;
  /** Sends allowed per minute per rate key (per user for app messages, per robot for groups). */
  readonly perMinute: number;
  /** Recipients one call may address (WeCom message/send 1000, DingTalk batchSend 20, groups 1). */
  readonly maxRecipients: number;
  /** The platform's size limit for one message body, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** A group channel: a backlog past the rate limit is merged into one message. */
  readonly group: boolean;
  /** The rate-limit key of a target (e.g. the robot, or the user). */
  rateKey(target: string): string;
  /**
   * Delivers one body to the targets. Resolves with the targets the platform
   * asked to try again later (throttled), if any; throws a {@link SendError}.
   */
  send(targets: string[], body: string, actions?: Action[]): Promise<{ retryTargets?: string[] }>;
  /**
   * Delivers an image message to one target, in the platform's image format;
   * throws a {@link SendError}. Absent: the caption and a link to the image go as text.
   */
  sendImage?(target: string, image: ImageMessage): Promise<void>;
  /** False while this instance cannot send on the channel now (another instance holds its connection): its messages wait for one that can. */
  ready?(): boolean;
}

/** A delivery failure; `retryable` ones are tried again with backoff. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * A leadership-group channel: one platform call per message, to the group the
 * configuration names (the target is the symbolic `leaders`), 20 messages a
 * minute — the limit of WeCom's group robot and DingTalk's robots.
 */
export function leadershipChannel(
  name: string,
  maxBytes: number,
  post: (body: string, actions?: Action[]) => Promise<unknown>,
  postImage?: (image: ImageMessage) => Promise<unknown>,
): Channel {
  return {
    name,
    perMinute: 20,
    maxRecipients: 1,
    maxBytes,
    group: true,
    rateKey: () => `${name}:leaders`,
    async send(_targets, body, actions) {
      await post(body, actions);
      return {};
    },
    sendImage: postImage && (async (_target, image) => void (await postImage(image))),
  };
}
