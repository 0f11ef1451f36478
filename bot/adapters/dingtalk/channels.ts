import type { DingtalkConfig } from '../../config';
import type { Logger } from '../../log';
import { leadershipChannel, SendError, type Channel } from '../../outbox/channel';
import { markdownOf } from '../../outbox/markdown';
import type { Clock } from '../../time';
import type { DingtalkApi } from './api';
import type { Action } from '../../outbox/actions';
import { quickActionMarkdown } from './quick-actions';
import { checkSessionWebhook } from './session';
import { signedWebhookUrl } from './sign';

/** DingTalk robot messages may be up to 20,000 bytes (PROTOCOLS.md). */
const MAX_BYTES = 20_000;
/** errcode of a session webhook that has expired. */
const SESSION_EXPIRED = 300001;
/** errcode of a throttled custom robot (20 messages a minute). */
const THROTTLED = 130101;

const text = (content: string) => ({ msgKey: 'sampleText', msgParam: JSON.stringify({ content }) });
/** A one-to-one message: text, or markdown with quick-action links when it offers actions (SPEC §16). */
const oneToOne = (content: string, actions: Action[] = []) =>
  actions.length ? { msgKey: 'sampleMarkdown', msgParam: JSON.stringify(quickActionMarkdown(content, actions)) } : text(content);

/** The reply target of one message: the user, and the session webhook DingTalk gave with it. */
export function replyTarget(userId: string, session?: { url: string; expiresAt: Date }): string {
  return JSON.stringify({ u: userId, w: session?.url ?? null, e: session?.expiresAt.getTime() ?? 0 });
}

function parseReplyTarget(target: string): { u: string; w: string | null; e: number } {
  return JSON.parse(target) as { u: string; w: string | null; e: number };
}

/**
 * The DingTalk outbox channels: one-to-one robot messages by batchSend (20
 * users a call, `msgParam` a JSON string; flow-controlled users are retried),
 * replies by the message's sessionWebhook — only the session-send path of the
 * configured oapi origin, else never fetched — falling back to batchSend, and the leadership
 * group by robot group send or by the signed custom robot webhook.
 */
export function dingtalkChannels(config: DingtalkConfig, api: DingtalkApi, clock: Clock, log: Logger): Channel[] {
  const batchSend = async (userIds: string[], body: string, actions?: Action[]) => {
    const answer = await api.post('/v1.0/robot/oToMessages/batchSend', { robotCode: config.robotCode, userIds, ...oneToOne(body, actions) });
    const invalid = (answer.invalidStaffIdList as string[] | undefined) ?? [];
    if (invalid.length) log.warn({ invalid }, 'DingTalk reports user ids it does not know');
    return { retryTargets: (answer.flowControlledStaffIdList as string[] | undefined) ?? [] };
  };

  const channels: Channel[] = [
    {
      name: 'dingtalk-user',
      perMinute: 30,
      maxRecipients: 20,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (userId) => `dingtalk-user:${userId}`,
      send: (targets, body, actions) => batchSend(targets, body, actions),
    },
    {
      name: 'dingtalk-reply',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (target) => `dingtalk-user:${parseReplyTarget(target).u}`,
      async send([target], body) {
        const { u: userId, w: webhook, e: expiresAt } = parseReplyTarget(target);
        const session = webhook ? checkSessionWebhook(webhook, config.oapiBase) : null;
        if (session && !session.ok) {
          log.warn({ origin: session.origin, reason: session.reason, userId }, 'suspicious sessionWebhook: not fetched; replying by robot send');
        } else if (webhook && clock.now().getTime() < expiresAt) {
          const answer = await api.request(webhook, { msgtype: 'text', text: { content: body } });
          if (answer.httpStatus >= 500) throw new SendError(`sessionWebhook: HTTP ${answer.httpStatus}`, true);
          if (answer.httpStatus === 200 && Number(answer.errcode ?? 0) === 0) return {};
          if (Number(answer.errcode) !== SESSION_EXPIRED) log.warn({ errcode: answer.errcode, status: answer.httpStatus }, 'sessionWebhook refused the reply; replying by robot send');
        }
        const { retryTargets } = await batchSend([userId], body);
        return { retryTargets: retryTargets.length ? [target] : [] };
      },
    },
  ];
  if (config.leaderConversationId) {
    const openConversationId = config.leaderConversationId;
    const groupSend = (message: { msgKey: string; msgParam: string }) => api.post('/v1.0/robot/groupMessages/send', { robotCode: config.robotCode, openConversationId, ...message });
    channels.push(
      leadershipChannel(
        'dingtalk-group',
        MAX_BYTES,
        (body) => groupSend(text(body)),
        // The robot's image message: DingTalk fetches the picture from the signed link.
        (image) => groupSend({ msgKey: 'sampleImageMsg', msgParam: JSON.stringify({ photoURL: image.url }) }),
      ),
    );
  }
  if (config.leaderWebhook && config.leaderSecret) {
    const { leaderWebhook, leaderSecret } = config;
    const webhookSend = async (message: unknown) => {
      const answer = await api.request(signedWebhookUrl(leaderWebhook, leaderSecret, clock.now()), message);
      if (answer.httpStatus !== 200) throw new SendError(`robot webhook: HTTP ${answer.httpStatus}`, answer.httpStatus >= 500);
      const code = Number(answer.errcode ?? 0);
      if (code === 0) return;
      throw new SendError(`robot webhook: errcode ${code}`, code === THROTTLED || code === -1);
    };
    channels.push(
      leadershipChannel(
        'dingtalk-webhook',
        MAX_BYTES,
        (body) => webhookSend({ msgtype: 'text', text: { content: body } }),
        // A custom robot has no image message: markdown showing the picture from the signed link.
        (image) => webhookSend({ msgtype: 'markdown', markdown: { title: image.caption, text: `#### ${markdownOf(image.caption)}\n\n![${markdownOf(image.caption)}](${image.url})` } }),
      ),
    );
  }
  return channels;
}
