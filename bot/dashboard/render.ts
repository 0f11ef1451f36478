import type { Context } from 'koa';
import type { Services } from '../command';
import { messages } from '../messages';
import { audit } from '../privacy/audit';
import type { DashboardData } from './data';
import { canAcknowledge, scopeOf, seesAdminNotices, type Viewer } from './access';
import { dashboardData } from './data';
import { doorView, seesDoor } from './door';
import { refuse } from './guard';
import { dashboardPage, viewerName } from './page';
import type { PageContext } from './page-context';
import { csrfToken, signingKey } from './tokens';

/** Renders the dashboard for a viewer's scope (a lead's window, or the hall or the window a leader picked), with the outcome of an action. */
export async function render(ctx: Context, services: Services, viewer: Viewer, flash?: PageContext['flash']): Promise<void> {
  const scope = await askedScope(ctx, services, viewer);
  if (!scope) return;
  const people = await services.directory.active();
  const read = await dashboardData(services.db, services, services.clock.now(), scope);
  const data = seesAdminNotices(viewer, people) ? read : { ...read, calendarWarning: null };
  await auditContactsShown(services, viewer, data);
  const key = await signingKey(services.db, services.db);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = dashboardPage({
    data,
    viewer,
    timezone: services.config.timezone,
    hallName: services.config.hallName,
    csrf: viewer.session ? csrfToken(key, viewer.session) : null,
    canAcknowledge: canAcknowledge(viewer),
    door: scope.window === null && seesDoor(viewer) ? await doorView(services.db, data.local.date, services.config.timezone) : undefined,
    flash,
  });
}

/**
 * The scope a request asks for (`?window=`) as the viewer may see it; null
 * once the request has been refused (403 outside a lead's window, 404 for a
 * window nobody works in).
 */
export async function askedScope(ctx: Context, services: Services, viewer: Viewer): Promise<{ window: string | null; outbox: boolean } | null> {
  const asked = typeof ctx.query.window === 'string' && ctx.query.window !== '' ? ctx.query.window : undefined;
  const scope = scopeOf(viewer, asked);
  if (scope === 'forbidden') return refuse(ctx, 403, '无权查看', '窗口负责人只能查看本窗口的数据。');
  if (scope === 'no-window') return refuse(ctx, 403, '未分配窗口', messages.leadWithoutWindow());
  const people = await services.directory.active();
  if (scope.window !== null && !people.some((p) => p.window === scope.window)) return refuse(ctx, 404, '没有这个窗口', '请从看板顶部选择窗口。');
  return scope;
}

/**
 * A page that names an incident's contacts — the observation card, or the
 * 应急处置 panel's lists — is a view of personal data: one audit line per
 * page, naming the incidents whose contacts it showed (SPEC §12).
 */
async function auditContactsShown(services: Services, viewer: Viewer, data: DashboardData): Promise<void> {
  const shown = new Set<number>(data.contacts.map((c) => c.incidentId));
  for (const incident of data.incidents?.open ?? []) if (incident.contacts.length || incident.visitors.length) shown.add(incident.id);
  if (!shown.size) return;
  const actor = viewer.kind === 'person' ? `${viewer.person.name}（#${viewer.person.id}）` : viewerName(viewer);
  const list = [...shown].sort((a, b) => a - b).map((id) => `#${id}`).join('、');
  await services.db.tx((sql) => audit(sql, { actor, action: 'view-contacts', detail: `看板首页显示应急 ${list} 密接名单`, now: services.clock.now() }));
}
