import type { Server } from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import type { PlatformAdapter } from '../../bot/adapters/adapter';
import type { DispatchResult, IncomingMessage } from '../../bot/message';

/** An adapter mounted on a bare Koa app with a recording dispatch, on a free loopback port. */
export async function mountAdapter(
  adapter: PlatformAdapter,
  answer: (m: IncomingMessage) => Promise<DispatchResult> | DispatchResult = () => ({ reply: null, duplicate: false }),
): Promise<{ url: string; received: IncomingMessage[]; close(): Promise<void> }> {
  const received: IncomingMessage[] = [];
  const router = new Router();
  adapter.mount(router, async (m) => {
    received.push(m);
    return answer(m);
  });
  const app = new Koa();
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.status = (err as { status?: number }).status ?? 500;
      ctx.body = 'error';
    }
  });
  app.use(router.routes());
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
