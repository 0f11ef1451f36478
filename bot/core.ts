import { allCommands } from '../handlers';
import { JobRunner } from '../jobs/runner';
import type { PlatformAdapter } from './adapters/adapter';
import { createDingtalkAdapter } from './adapters/dingtalk';
import { createLocalAdapter } from './adapters/local';
import type { Timers } from './adapters/long-connection';
import { createWecomAdapter } from './adapters/wecom';
import { createWecomBotAdapter, wecomAppBesideBot } from './adapters/wecom-bot';
import { instanceName, LinkLease } from './adapters/link-lease';
import { WorkCalendar } from './calendar';
import type { Services } from './command';
import type { Config } from './config';
import type { Database } from './db/database';
import { Directory } from './directory/directory';
import { createDispatch } from './dispatch';
import { databaseImages } from './images/message';
import type { Logger } from './log';
import type { Dispatch } from './message';
import type { Metrics } from './metrics/metrics';
import { Notifier } from './notify';
import { OutboxDispatcher } from './outbox/dispatcher';
import { Outbox } from './outbox/outbox';
import { systemClock, type Clock } from './time';

/**
 * What every way of running the hall shares — the service, a CLI command, the
 * demo: the platforms' adapters and their channels, the outbox and its
 * dispatcher, the handlers' services, dispatch and the job runner. No HTTP
 * listener, no console, no scheduler: those are the service's.
 */
export interface Core {
  config: Config;
  db: Database;
  services: Services;
  /** Every configured platform, and the local simulator's channels when it is on (SPEC §2). */
  adapters: PlatformAdapter[];
  dispatch: Dispatch;
  outboxDispatcher: OutboxDispatcher;
  runner: JobRunner;
}

export interface CoreOptions {
  config: Config;
  log: Logger;
  db: Database;
  clock?: Clock;
  /** Timers of the long connections' heartbeats and reconnects (tests drive them by hand). */
  timers?: Timers;
  /** The service's figures for `GET /metrics`: told of every message dispatched, delivery and job firing (a CLI command has none). */
  metrics?: Metrics;
}

/** Wires the adapters, the outbox, the services, dispatch and the job runner over an open database. */
export function createCore({ config, log, db, clock = systemClock, timers, metrics }: CoreOptions): Core {
  const adapters: PlatformAdapter[] = [];
  const wecomApp = config.wecom ? createWecomAdapter({ config: config.wecom, log: log.child({ platform: 'wecom' }), clock }) : undefined;
  // The platform keeps one connection per bot: across instances it is held under a lease in the database.
  const lease = config.wecomBot && new LinkLease(db, `wecom-bot:${config.wecomBot.botId}`.slice(0, 64), instanceName(), clock);
  const wecomBot = config.wecomBot ? createWecomBotAdapter({ config: config.wecomBot, log: log.child({ platform: 'wecom', via: 'bot' }), clock, timers, lease: lease || undefined }) : undefined;
  const wecom = wecomApp && wecomBot ? wecomAppBesideBot(wecomApp, wecomBot) : (wecomApp ?? wecomBot);
  if (wecom) adapters.push(wecom);
  if (config.dingtalk) adapters.push(createDingtalkAdapter({ config: config.dingtalk, log: log.child({ platform: 'dingtalk' }), clock, timers }));
  if (config.simulator) adapters.push(createLocalAdapter({ db, clock }));

  const channels = adapters.flatMap((a) => a.channels);
  const outbox = new Outbox({ channels, clock });
  const images = databaseImages(db, () => config.publicUrl);
  const outboxDispatcher = new OutboxDispatcher({ db, channels, clock, images, log: log.child({ component: 'outbox' }), onDelivery: metrics && ((...told) => metrics.delivered(...told)) });
  const services: Services = { config, db, directory: new Directory(db), notifier: new Notifier(outbox, adapters, log), calendar: new WorkCalendar(db), clock, log };
  const dispatched = createDispatch(services, {
    ...allCommands(),
    replyLimitBytes: { wecom: 2048, dingtalk: 20000 },
    afterCommit: () => outbox.takeQueued() && outboxDispatcher.kick(),
  });
  const dispatch = metrics ? metrics.observeDispatch(dispatched) : dispatched;
  const runner = new JobRunner(
    services,
    () => outboxDispatcher.kick(),
    metrics && ((firing) => metrics.fired(firing.job, firing.outcome)),
  );
  return { config, db, services, adapters, dispatch, outboxDispatcher, runner };
}
