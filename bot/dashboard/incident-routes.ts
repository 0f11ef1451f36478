import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Services } from '../command';
import { UserError } from '../errors';
import { incidentMessages } from '../incidents/messages';
import { recordProgress } from '../incidents/progress';
import { reportFileName } from '../incidents/report/file-name';
import { incidentFacts } from '../incidents/report/facts';
import { findIncident, incidentSteps } from '../incidents/store';
import { STEPS, stepNamed } from '../incidents/steps';
import { audit } from '../privacy/audit';
import { canAcknowledge, type Viewer } from './access';
import { admit, postedForm, refuse, secure } from './guard';
import type { PageContext } from './page-context';
import { render } from './render';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NUMBER = /^\d{1,9}$/;

/**
 * The 应急处置 panel's actions (SPEC §11): a leader records a step done —
 * the same rules, ledger and leadership push as `进展` — and downloads the
 * report upward, the document `npm run cli -- incident report` writes.
 * Leaders and administrators only, as named people.
 */
export function mountIncidentRoutes(router: Router, services: Services, afterCommit: () => void): void {
  router.post('/dashboard/incidents/:id/progress', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    const form = await postedForm(ctx, services, viewer);
    if (!form) return;
    if (!canAcknowledge(viewer)) return refuse(ctx, 403, '无权操作', '应急步骤需由领导小组成员本人在看板上登记，或由负责组成员在群聊中回复「进展 <编号> <步骤> <情况>」。');
    if (!NUMBER.test(ctx.params.id)) return refuse(ctx, 404, '没有这个应急事件', `没有编号为「${ctx.params.id.slice(0, 20)}」的应急事件。`);
    const stepWord = form.get('step') ?? '';
    try {
      await services.db.tx((sql) => recordProgress(sql, services, { idText: ctx.params.id, stepWord, note: (form.get('note') ?? '').trim(), by: viewer.person, now: services.clock.now() }));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.status = 409;
      return render(ctx, services, viewer, { kind: 'error', text: err.message });
    }
    afterCommit();
    ctx.redirect(`/dashboard?recorded=${ctx.params.id}-${stepNamed(stepWord)!.no}`);
    ctx.status = 303;
  });

  router.get('/dashboard/incidents/:id/report.docx', secure, async (ctx) => {
    const viewer = await admit(ctx, services);
    if (!viewer) return;
    if (!canAcknowledge(viewer)) return refuse(ctx, 403, '无权下载', '应急处置报告仅供领导小组成员下载。');
    const now = services.clock.now();
    const facts = NUMBER.test(ctx.params.id) ? await incidentFacts(services.db, Number(ctx.params.id), now, services.config.timezone) : undefined;
    if (!facts) return refuse(ctx, 404, '没有这个应急事件', `没有编号为「${ctx.params.id.slice(0, 20)}」的应急事件。`);
    // It names the case, the contacts and their readings: personal data, so each download is audited (SPEC §12).
    await services.db.tx((sql) => audit(sql, { actor: `${viewer.person.name}（#${viewer.person.id}）`, action: 'export-incident-report', detail: `看板下载应急 #${facts.id} 处置报告`, now }));
    const name = reportFileName(facts.id);
    ctx.type = DOCX;
    // RFC 6266: an ASCII name for old clients, the Chinese one for every current browser (RFC 5987).
    ctx.set('Content-Disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`);
    // The Word library is loaded on the first download, not at start-up: most instances never write a report.
    const { reportDocument } = await import('../incidents/report/document');
    ctx.body = await reportDocument(facts, services.config.timezone, services.config.hallName);
  });
}

/**
 * The outcome of a step recorded on the panel, told on the page it returns
 * to (`?recorded=12-2`) in the words `进展` replies with; undefined for
 * anything else.
 */
export async function recordedFlash(ctx: Context, services: Services, viewer: Viewer): Promise<PageContext['flash']> {
  const m = typeof ctx.query.recorded === 'string' ? /^(\d{1,9})-([1-7])$/.exec(ctx.query.recorded) : null;
  if (!m || !canAcknowledge(viewer)) return undefined;
  const incident = await findIncident(services.db, Number(m[1]));
  if (!incident) return undefined;
  const steps = await incidentSteps(services.db, incident, services.clock.now(), services.config.timezone);
  const step = steps.find((s) => s.step === STEPS[Number(m[2]) - 1].name);
  return step?.done ? { kind: 'ok', text: incidentMessages.stepRecorded(incident.id, step) } : undefined;
}
