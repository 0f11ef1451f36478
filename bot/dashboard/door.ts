import type { Services } from '../command';
import type { Sql } from '../db/database';
import { combinedInstruction } from '../alerts/instruction';
import { describeCheck, visitorLabel } from '../door/messages';
import { doorDay, type DoorDay } from '../door/store';
import type { ContactView } from '../incidents/contact-types';
import { incidentContacts } from '../incidents/contacts';
import { openCases } from '../incidents/store';
import { visitorContactLabel, visitorContacts } from '../incidents/visitor-contacts';
import { SEVERITY_LABEL } from '../labels';
import { localClock } from '../time';
import type { Viewer } from './access';
import { html, type Safe } from './html';

const CONTACT_STATUS: Record<ContactView['status'], string> = { proposed: '待排查', confirmed: '已确认', excluded: '已排除' };

/** What the door card shows leaders: today's door and the open incidents whose contacts they may view. */
export interface DoorView {
  day: DoorDay;
  incidents: { id: number; subject: string }[];
}

/** Whether a viewer sees the door and incidents' contacts: leaders, administrators and operators (SPEC §12), never a lead. */
export function seesDoor(viewer: Viewer): boolean {
  return viewer.kind === 'operator' || viewer.person.role === 'leader' || viewer.person.role === 'admin';
}

/** The door card's data: today's visitors and the open incidents. */
export async function doorView(sql: Pick<Sql, 'all'>, date: string, timezone: string): Promise<DoorView> {
  const incidents = await openCases(sql);
  return { day: await doorDay(sql, date, timezone), incidents: incidents.map((i) => ({ id: i.id, subject: i.subject })) };
}

/** 今日门岗: visitors by hour, anomalies, registrations without a code; phones masked. */
export function doorCard(door: DoorView, timezone: string): Safe {
  const { day } = door;
  return html`<section class="card" aria-labelledby="h-door" data-testid="door">
  <h2 id="h-door">今日门岗 <span class="count">${day.total}</span></h2>
  <p><span>访客 <b data-testid="door-total">${day.total}</b></span> · <span>异常 <b data-testid="door-anomalies">${day.anomalies.length}</b></span> · <span>无码登记 <b data-testid="door-without-code">${day.withoutCode}</b></span></p>
  ${day.byHour.length ? html`<div class="scroll"><table class="door-hours" data-testid="door-hours"><thead><tr>${day.byHour.map((h) => html`<th>${String(h.hour).padStart(2, '0')}时</th>`)}</tr></thead><tbody><tr>${day.byHour.map((h) => html`<td>${h.count}</td>`)}</tr></tbody></table></div>` : html`<p class="empty">今天还没有访客登记</p>`}
  ${
    day.anomalies.length
      ? html`<ul class="anomalies">${day.anomalies.map(
          (v) =>
            html`<li class="anomaly"><span class="badge ${v.status}">${SEVERITY_LABEL[v.status]}</span> <b>${visitorLabel(v)}</b> <span class="muted nowrap">${localClock(new Date(v.registeredAt), timezone)}${v.window ? ` · ${v.window}` : ''}</span><div>${describeCheck(v)}</div>${v.alertId === null ? html`<div class="instruction">${combinedInstruction([v.instruction])}</div>` : html`<div class="muted">告警 #${v.alertId}</div>`}</li>`,
        )}</ul>`
      : ''
  }
  ${door.incidents.length ? html`<h3>进行中的应急事件</h3><ul>${door.incidents.map((i) => html`<li><a href="/dashboard/incidents/${i.id}/contacts">#${i.id} ${i.subject} · 密接名单</a></li>`)}</ul>` : ''}
</section>`;
}

/** An incident's contacts, staff then visitors (masked; a confirmed visitor is told by phone and via the community), as a page (every view audited by the route). */
export async function contactsPage(sql: Sql, services: Services, id: number, subject: string): Promise<string> {
  const staff = (await incidentContacts(sql, services, id)).map((c) => ({ name: c.person.name, window: c.person.window, reason: c.reason, status: CONTACT_STATUS[c.status] }));
  const visitors = (await visitorContacts(sql, id)).map((v) => ({
    name: visitorContactLabel(v),
    window: '访客',
    reason: v.reason,
    status: v.status === 'confirmed' ? `${CONTACT_STATUS.confirmed}（电话通知、告知社区）` : CONTACT_STATUS[v.status],
  }));
  const contacts = [...staff, ...visitors];
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>#${id} 密接名单</title><link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
<body><main><section class="card wide" data-testid="contacts"><h1>应急 #${id} ${subject} · 密接名单</h1>
<p class="muted">个人信息，仅供排查使用；本次查看已记入审计日志。</p>
${contacts.length ? html`<div class="scroll"><table><thead><tr><th>姓名</th><th>窗口</th><th>原因</th><th>状态</th></tr></thead><tbody>${contacts.map((c) => html`<tr><td>${c.name}</td><td>${c.window}</td><td>${c.reason}</td><td>${c.status}</td></tr>`)}</tbody></table></div>` : html`<p class="empty">暂无密接人员</p>`}
<p><a href="/dashboard" class="button">返回看板</a></p></section></main></body></html>`}`;
}
