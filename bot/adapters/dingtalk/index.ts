import type { DingtalkConfig } from '../../config';
import type { Logger } from '../../log';
import { systemClock, type Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';
import type { Timers } from '../long-connection';
import { DingtalkApi } from './api';
import { mountDingtalkCallback } from './callback';
import { dingtalkChannels, replyTarget } from './channels';
import { dingtalkStream } from './stream';

/**
 * The DingTalk enterprise-internal app robot: API and outbox channels, and
 * messages in by the callback route (`http`) or by the Stream connection (`stream`).
 */
export function createDingtalkAdapter({ config, log, clock = systemClock, timers }: { config: DingtalkConfig; log: Logger; clock?: Clock; timers?: Timers }): PlatformAdapter & { api: DingtalkApi } {
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
    link: config.mode === 'stream' ? dingtalkStream({ config, clock, log, timers }) : undefined,
    mount: (router, dispatch) => {
      if (config.mode === 'http') mountDingtalkCallback(router, { config, dispatch, clock, log });
    },
  };
}
