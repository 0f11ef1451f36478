import type { DingtalkConfig } from '../../config';
import type { Logger } from '../../log';
import { systemClock, type Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';
import { DingtalkApi } from './api';
import { mountDingtalkCallback } from './callback';
import { dingtalkChannels, replyTarget } from './channels';

/** The DingTalk enterprise-internal app robot: callback route, API, outbox channels. */
export function createDingtalkAdapter({ config, log, clock = systemClock }: { config: DingtalkConfig; log: Logger; clock?: Clock }): PlatformAdapter & { api: DingtalkApi } {
  const api = new DingtalkApi(config, clock, log);
  // The robot group send wins over the custom robot webhook when both are configured (SPEC §2).
  const leaderChannel = config.leaderConversationId ? 'dingtalk-group' : config.leaderWebhook && config.leaderSecret ? 'dingtalk-webhook' : undefined;
  return {
    platform: 'dingtalk',
    api,
    channels: dingtalkChannels(config, api, clock, log),
    leaderDestinations: leaderChannel ? [{ channel: leaderChannel, target: 'leaders' }] : [],
    personDestination: (userId) => ({ channel: 'dingtalk-user', target: userId }),
    replyDestination: (message) => ({ channel: 'dingtalk-reply', target: replyTarget(message.userId, message.replySession) }),
    mount: (router, dispatch) => mountDingtalkCallback(router, { config, dispatch, clock, log }),
  };
}
