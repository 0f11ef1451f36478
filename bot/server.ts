import Router from '@koa/router';
import Koa from 'koa';
import type { PlatformAdapter } from './adapters/adapter';
import { DOWN_WARNING_MS, type LinkStatus } from './adapters/long-connection';
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
  /** Middleware run around every route, inside the error boundary (the metrics' count of refused requests). */
  middleware?: Koa.Middleware[];
}

/**
 * The Koa app: routes → adapter → dispatch; no business logic here. One error
 * boundary logs and answers, so no input can crash the process.
 */
export function createServer({ adapters, dispatch, db, log, health, routes, middleware = [] }: ServerParts): Koa {
  const app = new Koa();
  const router = new Router();

  router.get('/healthz', async (ctx) => {
    const connections = adapters.flatMap((a) => (a.link ? [a.link.status()] : []));
    const known = { status: 'ok', database: db.dialect, databaseReachable: true, platforms: adapters.map((a) => a.platform), connections };
    let facts: Record<string, unknown>;
    try {
      facts = { outbox: await outboxBacklog(db), ...(await health?.()) };
    } catch (err) {
      // The pool keeps trying to reconnect on its own; until then every message is refused for re-delivery.
      log.error({ error: (err as Error).message }, 'health check: database did not answer');
      ctx.status = 503;
      ctx.body = { ...known, status: 'unavailable', databaseReachable: false };
      return;
    }
    if (inboundDown(adapters, connections)) {
      ctx.status = 503;
      ctx.body = { ...known, ...facts, status: 'unavailable' };
    } else ctx.body = { ...known, ...facts };
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
  for (const m of middleware) app.use(m);
  app.use(router.routes()).use(router.allowedMethods());
  app.on('error', (err) => log.debug({ err }, 'connection error'));
  return app;
}

/**
 * True when messages can reach the service only by long connections and every
 * one of them has been down for more than 2 minutes (issue 17: a hall with no
 * public address then hears nothing). The simulator is not an inbound path of
 * the hall's staff.
 */
function inboundDown(adapters: PlatformAdapter[], connections: LinkStatus[]): boolean {
  const httpInbound = adapters.some((a) => (!a.link || a.httpInbound) && a.platform !== 'local');
  return connections.length > 0 && !httpInbound && connections.every((c) => !c.connected && c.downForMs > DOWN_WARNING_MS && !c.lease?.standby);
}
