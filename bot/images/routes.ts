import type Router from '@koa/router';
import type { Services } from '../command';
import { signingKey } from '../dashboard/tokens';
import { checkImageLink } from './links';
import { loadImage } from './store';

/**
 * `GET /images/<id>.png?exp=…&sig=…`: the pictures the bot sends, for platforms
 * that fetch them by URL (DingTalk). A link without a valid signature gets 403,
 * an expired one 401; nothing else is served.
 */
export function mountImages(router: Router, services: Services): void {
  router.get('/images/:file', async (ctx) => {
    const m = /^(\d{1,12})\.png$/.exec(ctx.params.file);
    if (!m) return void (ctx.status = 404);
    const id = Number(m[1]);
    const key = await signingKey(services.db, services.db);
    const check = checkImageLink(key, id, str(ctx.query.exp), str(ctx.query.sig), services.clock.now());
    if (check !== 'ok') {
      ctx.status = check === 'expired' ? 401 : 403;
      ctx.body = check === 'expired' ? '链接已过期' : '链接无效';
      return;
    }
    const image = await loadImage(services.db, id);
    if (!image) return void (ctx.status = 404);
    ctx.set({ 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
    ctx.type = 'image/png';
    ctx.body = image.png;
  });
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
