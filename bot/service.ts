import type { Server } from 'node:http';
import type Router from '@koa/router';
import type Koa from 'koa';
import { allCommands } from '../handlers';
import { JOBS } from '../jobs';
import { JobRunner } from '../jobs/runner';
import { JobScheduler } from '../jobs/scheduler';
import type { PlatformAdapter } from './adapters/adapter';
import { assertNoPlatformUsers } from './simulator/access';
import type { Timers } from './adapters/long-connection';
import { createLocalAdapter, type LocalAdapter } from './adapters/local';
import { createDingtalkAdapter } from './adapters/dingtalk';
import { createWecomAdapter } from './adapters/wecom';
import { createWecomBotAdapter, wecomAppBesideBot } from './adapters/wecom-bot';
import { WorkCalendar } from './calendar';
import { calendarHealth } from './calendar/status';
import type { Services } from './command';
import type { Config } from './config';
import { mountDashboard } from './dashboard/routes';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { Directory } from './directory/directory';
import { databaseImages } from './images/message';
import { mountImages } from './images/routes';
import { createDispatch } from './dispatch';
import type { Logger } from './log';
import type { Dispatch } from './message';
import { Notifier } from './notify';
import { OutboxDispatcher } from './outbox/dispatcher';
import { Outbox } from './outbox/outbox';
import { createServer } from './server';
import { systemClock, type Clock } from './time';

/** The assembled service: what `npm start` runs and what the tests drive. */
export interface Service {
  config: Config;
  db: Database;
  app: Koa;
  dispatch: Dispatch;
  services: Services;
  adapters: PlatformAdapter[];
  /** The local simulator's adapter, when enabled. */
  local?: LocalAdapter;
  outboxDispatcher: OutboxDispatcher;
  jobs: { runner: JobRunner; scheduler: JobScheduler };
  /** Listens, opens the long connections, catches up missed job firings, and starts the scheduler and the outbox dispatcher (tests drive both by hand with `background: false`). */
  listen(port?: number, host?: string, options?: { background?: boolean }): Promise<Server>;
  /** Stops taking requests and scheduling; lets requests and job firings in flight finish; stops the dispatcher; closes the database. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** An already open database (tests); otherwise DATABASE_URL is opened. */
  db?: Database;
  /** Timers of the long connections' heartbeats and reconnects (tests drive them by hand). */
  timers?: Timers;
}

/** Wires config, database, adapters, outbox and commands into one service. */
export async function createService({ config, log, clock = systemClock, db: given, timers }: ServiceOptions): Promise<Service> {
  const db = given ?? (await openDatabase(config.databaseUrl, clock.now()));
  const adapters: PlatformAdapter[] = [];
  const wecomApp = config.wecom ? createWecomAdapter({ config: config.wecom, log: log.child({ platform: 'wecom' }), clock }) : undefined;
  const wecomBot = config.wecomBot ? createWecomBotAdapter({ config: config.wecomBot, log: log.child({ platform: 'wecom', via: 'bot' }), clock, timers }) : undefined;
  const wecom = wecomApp && wecomBot ? wecomAppBesideBot(wecomApp, wecomBot) : (wecomApp ?? wecomBot);
  if (wecom) adapters.push(wecom);
  if (config.dingtalk) adapters.push(createDingtalkAdapter({ config: config.dingtalk, log: log.child({ platform: 'dingtalk' }), clock, timers }));
  // The simulator lets anyone act as anyone: never over a real hall's users unless the operator says so.
  if (config.simulator) await assertNoPlatformUsers(db, config).catch(async (err) => {
    if (!given) await db.close();
    throw err;
  });
  const directory = new Directory(db);
  // The runner and the dispatcher need every adapter's channels, so the simulator reaches them through functions.
  const local = config.simulator
    ? createLocalAdapter({ clock, db, config, directory, log: log.child({ platform: 'local' }), runner: () => runner, kickOutbox: () => outboxDispatcher.kick() })
    : undefined;
  if (local) adapters.push(local);

  const channels = adapters.flatMap((a) => a.channels);
  const outbox = new Outbox({ channels, clock });
  const images = databaseImages(db, config.publicUrl);
  const outboxDispatcher = new OutboxDispatcher({ db, channels, clock, images, log: log.child({ component: 'outbox' }) });
  const services: Services = { config, db, directory, notifier: new Notifier(outbox, adapters, log), calendar: new WorkCalendar(db), clock, log };
  const dispatch = createDispatch(services, {
    ...allCommands(),
    replyLimitBytes: { wecom: 2048, dingtalk: 20000 },
    afterCommit: () => outbox.takeQueued() && outboxDispatcher.kick(),
  });
  const health = async () => ({ calendar: await calendarHealth(services) });
  const routes = (router: Router) => {
    mountDashboard(router, services, () => outboxDispatcher.kick());
    mountImages(router, services);
  };
  const app = createServer({ adapters, dispatch, db, log, health, routes });
  const runner = new JobRunner(services, () => outboxDispatcher.kick());
  const scheduler = new JobScheduler(services, runner, JOBS);

  let server: Server | undefined;
  return {
    config,
    db,
    app,
    dispatch,
    services,
    adapters,
    local,
    outboxDispatcher,
    jobs: { runner, scheduler },
    async listen(port = config.port, host = config.host, { background = true } = {}) {
      server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(port, host, () => resolve(s)).once('error', reject);
      });
      for (const adapter of adapters) adapter.link?.start(dispatch);
      if (background) {
        outboxDispatcher.start();
        await scheduler.catchUp();
        scheduler.start();
      }
      return server;
    },
    async close() {
      // Long connections first: the frames in flight finish and are acknowledged while the database is open.
      await Promise.all(adapters.map((a) => a.link?.stop()));
      const stopping = scheduler.stop();
      if (server) {
        const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeIdleConnections();
        await closing;
      }
      await stopping;
      await outboxDispatcher.stop();
      await db.close();
    },
  };
}
