import type Router from '@koa/router';
import { acknowledgeAlert } from '../alerts/acknowledge';
import type { Services } from '../command';
import { UserError } from '../errors';
import { findIncident } from '../incidents/store';
import { audit } from '../privacy/audit';
import { canAcknowledge, endSession, switchSession } from './access';
import { serveAsset } from './assets';
import { contactsPage, seesDoor } from './door';
import { admit, INVALID, postedForm, refuse, secure } from './guard';
import { mountIncidentRoutes, recordedFlash } from './incident-routes';
import { missingPage } from './missing-page';
import { noticePage, viewerName } from './page';
import { render } from './render';
import { revoke } from './revocation';

/**
 * The leaders' dashboard (SPEC §2 `GET /dashboard`): a signed `看板` link or
 * DASHBOARD_TOKEN, else 401. Acknowledging an alert is a POST with a CSRF
 * token, through the same path as `处置`; the 应急处置 panel's actions are
 * in incident-routes.ts.
 */
export function mountDashboard(router: Router, services: Services, afterCommit: () => void): void {
  router.get('/dashboard/assets/:file', secure, (ctx) => serveAsset(ctx, ctx.params.file));

  router.get('/dashboard', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    const done = typeof ctx.query.done === 'string' && /^\d{1,12}$/.test(ctx.query.done) ? ctx.query.done : undefined;
    await render(ctx, services, viewer, done ? { kind: 'ok', text: `已处置告警 #${done}，并通知领导小组。` } : await recordedFlash(ctx, services, viewer));
  });

  router.get('/dashboard/missing', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (viewer) await missingPage(ctx, services, viewer);
  });

  router.post('/dashboard/alerts/:id/ack', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    const form = await postedForm(ctx, services, viewer);
    if (!form) return;
    if (!canAcknowledge(viewer)) return refuse(ctx, 403, '无权处置', '处置告警需由领导小组成员本人操作：请用自己的「看板」链接，或在群聊中发送「处置 <编号> <处置情况>」。');
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

  mountIncidentRoutes(router, services, afterCommit);
}
