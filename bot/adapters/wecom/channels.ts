import type { WecomConfig } from '../../config';
import type { Logger } from '../../log';
import { leadershipChannel, type Channel } from '../../outbox/channel';
import type { WecomApi } from './api';
import { newTaskId, templateCard } from './card';

/** WeCom text messages are limited to 2048 bytes (PROTOCOLS.md). */
const TEXT_BYTES = 2048;
/** The file name an uploaded picture carries. */
const IMAGE_FILE = 'chart.png';

/**
 * The WeCom outbox channels: app messages to members (message/send, up to 1000
 * a call, 30 a minute per member), and the leadership group by app chat or
 * group robot (20 a minute). Group targets are symbolic (`leaders`): the chat
 * id and robot key come from the configuration, never from the database.
 */
export function wecomChannels(config: WecomConfig, api: WecomApi, log: Logger): Channel[] {
  const channels: Channel[] = [
    {
      name: 'wecom-user',
      perMinute: 30,
      maxRecipients: 1000,
      maxBytes: TEXT_BYTES,
      group: false,
      rateKey: (userId) => `wecom-user:${userId}`,
      async send(targets, body, actions = []) {
        // A message offering actions goes as a card with buttons (SPEC §16); its text keeps the typed commands.
        const content = actions.length ? { msgtype: 'template_card', template_card: templateCard(body, actions, newTaskId()) } : { msgtype: 'text', text: { content: body } };
        const answer = await api.post('/cgi-bin/message/send', { touser: targets.join('|'), agentid: Number(config.agentId), ...content });
        if (answer.invaliduser) log.warn({ invaliduser: answer.invaliduser }, 'WeCom reports user ids it does not know');
        return {};
      },
    },
    {
      // The update of a tapped card: its button replaced by who did it and when (PROTOCOLS.md "Cards and buttons").
      name: 'wecom-card',
      perMinute: 30,
      maxRecipients: 1,
      maxBytes: TEXT_BYTES,
      group: false,
      rateKey: (target) => `wecom-card:${cardTarget(target).userId}`,
      async send([target], body) {
        const { userId, responseCode } = cardTarget(target);
        await api.post('/cgi-bin/message/update_template_card', { userids: [userId], agentid: Number(config.agentId), response_code: responseCode, button: { replace_name: body } });
        return {};
      },
    },
  ];
  if (config.leaderChatId) {
    const chatid = config.leaderChatId;
    channels.push(
      leadershipChannel(
        'wecom-appchat',
        TEXT_BYTES,
        (content) => api.post('/cgi-bin/appchat/send', { chatid, msgtype: 'text', text: { content } }),
        // An app chat takes an image by media_id: upload the PNG as temporary media first.
        async (image) => api.post('/cgi-bin/appchat/send', { chatid, msgtype: 'image', image: { media_id: await api.uploadImage(image.png, IMAGE_FILE) } }),
      ),
    );
  }
  if (config.leaderWebhookKey) {
    const key = config.leaderWebhookKey;
    channels.push(
      leadershipChannel(
        'wecom-robot',
        TEXT_BYTES,
        (content) => api.robot(key, { msgtype: 'text', text: { content } }),
        // The group robot takes the picture itself: base64 of the PNG (≤ 2 MB) and its MD5.
        (image) => api.robot(key, { msgtype: 'image', image: { base64: image.png.toString('base64'), md5: image.md5 } }),
      ),
    );
  }
  return channels;
}

/** The target of a card update: the user who tapped and the response code their click carried. */
export function cardTarget(target: string): { userId: string; responseCode: string } {
  const { u, c } = JSON.parse(target) as { u: string; c: string };
  return { userId: u, responseCode: c };
}

/** The target of a card update, as stored. */
export function cardTargetOf(userId: string, responseCode: string): string {
  return JSON.stringify({ u: userId, c: responseCode });
}
