import { localClock } from '../time';
import type { DashboardData } from './data';
import { html, type Safe } from './html';

/** Today's disinfection rounds by area: who did each and when, what is missing, the rounds to come. */
export function disinfectionCard(data: DashboardData, timezone: string): Safe {
  const { rounds, started: begun } = data.disinfection;
  return html`<section class="card" aria-labelledby="h-disinfection" data-testid="disinfection">
  <h2 id="h-disinfection">今日消杀</h2>
  <ul class="rounds">${rounds.map((r) => {
    const started = begun.includes(r.round);
    return html`<li data-round="${r.round}" class="${!started ? 'later' : r.missing.length ? 'short' : 'full'}">
    <div class="head"><b>${r.round}</b> ${started ? html`<span class="badge ${r.missing.length ? 'warning' : 'ok'}">${r.done.length}/${r.done.length + r.missing.length}</span>` : html`<span class="muted">未开始</span>`}</div>
    ${r.done.map((d) => html`<div class="area done">✅ ${d.area} <span class="muted">${d.by} ${localClock(new Date(d.at), timezone)}</span></div>`)}
    ${started && r.missing.length ? html`<div class="area missing">⬜ 未登记：${r.missing.join('、')}</div>` : ''}
    ${r.adHoc.map((d) => html`<div class="area adhoc">➕ ${d.area}：${d.note} <span class="muted">${d.by} ${localClock(new Date(d.at), timezone)}</span></div>`)}
  </li>`;
  })}</ul>
</section>`;
}

/** The stock of every supply item, those below their threshold marked. */
export function suppliesCard(data: DashboardData): Safe {
  const items = data.supplies;
  return html`<section class="card" aria-labelledby="h-supplies" data-testid="supplies">
  <h2 id="h-supplies">防疫物资库存 ${items.some((s) => s.below) ? html`<span class="count">${items.filter((s) => s.below).length} 项不足</span>` : ''}</h2>
  ${
    items.length
      ? html`<div class="scroll"><table class="supplies"><thead><tr><th>物资</th><th>现有</th><th>日均领用</th><th>可用天数</th><th>阈值</th></tr></thead>
  <tbody>${items.map(
    (s) =>
      html`<tr data-item="${s.item}" class="${s.below ? 'short' : ''}"><th scope="row">${s.item}</th><td>${s.quantity}\u00a0${s.unit}</td><td>${s.perDay ? s.perDay.toFixed(1) : '0'}</td><td>${s.daysLeft === null ? '—' : s.daysLeft}</td><td>${s.threshold ?? '—'}</td></tr>`,
  )}</tbody></table></div>`
      : html`<p class="empty">还没有物资记录</p>`
  }
</section>`;
}
