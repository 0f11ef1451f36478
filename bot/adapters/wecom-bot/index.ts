import type { WecomBotConfig } from '../../config';
import type { Logger } from '../../log';
import { systemClock, type Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';
import type { LinkLease } from '../link-lease';
import type { Timers } from '../long-connection';
import { cardUpdateTarget, replyTarget, wecomBotChannels } from './channels';
import { WecomBotLink } from './link';

/**
 * The WeCom intelligent bot (智能机器人) on its long connection: no public
 * address and no message crypto. Its users are WeCom users, so it is the
 * `wecom` platform: the same people, the same message-id claims.
 */
export function createWecomBotAdapter({ config, log, clock = systemClock, timers, lease }: { config: WecomBotConfig; log: Logger; clock?: Clock; timers?: Timers; lease?: LinkLease }): PlatformAdapter {
  const link = new WecomBotLink(config, clock, log, timers, lease);
  return {
    platform: 'wecom',
    link: link.connection,
    channels: wecomBotChannels(config, link, log),
    leaderDestinations: config.leaderChatId ? [{ channel: 'wecom-bot-group', target: 'leaders' }] : [],
    personDestination: (userId) => ({ channel: 'wecom-bot-user', target: userId }),
    replyDestination: (message) =>
      message.replyTo ? { channel: 'wecom-bot-reply', target: replyTarget(message.replyTo, message.userId, message.chatId, message.card ? 'push' : message.welcome ? 'welcome' : 'reply') } : null,
    cardUpdateDestination: (message) => (message.replyTo && message.card ? { channel: 'wecom-bot-card', target: cardUpdateTarget(message.replyTo, message.userId, message.card.taskId) } : null),
    mount: () => undefined,
  };
}

/**
 * The self-built app and the intelligent bot together as the one `wecom`
 * platform: the app's routes and the bot's connection both bring messages;
 * a message is answered the way it came; people are nudged by the app;
 * leadership pushes go to every configured group.
 */
export function wecomAppBesideBot(app: PlatformAdapter, bot: PlatformAdapter): PlatformAdapter {
  return {
    platform: 'wecom',
    link: bot.link,
    httpInbound: true,
    channels: [...app.channels, ...bot.channels],
    leaderDestinations: [...app.leaderDestinations, ...bot.leaderDestinations],
    personDestination: app.personDestination,
    replyDestination: (message) => (message.replyTo ? bot.replyDestination!(message) : (app.replyDestination?.(message) ?? null)),
    cardUpdateDestination: (message) => (message.replyTo ? (bot.cardUpdateDestination?.(message) ?? null) : (app.cardUpdateDestination?.(message) ?? null)),
    mount: app.mount,
  };
}
