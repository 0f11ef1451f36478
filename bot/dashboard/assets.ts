import { createRequire } from 'node:module';
import type { Context } from 'koa';
import { serveFile } from '../http/browser';

/**
 * The dashboard's static files, all served by the service itself: halls often
 * run on an intranet with no internet access, so no CDN. ECharts comes from
 * the installed package; the page's own script and style sit in assets/
 * beside this module (or beside the bundle in dist/).
 */
const FILES: Record<string, { type: string; locate: () => string | URL }> = {
  'echarts.min.js': { type: 'application/javascript; charset=utf-8', locate: () => createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js') },
  'dashboard.js': { type: 'application/javascript; charset=utf-8', locate: () => new URL('./assets/dashboard.js', import.meta.url) },
  'dashboard.css': { type: 'text/css; charset=utf-8', locate: () => new URL('./assets/dashboard.css', import.meta.url) },
};

/** Answers GET /dashboard/assets/:file; 404 for anything not listed. */
export function serveAsset(ctx: Context, file: string): void {
  const asset = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  if (!asset) {
    ctx.status = 404;
    return;
  }
  serveFile(ctx, asset.locate(), asset.type, 'public, max-age=3600');
}
