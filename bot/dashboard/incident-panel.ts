import { stepLabel, stepOwner, type StepView } from '../incidents/messages';
import { stepNamed } from '../incidents/steps';
import type { ContactFacts, IncidentFacts } from '../incidents/report/facts';
import { CONTACT_STATUS, readingText, stamp } from '../incidents/report/wording';
import { duration } from '../text';
import type { IncidentsPanel } from './incidents';
import { html, type Safe } from './html';
import type { PageContext } from './page-context';

/** The report's download address: the same document as `npm run cli -- incident report`. */
export const reportPath = (id: number) => `/dashboard/incidents/${id}/report.docx`;

/**
 * The 应急处置 panel (SPEC §11): each open incident's seven steps with owner,
 * due time and state (done, due, overdue by how long), a form per step left
 * for a leader to record it as by `进展`, the contacts with their latest
 * reading, and the report to download. Nothing when no incident is open or
 * lately closed.
 */
export function incidentPanel(panel: IncidentsPanel | undefined, p: PageContext): Safe | '' {
  if (!panel || (panel.open.length === 0 && panel.closed.length === 0)) return '';
  return html`<section class="card wide incidents" aria-labelledby="h-incidents" data-testid="incidents">
  <h2 id="h-incidents">应急处置 <span class="count">${panel.open.length}</span></h2>
  ${panel.open.length ? panel.open.map((f) => incidentCard(f, p)) : html`<p class="empty">没有进行中的应急处置</p>`}
  ${
    panel.closed.length
      ? html`<h3>近 7 天已结案</h3><ul class="closed-incidents">${panel.closed.map(
          (c) => html`<li data-closed-incident="${c.id}"><b>#${c.id} ${c.subject}</b> <span class="muted">${c.closedBy} ${stamp(c.closedAt, p.timezone).slice(5)} 结案</span>${p.canAcknowledge ? html` <a href="${reportPath(c.id)}" download>下载报告</a>` : ''}</li>`,
        )}</ul>`
      : ''
  }
</section>`;
}

function incidentCard(f: IncidentFacts, p: PageContext): Safe {
  const elapsed = Math.max(0, Math.round((Date.parse(f.asOf) - Date.parse(f.openedAt)) / 60_000));
  const late = f.steps.filter((s) => s.overdue).length;
  // A case opened by hand is named by its situation's first words: say it once.
  const [title, detail] = f.situation.startsWith(f.subject) ? [f.situation, ''] : [f.subject, f.situation];
  return html`<article class="incident" data-incident="${f.id}">
  <div class="head"><span class="badge critical">应急 #${f.id}</span> <b>${title}</b> <span class="muted">${detail}</span></div>
  <div class="muted" data-testid="incident-${f.id}-elapsed">已用时 ${duration(elapsed)}${late ? html` · <span class="overdue">${late} 步超时</span>` : ''}${p.canAcknowledge ? html` · <a href="${reportPath(f.id)}" download data-testid="incident-${f.id}-report">下载报告（Word）</a>` : ''}</div>
  <table class="checklist">
    <thead><tr><th>步骤</th><th>负责组</th><th>时限</th><th>状态</th></tr></thead>
    <tbody>${f.steps.map((s) => stepRow(f.id, s, p))}</tbody>
  </table>
  ${contactList(f, p)}
  <p class="muted" data-testid="incident-${f.id}-sweep">${sweepLine(f)}</p>
</article>`;
}

function stepRow(id: number, s: StepView, p: PageContext): Safe {
  const state = s.done ? 'done' : s.overdue ? 'overdue' : 'due';
  return html`<tr class="${state}" data-step="${s.step}">
  <th scope="row">${stepLabel(s.step)}</th><td data-label="负责组">${stepOwner(s)}</td><td data-label="时限">${s.due}</td>
  <td class="state" data-label="状态">${
    s.done
      ? html`✅ ${s.done.by} ${s.done.at}（用时 ${duration(s.done.minutes)}）${s.done.note ? html`<div class="note">${s.done.note}</div>` : ''}`
      : html`${s.overdue ? html`<span class="overdue">已超时 ${duration(s.overdue)}</span>${s.escalatedAt ? ' · 已报领导小组督办' : ''}` : '待完成'}${stepForm(id, s, p)}`
  }</td>
</tr>`;
}

/** Records a step done as `进展 <编号> <步骤> <情况>` would: same rules, same push to the leadership group. */
function stepForm(id: number, s: StepView, p: PageContext): Safe | '' {
  if (!p.canAcknowledge || !p.csrf) return '';
  return html`<form method="post" action="/dashboard/incidents/${id}/progress" class="ack step">
    <input type="hidden" name="csrf" value="${p.csrf}"><input type="hidden" name="step" value="${s.step}">
    <label><span class="sr">${stepLabel(s.step)} 情况</span><input name="note" required maxlength="500" placeholder="如：${stepNamed(s.step)!.example}" autocomplete="off"></label>
    <button type="submit">完成</button>
  </form>`;
}

/** The incident's 全员测温 in a line: not run yet, or how many have answered and who not. */
function sweepLine(f: IncidentFacts): string {
  const m = f.massTesting;
  if (!m) return '全员测温：未开展（排查开始时自动发起）';
  return `全员测温${m.running ? '（进行中）' : ''}：已测 ${m.reported}/${m.expected}${m.abnormal.length ? `，异常 ${m.abnormal.map((a) => a.name).join('、')}` : ''}${m.missing.length ? `，未测 ${m.missing.join('、')}` : ''}`;
}

function contactList(f: IncidentFacts, p: PageContext): Safe {
  if (f.contacts.length === 0 && f.visitors.length === 0) return html`<p class="muted">密接：尚未登记</p>`;
  return html`<h3>密切接触者</h3><ul class="contacts">${f.contacts.map((c) => contactItem(c, p))}${f.visitors.map(
    (v) => html`<li class="${v.status}" data-visitor="${v.id}"><span class="badge ${v.status}">${CONTACT_STATUS[v.status]}</span> <b>${v.name}</b> <span class="muted">到访人员 ${v.phoneMasked} · ${v.reason}</span></li>`,
  )}</ul>`;
}

/** A staff contact with their latest reading since the incident's day. */
function contactItem(c: ContactFacts, p: PageContext): Safe {
  const latest = c.readings.at(-1);
  return html`<li class="${c.status}" data-contact="${c.name}"><span class="badge ${c.status}">${CONTACT_STATUS[c.status]}</span> <b>${c.name}</b> <span class="muted">${c.window} · ${c.reason}</span>
    <div class="${latest && (latest.status === 'warning' || latest.status === 'critical') ? 'overdue' : ''}">${latest ? `最近体温：${readingText(latest, p.timezone)}` : '尚无体温记录'}</div></li>`;
}
