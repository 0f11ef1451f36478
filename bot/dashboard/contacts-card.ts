import { SEVERITY_LABEL } from '../labels';
import type { DashboardData } from './data';
import { html, type Safe } from './html';

/** The close contacts (密接) under observation, with their latest reading (SPEC §11); nothing when there are none. */
export function contactsCard(data: DashboardData): Safe | '' {
  if (data.contacts.length === 0) return '';
  return html`<section class="card" aria-labelledby="h-contacts" data-testid="contacts">
  <h2 id="h-contacts">密接观察中 <span class="count">${new Set(data.contacts.map((c) => c.name + c.window)).size}</span></h2>
  <ul class="anomalies">${data.contacts.map(
    (c) =>
      html`<li class="anomaly" data-incident="${c.incidentId}"><span class="badge ${c.latest === 'normal' ? 'ok' : (c.latest ?? 'missing')}">${c.latest ? SEVERITY_LABEL[c.latest] : '未报'}</span> <b>${c.name}</b> <span class="muted">${c.window}</span><div>${c.text}</div></li>`,
  )}</ul>
</section>`;
}
