import type { Server } from 'node:http';
import type Router from '@koa/router';
import type Koa from 'koa';
import { JOBS } from '../jobs';
import type { JobRunner } from '../jobs/runner';
import { JobScheduler } from '../jobs/scheduler';
import type { PlatformAdapter } from './adapters/adapter';
import type { Timers } from './adapters/long-connection';
import { calendarHealth } from './calendar/status';
import type { Services } from './command';
import type { Config } from './config';
import { linksHealth, listenerUrl } from './config/public-url';
import { createCore } from './core';
import { mountDashboard } from './dashboard/routes';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { mountImages } from './images/routes';
import type { Logger } from './log';
import type { Dispatch } from './message';
import { Metrics } from './metrics/metrics';
import { mountMetrics } from './metrics/route';
import type { OutboxDispatcher } from './outbox/dispatcher';
import { createServer } from './server';
import { gracefulClose } from './http/graceful-close';
import { assertNoPlatformUsers } from './simulator/access';
import { createSimulatorConsole, type SimulatorConsole } from './simulator';
import { systemClock, type Clock } from './time';

/** The assembled service: what `npm start` runs and what the tests drive. */
export interface Service {
  config: Config;
  db: Database;
  app: Koa;
  dispatch: Dispatch;
  services: Services;
  adapters: PlatformAdapter[];
  /** The local simulator's console (GET /), when it is on. */
  simulator?: SimulatorConsole;
  outboxDispatcher: OutboxDispatcher;
  jobs: { runner: JobRunner; scheduler: JobScheduler };
  /** The figures `GET /metrics` serves. */
  metrics: Metrics;
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

/** The core (adapters, outbox, dispatch, jobs) behind an HTTP listener, with the dashboard, the images, the simulator's console and the scheduler. */
export async function createService({ config, log, clock = systemClock, db: given, timers }: ServiceOptions): Promise<Service> {
  const db = given ?? (await openDatabase(config.databaseUrl, clock.now()));
  // The simulator lets anyone act as anyone: never over a real hall's users unless the operator says so.
  if (config.simulator) await assertNoPlatformUsers(db, config).catch(async (err) => {
    if (!given) await db.close();
    throw err;
  });
  // The core is made below, after the figures that watch it; they read its long connections only when scraped.
  const metrics = new Metrics({ db, clock, links: () => core.adapters.flatMap((a) => (a.link ? [a.link.status()] : [])) });
  const core = createCore({ config, log, db, clock, timers, metrics });
  const { adapters, dispatch, services, outboxDispatcher, runner } = core;
  const kick = () => outboxDispatcher.kick();
  const simulator = config.simulator ? createSimulatorConsole(core, log.child({ platform: 'local' })) : undefined;
  const health = async () => ({ calendar: await calendarHealth(services), links: linksHealth(config, adapters) });
  const routes = (router: Router) => {
    mountDashboard(router, services, kick);
    mountImages(router, services);
    mountMetrics(router, metrics, config.metricsToken);
    simulator?.mount(router);
  };
  const app = createServer({ adapters, dispatch, db, log, health, routes, middleware: [metrics.rejections()] });
  const scheduler = new JobScheduler(services, runner, JOBS);

  let server: Server | undefined;
  let closeServer: (() => Promise<void>) | undefined;
  return {
    config,
    db,
    app,
    dispatch,
    services,
    adapters,
    simulator,
    outboxDispatcher,
    jobs: { runner, scheduler },
    metrics,
    async listen(port = config.port, host = config.host, { background = true } = {}) {
      server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(port, host, () => resolve(s)).once('error', reject);
      });
      closeServer = gracefulClose(server);
      // Without PUBLIC_URL, links point at where the service listens: known for certain only now (PORT=0, another port).
      if (!config.publicUrlGiven) config.publicUrl = listenerUrl(host, server);
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
      if (server) await closeServer!();
      await stopping;
      await outboxDispatcher.stop();
      await db.close();
    },
  };
}

