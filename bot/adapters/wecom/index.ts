import type { WecomConfig } from '../../config';
import type { Logger } from '../../log';
import { systemClock, type Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';
import { WecomApi } from './api';
import { mountWecomCallback } from './callback';
import { cardTargetOf, wecomChannels } from './channels';
import { WecomCipher } from './crypto';

/** The WeCom self-built app: callback routes, the app's API, its outbox channels. */
export function createWecomAdapter({ config, log, clock = systemClock }: { config: WecomConfig; log: Logger; clock?: Clock }): PlatformAdapter & { api: WecomApi } {
  const cipher = new WecomCipher(config.token, config.aesKey, config.corpId);
  const api = new WecomApi(config, clock, log);
  const channels = wecomChannels(config, api, log);
  // The app chat wins over the robot when both are configured (SPEC §2).
  const leaderChannel = config.leaderChatId ? 'wecom-appchat' : config.leaderWebhookKey ? 'wecom-robot' : undefined;
  return {
    platform: 'wecom',
    api,
    channels,
    leaderDestinations: leaderChannel ? [{ channel: leaderChannel, target: 'leaders' }] : [],
    personDestination: (userId) => ({ channel: 'wecom-user', target: userId }),
    cardUpdateDestination: (message) => (message.card && !message.replyTo ? { channel: 'wecom-card', target: cardTargetOf(message.userId, message.card.responseCode) } : null),
    mount: (router, dispatch) => mountWecomCallback(router, { cipher, dispatch, clock, log }),
  };
}
