import type { WecomBotConfig } from '../../config';
import type { Logger } from '../../log';
import { leadershipChannel, SendError, type Channel } from '../../outbox/channel';
import { markdownOf } from '../../outbox/markdown';
import { markdown, type WecomBotLink } from './link';

/** WeCom markdown messages may be up to 4096 bytes (SPEC §2). */
const MAX_BYTES = 4096;
/** errcodes worth another try: system busy, frequency limits. */
const RETRYABLE = new Set([-1, 45009, 45033]);

/** The reply target of one message: the request it answers, and the conversation to push to when that request can no longer be answered. */
export function replyTarget(reqId: string, userId: string, chatId?: string): string {
  return JSON.stringify({ r: reqId, u: userId, c: chatId ?? userId });
}

function parseReplyTarget(target: string): { r: string; u: string; c: string } {
  return JSON.parse(target) as { r: string; u: string; c: string };
}

/**
 * The intelligent bot's outbox channels, all on the long connection: replies
 * with `aibot_respond_msg` on the asking request (falling back to a push to
 * that conversation when the request is refused), pushes to a person and to
 * the leadership group chat with `aibot_send_msg`.
 */
export function wecomBotChannels(config: WecomBotConfig, link: WecomBotLink, log: Logger): Channel[] {
  const send = async (chatid: string, message: ReturnType<typeof markdown>) => {
    const answer = await link.request('aibot_send_msg', { chatid, ...message });
    if (answer.errcode !== 0) throw new SendError(`aibot_send_msg: errcode ${answer.errcode}`, RETRYABLE.has(answer.errcode));
  };
  const push = (chatid: string, body: string) => send(chatid, markdown(body));
  const channels: Channel[] = [
    {
      name: 'wecom-bot-user',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (userId) => `wecom-bot-user:${userId}`,
      send: async ([userId], body) => (await push(userId, body), {}),
    },
    {
      name: 'wecom-bot-reply',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (target) => `wecom-bot-user:${parseReplyTarget(target).u}`,
      async send([target], body) {
        const { r, c } = parseReplyTarget(target);
        const answer = await link.request('aibot_respond_msg', markdown(body), r);
        if (answer.errcode === 0) return {};
        log.warn({ errcode: answer.errcode }, 'WeCom bot: the reply on its request was refused; pushing it to the conversation');
        await push(c, body);
        return {};
      },
    },
  ];
  if (config.leaderChatId) {
    const chatid = config.leaderChatId;
    channels.push(
      leadershipChannel(
        'wecom-bot-group',
        MAX_BYTES,
        (body) => push(chatid, body),
        // The long connection sends markdown, not pictures: the chart goes as a signed link to it.
        (image) => send(chatid, { msgtype: 'markdown', markdown: { content: `**${markdownOf(image.caption)}**\n[查看图片](${image.url})` } }),
      ),
    );
  }
  return channels;
}
