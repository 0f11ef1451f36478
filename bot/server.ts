import Router from '@koa/router';
import Koa from 'koa';
import type { PlatformAdapter } from './adapters/adapter';
import type { Database } from './db/database';
import type { Logger } from './log';
import type { Dispatch } from './message';
import { outboxBacklog } from './outbox/status';

export interface ServerParts {
  adapters: PlatformAdapter[];
  dispatch: Dispatch;
  db: Database;
  log: Logger;
  /** Facts beyond the database's and the outbox's for /healthz (the calendar's state); they never turn it to 503. */
  health?: () => Promise<Record<string, unknown>>;
  /** Routes beyond the platforms' (the dashboard). */
  routes?: (router: Router) => void;
}

/**
 * The Koa app: routes → adapter → dispatch; no business logic here. One error
 * boundary logs and answers, so no input can crash the process.
 */
export function createServer({ adapters, dispatch, db, log, health, routes }: ServerParts): Koa {
  const app = new Koa();
  const router = new Router();

  router.get('/healthz', async (ctx) => {
    try {
      ctx.body = { status: 'ok', database: db.dialect, platforms: adapters.map((a) => a.platform), outbox: await outboxBacklog(db), ...(await health?.()) };
    } catch (err) {
      log.error({ err }, 'health check: database did not answer');
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: db.dialect };
    }
  });
  for (const adapter of adapters) adapter.mount(router, dispatch);
  routes?.(router);

  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      if (status >= 500) log.error({ err, path: ctx.path }, 'request failed');
      ctx.status = status;
      ctx.body = status >= 500 ? 'internal error' : (err as Error).message;
    }
  });
  app.use(router.routes()).use(router.allowedMethods());
  app.on('error', (err) => log.debug({ err }, 'connection error'));
  return app;
}
