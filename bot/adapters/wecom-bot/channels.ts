import type { WecomBotConfig } from '../../config';
import type { Logger } from '../../log';
import { leadershipChannel, SendError, type Channel } from '../../outbox/channel';
import { markdownOf } from '../../outbox/markdown';
import type { Action } from '../../outbox/actions';
import { newTaskId, templateCard } from '../wecom/card';
import { markdown, type WecomBotLink } from './link';

/** WeCom markdown messages may be up to 4096 bytes (SPEC §2). */
const MAX_BYTES = 4096;
/** errcodes worth another try: system busy, frequency limits. */
const RETRYABLE = new Set([-1, 45009, 45033]);

/**
 * How a reply answers its request: `reply` by aibot_respond_msg, `welcome` by
 * aibot_respond_welcome_msg (an enter_chat event), `push` to the conversation
 * (a card click, whose request takes only a card update).
 */
export type ReplyMode = 'reply' | 'welcome' | 'push';

/** The reply target of one message: the request it answers, and the conversation to push to when that request can no longer be answered. */
export function replyTarget(reqId: string, userId: string, chatId?: string, mode: ReplyMode = 'reply'): string {
  return JSON.stringify({ r: reqId, u: userId, c: chatId ?? userId, ...(mode === 'reply' ? {} : { m: mode }) });
}

function parseReplyTarget(target: string): { r: string; u: string; c: string; m?: ReplyMode } {
  return JSON.parse(target) as { r: string; u: string; c: string; m?: ReplyMode };
}

/** The target of a card update: the click's request and who clicked. */
export function cardUpdateTarget(reqId: string, userId: string, taskId: string): string {
  return JSON.stringify({ r: reqId, u: userId, t: taskId });
}

/**
 * The card a tapped button's card becomes (aibot_respond_update_msg replaces the
 * whole card): who did it and when, and no button left to tap.
 */
function doneCard(label: string, taskId: string): Record<string, unknown> {
  return { card_type: 'button_interaction', main_title: { title: label }, task_id: taskId, button_list: [{ text: label, style: 4, key: 'done' }] };
}

/**
 * The intelligent bot's outbox channels, all on the long connection: replies
 * with `aibot_respond_msg` on the asking request (falling back to a push to
 * that conversation when the request is refused), pushes to a person and to
 * the leadership group chat with `aibot_send_msg`.
 */
export function wecomBotChannels(config: WecomBotConfig, link: WecomBotLink, log: Logger): Channel[] {
  const send = async (chatid: string, message: { msgtype: string } & Record<string, unknown>) => {
    const answer = await link.request('aibot_send_msg', { chatid, ...message });
    if (answer.errcode !== 0) throw new SendError(`aibot_send_msg: errcode ${answer.errcode}`, RETRYABLE.has(answer.errcode));
  };
  /** Text as markdown; with actions, a template card whose buttons stand for them (SPEC §16). */
  const push = (chatid: string, body: string, actions: Action[] = []) =>
    send(chatid, actions.length ? { msgtype: 'template_card', template_card: templateCard(body, actions, newTaskId()) } : markdown(body));
  // Only the instance holding the connection sends on it; the others leave its messages to it.
  const ready = () => link.connection.ready;
  const channels: Channel[] = [
    {
      name: 'wecom-bot-user',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (userId) => `wecom-bot-user:${userId}`,
      ready,
      send: async ([userId], body, actions) => (await push(userId, body, actions), {}),
    },
    {
      name: 'wecom-bot-reply',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (target) => `wecom-bot-user:${parseReplyTarget(target).u}`,
      ready,
      async send([target], body) {
        const { r, c, m } = parseReplyTarget(target);
        if (m === 'push') return (await push(c, body), {});
        const answer = await link.request(m === 'welcome' ? 'aibot_respond_welcome_msg' : 'aibot_respond_msg', markdown(body), r);
        if (answer.errcode === 0) return {};
        log.warn({ errcode: answer.errcode }, 'WeCom bot: the reply on its request was refused; pushing it to the conversation');
        await push(c, body);
        return {};
      },
    },
    {
      // A tapped card's update, on the click's own request within its 5 seconds (PROTOCOLS.md "Cards and buttons"): late, it is dropped.
      name: 'wecom-bot-card',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: MAX_BYTES,
      group: false,
      rateKey: (target) => `wecom-bot-card:${(JSON.parse(target) as { u: string }).u}`,
      ready,
      async send([target], body) {
        const { r, t } = JSON.parse(target) as { r: string; t: string };
        const answer = await link.request('aibot_respond_update_msg', { response_type: 'update_template_card', template_card: doneCard(body, t) }, r);
        if (answer.errcode !== 0) throw new SendError(`aibot_respond_update_msg: errcode ${answer.errcode}`, false);
        return {};
      },
    },
  ];
  if (config.leaderChatId) {
    const chatid = config.leaderChatId;
    channels.push({
      ...leadershipChannel(
        'wecom-bot-group',
        MAX_BYTES,
        (body, actions) => push(chatid, body, actions),
        // The long connection sends markdown, not pictures: the chart goes as a signed link to it.
        (image) => send(chatid, { msgtype: 'markdown', markdown: { content: `**${markdownOf(image.caption)}**\n[查看图片](${image.url})` } }),
      ),
      ready,
    });
  }
  return channels;
}
