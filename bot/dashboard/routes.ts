import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { acknowledgeAlert } from '../alerts/acknowledge';
import type { Services } from '../command';
import { UserError } from '../errors';
import { messages } from '../messages';
import { readBody } from '../http/read-body';
import { browserHeaders, originHost } from '../http/browser';
import { authenticate, canAcknowledge, endSession, scopeOf, switchSession, type Viewer } from './access';
import { serveAsset } from './assets';
import { dashboardData } from './data';
import { dashboardPage, noticePage, switchPage, viewerName, type PageContext } from './page';
import { revoke } from './revocation';
import { audit } from '../privacy/audit';
import { findIncident } from '../incidents/store';
import { contactsPage, doorView, seesDoor } from './door';
import { csrfToken, safeEqual, signingKey } from './tokens';

const HEADERS = browserHeaders(
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
);

const INVALID = ['链接无效或已过期', '看板链接 12 小时内有效。请向防疫值守助手重新发送「看板」获取新链接。'] as const;
const REFUSED = {
  none: ['需要登录', '请在企业微信或钉钉中向防疫值守助手发送「看板」，用收到的个人链接打开（12 小时内有效）。'],
  invalid: INVALID,
  'invalid-link': INVALID,
  'not-allowed': ['无权查看', '看板仅供窗口负责人和领导小组成员使用。如有疑问请联系系统管理员。'],
} as const;

/**
 * The leaders' dashboard (SPEC §2 `GET /dashboard`): a signed `看板` link or
 * DASHBOARD_TOKEN, else 401. Acknowledging an alert is a POST with a CSRF
 * token, through the same path as `处置`.
 */
export function mountDashboard(router: Router, services: Services, afterCommit: () => void): void {
  const secure = async (ctx: Context, next: Next) => {
    ctx.set(HEADERS);
    await next();
  };

  router.get('/dashboard/assets/:file', secure, (ctx) => serveAsset(ctx, ctx.params.file));

  router.get('/dashboard', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    const done = typeof ctx.query.done === 'string' && /^\d{1,12}$/.test(ctx.query.done) ? ctx.query.done : undefined;
    await render(ctx, services, viewer, done ? { kind: 'ok', text: `已处置告警 #${done}，并通知领导小组。` } : undefined);
  });

  router.post('/dashboard/alerts/:id/ack', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    const form = await postedForm(ctx, services, viewer);
    if (!form) return;
    if (!canAcknowledge(viewer)) return refuse(ctx, 403, '无权处置', '处置告警需由领导小组成员本人操作：请用自己的「看板」链接，或在群聊中发送「处置 编号 处置情况」。');
    const id = Number(ctx.params.id);
    if (!/^\d{1,12}$/.test(ctx.params.id)) return refuse(ctx, 404, '没有这条告警', `没有编号为「${ctx.params.id.slice(0, 20)}」的告警。`);
    try {
      await services.db.tx((sql) => acknowledgeAlert(sql, services, { id, note: form.get('note') ?? '', by: viewer.person, now: services.clock.now() }));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.status = 409;
      return render(ctx, services, viewer, { kind: 'error', text: err.message });
    }
    afterCommit();
    const back = typeof ctx.query.window === 'string' ? `&window=${encodeURIComponent(ctx.query.window)}` : '';
    ctx.redirect(`/dashboard?done=${id}${back}`);
    ctx.status = 303;
  });

  router.get('/dashboard/incidents/:id/contacts', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    if (!seesDoor(viewer)) return refuse(ctx, 403, '无权查看', '密接名单仅供领导小组成员查看。');
    const incident = /^\d{1,12}$/.test(ctx.params.id) ? await findIncident(services.db, Number(ctx.params.id)) : undefined;
    if (!incident) return refuse(ctx, 404, '没有这起应急事件', `没有编号为「${ctx.params.id.slice(0, 20)}」的应急事件。`);
    const actor = viewer.kind === 'person' ? `${viewer.person.name}（#${viewer.person.id}）` : viewerName(viewer);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await services.db.tx(async (sql) => {
      await audit(sql, { actor, action: 'view-contacts', detail: `看板查看应急 #${incident.id} 密接名单`, now: services.clock.now() });
      return contactsPage(sql, services, incident.id, incident.subject);
    });
  });

  router.post('/dashboard/switch', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    const form = await postedForm(ctx, services, viewer);
    if (!form) return;
    if (!(await switchSession(ctx, services, form.get('session') ?? ''))) return refuse(ctx, 401, ...INVALID);
    ctx.redirect('/dashboard');
    ctx.status = 303;
  });

  router.post('/dashboard/logout', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer || !(await postedForm(ctx, services, viewer))) return;
    // Revoked in the database, not only forgotten by this browser: a copied cookie or the 看板 link no longer opens it.
    if (viewer.session) await revoke(services.db, viewer.session, services.clock.now());
    endSession(ctx);
    ctx.status = 200;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = noticePage('已退出', '如需再次查看，请向防疫值守助手发送「看板」获取新链接。');
  });
}

/** The viewer of the request, or a 401 page (a link exchanged for a session redirects instead). */
async function admit(ctx: Context, services: Services): Promise<Viewer | null> {
  ctx.set('Cache-Control', 'no-store');
  const access = await authenticate(ctx, services);
  if (access.ok === true) return access.viewer;
  if (access.ok === 'redirect') {
    ctx.redirect(access.location);
    ctx.status = 303;
    return null;
  }
  if (access.ok === 'confirm') {
    const key = await signingKey(services.db, services.db);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = switchPage({ current: viewerName(access.current), offered: viewerName(access.offered.viewer), session: access.offered.session, csrf: csrfToken(key, access.current.session) });
    return null;
  }
  if (access.reason === 'invalid') endSession(ctx);
  const [title, text] = REFUSED[access.reason];
  refuse(ctx, 401, title, text);
  return null;
}

/** A form POST from this dashboard's own page: same origin, url-encoded, with this session's CSRF token. */
async function postedForm(ctx: Context, services: Services, viewer: Viewer): Promise<URLSearchParams | null> {
  const origin = ctx.get('origin');
  if (origin && origin !== 'null' && originHost(origin) !== ctx.host) return refuse(ctx, 403, '请求被拒绝', '请从看板页面内操作。');
  if (!ctx.is('application/x-www-form-urlencoded')) return refuse(ctx, 415, '请求被拒绝', '请从看板页面内操作。');
  const form = new URLSearchParams(await readBody(ctx));
  const key = await signingKey(services.db, services.db);
  if (!viewer.session || !safeEqual(form.get('csrf') ?? '', csrfToken(key, viewer.session))) {
    return refuse(ctx, 403, '页面已过期', '请刷新看板页面后重试。');
  }
  return form;
}


async function render(ctx: Context, services: Services, viewer: Viewer, flash?: PageContext['flash']): Promise<void> {
  const asked = typeof ctx.query.window === 'string' && ctx.query.window !== '' ? ctx.query.window : undefined;
  const scope = scopeOf(viewer, asked);
  if (scope === 'forbidden') return void refuse(ctx, 403, '无权查看', '窗口负责人只能查看本窗口的数据。');
  if (scope === 'no-window') return void refuse(ctx, 403, '未分配窗口', messages.leadWithoutWindow());
  const people = await services.directory.active();
  if (scope.window !== null && !people.some((p) => p.window === scope.window)) return void refuse(ctx, 404, '没有这个窗口', '请从看板顶部选择窗口。');
  const data = await dashboardData(services.db, services, services.clock.now(), scope);
  const key = await signingKey(services.db, services.db);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = dashboardPage({
    data,
    viewer,
    timezone: services.config.timezone,
    csrf: viewer.session ? csrfToken(key, viewer.session) : null,
    canAcknowledge: canAcknowledge(viewer),
    door: scope.window === null && seesDoor(viewer) ? await doorView(services.db, data.local.date, services.config.timezone) : undefined,
    flash,
  });
}

function refuse(ctx: Context, status: number, title: string, text: string): null {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = noticePage(title, text);
  return null;
}
