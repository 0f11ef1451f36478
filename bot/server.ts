import Router from '@koa/router';
import Koa from 'koa';
import type { PlatformAdapter } from './adapters/adapter';
import type { Database } from './db/database';
import type { Logger } from './log';
import type { Dispatch } from './message';

export interface ServerParts {
  adapters: PlatformAdapter[];
  dispatch: Dispatch;
  db: Database;
  log: Logger;
}

/**
 * The Koa app: routes → adapter → dispatch; no business logic here. One error
 * boundary logs and answers, so no input can crash the process.
 */
export function createServer({ adapters, dispatch, db, log }: ServerParts): Koa {
  const app = new Koa();
  const router = new Router();

  router.get('/healthz', async (ctx) => {
    try {
      const backlog = await db.all<{ status: string; n: unknown; oldest: string | null }>(
        `SELECT status, count(*) AS n, min(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'sending', 'failed') GROUP BY status`,
      );
      const of = (status: string) => backlog.find((b) => b.status === status);
      ctx.body = {
        status: 'ok',
        database: db.dialect,
        platforms: adapters.map((a) => a.platform),
        outbox: { pending: Number(of('pending')?.n ?? 0), sending: Number(of('sending')?.n ?? 0), failed: Number(of('failed')?.n ?? 0), oldestPendingAt: of('pending')?.oldest ?? null },
      };
    } catch (err) {
      log.error({ err }, 'health check: database did not answer');
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: db.dialect };
    }
  });
  for (const adapter of adapters) adapter.mount(router, dispatch);

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
