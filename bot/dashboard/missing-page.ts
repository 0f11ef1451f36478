import type { Context } from 'koa';
import type { Services } from '../command';
import { SLOT_LABEL } from '../labels';
import type { Viewer } from './access';
import { dashboardData } from './data';
import { html } from './html';
import { askedScope } from './render';

/**
 * `GET /dashboard/missing?what=slot|sweep[&window=…]`: everyone the home page
 * only counts (issue 24) — still missing in the current slot, or in today's
 * 全员测温 — for the scope the viewer may see, one window per section.
 */
export async function missingPage(ctx: Context, services: Services, viewer: Viewer): Promise<void> {
  const scope = await askedScope(ctx, services, viewer);
  if (!scope) return;
  const data = await dashboardData(services.db, services, services.clock.now(), { window: scope.window, outbox: false });
  const sweep = ctx.query.what === 'sweep';
  const title = sweep ? `全员测温${data.sweep ? ` #${data.sweep.id}` : ''} ${SLOT_LABEL.extra}未报` : `${SLOT_LABEL[data.currentSlot]}未报`;
  const sections = sweep
    ? [{ window: scope.window ?? '全大厅', names: data.sweep?.missing ?? [] }]
    : data.progress.filter((w) => w.missing.length).map((w) => ({ window: w.window, names: w.missing }));
  const total = sections.reduce((n, s) => n + s.names.length, 0);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
<body><main><p><a href="/dashboard${scope.window === null ? '' : `?window=${encodeURIComponent(scope.window)}`}">← 返回看板</a></p>
<h1>${title} <span class="count" data-testid="missing-total">${total}</span></h1>
${sections.map((s) => html`<section class="card" data-window="${s.window}"><h2>${s.window}（${s.names.length} 人）</h2><p>${s.names.join('、')}</p></section>`)}
</main></body></html>`}`;
}
