import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Context } from 'koa';

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

const loaded = new Map<string, Buffer>();

/** Answers GET /dashboard/assets/:file from memory (read once); 404 for anything not listed. */
export function serveAsset(ctx: Context, file: string): void {
  const asset = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  if (!asset) {
    ctx.status = 404;
    return;
  }
  let body = loaded.get(file);
  if (!body) loaded.set(file, (body = readFileSync(asset.locate())));
  ctx.set('Cache-Control', 'public, max-age=3600');
  ctx.type = asset.type;
  ctx.body = body;
}
