import type Router from '@koa/router';
import type { Context } from 'koa';
import { isLoopback } from '../config/public-url';
import { safeEqual } from '../dashboard/tokens';
import type { Metrics } from './metrics';

/** Headers a reverse proxy adds: a request carrying one came from beyond the proxy, whatever its socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether a scrape may read the figures: straight from this machine (a
 * loopback socket that no proxy relayed), or with `Authorization: Bearer
 * <METRICS_TOKEN>`.
 */
export function mayScrape(ctx: Context, token: string | undefined): boolean {
  const socket = (ctx.req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (isLoopback(socket) && !FORWARDED.some((h) => ctx.get(h) !== '')) return true;
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
  return token !== undefined && bearer !== undefined && safeEqual(bearer, token);
}

/** `GET /metrics` in Prometheus' text format (SPEC §2); 401 to anyone else. */
export function mountMetrics(router: Router, metrics: Metrics, token: string | undefined): void {
  router.get('/metrics', async (ctx) => {
    if (!mayScrape(ctx, token)) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
      ctx.body = 'metrics are served to this machine, or with Authorization: Bearer <METRICS_TOKEN>\n';
      return;
    }
    ctx.set('Content-Type', metrics.registry.contentType);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await metrics.registry.metrics();
  });
}
