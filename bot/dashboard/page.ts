import type { DailySlot } from '../../entities';
import { SEVERITY_LABEL, SLOT_LABEL } from '../labels';
import { combinedInstruction } from '../alerts/instruction';
import { dateLabel } from '../text';
import { localIso } from '../time';
import type { Viewer } from './access';
import type { PageContext } from './page-context';
import { contactsCard } from './contacts-card';
import type { SweepView } from '../sweep/view';
import { doorCard } from './door';
import { alertWho, type AlertLine, type DayAlert } from '../alerts/figures';
import { trendSeries } from '../health/trend';
import type { DashboardData, RosterView, WindowProgress } from './data';
import { html, jsonIsland, type Safe } from './html';
import { disinfectionCard, suppliesCard } from './routine-cards';
import { incidentPanel } from './incident-panel';
import { someNames } from './names';

const SLOTS: DailySlot[] = ['morning', 'midday', 'leave'];
/** Open alerts listed one by one, at most; the rest are counted. */
const MAX_ALERTS = 200;
const ROSTER_STATUS: Record<RosterView['status'], string> = { submitted: '已提交', late: '逾期提交', closed: '不开放', missing: '未提交' };


/** The whole dashboard page: server-rendered, every user text escaped; the charts are drawn by /dashboard/assets/dashboard.js. */
export function dashboardPage(p: PageContext): string {
  const { data } = p;
  const scope = data.window ?? '全大厅';
  const who = viewerName(p.viewer);
  const slotsSoFar = SLOTS.slice(0, SLOTS.indexOf(data.currentSlot) + 1);
  const { totals } = data;
  const critical = data.openAlerts.filter((a) => a.severity === 'critical').length;
  const submitted = data.roster.windows.filter((w) => w.status !== 'missing').length;
  const clock = `${String(data.local.hour).padStart(2, '0')}:${String(data.local.minute).padStart(2, '0')}`;
  const lead = p.viewer.kind === 'person' && p.viewer.person.role === 'lead';
  const refresh = data.window && !lead ? `/dashboard?window=${encodeURIComponent(data.window)}` : '/dashboard';
  const charts = {
    windows: data.progress.map((w) => w.window),
    expected: data.progress.map((w) => w.expected),
    slots: SLOTS.map((s) => ({ name: SLOT_LABEL[s], values: data.progress.map((w) => w.reported[s]) })),
    trend: { dates: data.trend.map((d) => d.date.slice(5)), series: trendSeries(data.trend) },
  };

  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${p.hallName ?? ''}防疫看板 · ${scope}</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
<script src="/dashboard/assets/echarts.min.js" defer></script>
<script src="/dashboard/assets/dashboard.js" defer></script>
</head>
<body>
<header>
  <div>
    <h1><span data-testid="hall-name">${p.hallName ?? '大厅'}</span>防疫看板 <span class="scope" data-testid="scope">${scope}</span></h1>
    <p class="sub">${dateLabel(data.local.date)} ${clock}${data.workday ? '' : ' · 今天不是工作日'} · 当前时段 ${SLOT_LABEL[data.currentSlot]}</p>
  </div>
  <div class="who">
    <span>${who}</span>
    <a href="${refresh}" class="button">刷新</a>
    ${p.csrf ? html`<form method="post" action="/dashboard/logout"><input type="hidden" name="csrf" value="${p.csrf}"><button type="submit" class="link">退出</button></form>` : ''}
  </div>
</header>
${data.calendarWarning ? html`<p class="banner" role="alert" data-testid="calendar-warning">${data.calendarWarning}</p>` : ''}
${p.flash ? html`<p class="flash ${p.flash.kind}" role="status" data-testid="flash">${p.flash.text}</p>` : ''}
${windowPicker(p)}
<main>
<section class="kpis" aria-label="概览">
  ${slotsSoFar.map((s) => html`<div class="kpi" data-testid="kpi-${s}"><span class="label">${SLOT_LABEL[s]}已报</span><span class="value"><b>${totals.reported[s]}</b>/${totals.expected}</span></div>`)}
  ${data.sweep ? sweepKpi(data.sweep) : ''}
  <div class="kpi ${data.openAlerts.length ? 'alarm' : ''}" data-testid="kpi-alerts"><span class="label">未处置告警</span><span class="value"><b>${data.openAlerts.length}</b>${critical ? html` <small>严重 ${critical}</small>` : ''}</span></div>
  <div class="kpi ${submitted < data.roster.windows.length ? 'warn' : ''}" data-testid="kpi-roster"><span class="label">${dateLabel(data.roster.date)}排班</span><span class="value"><b>${submitted}</b>/${data.roster.windows.length}</span></div>
</section>

${incidentPanel(data.incidents, p)}

<section class="card wide" aria-labelledby="h-progress">
  <h2 id="h-progress">今日上报进度</h2>
  <div class="chart" id="chart-progress" role="img" aria-label="各窗口各时段已报人数"></div>
  ${progressTable(data.progress, data.currentSlot, slotsSoFar)}
  ${data.sweep?.missing.length ? html`<p class="missing" data-testid="sweep-missing">全员测温 #${data.sweep.id} ${SLOT_LABEL.extra}未报：${someNames(data.sweep.missing, missingLink(data.window, 'sweep'))}</p>` : ''}
</section>

<section class="card" aria-labelledby="h-alerts">
  <h2 id="h-alerts">未处置告警 <span class="count">${data.openAlerts.length}</span></h2>
  ${data.openAlerts.length ? html`<ul class="alerts">${data.openAlerts.slice(0, MAX_ALERTS).map((a) => alertItem(a, p))}</ul>` : html`<p class="empty">暂无未处置告警</p>`}
  ${data.openAlerts.length > MAX_ALERTS ? html`<p class="muted">…另有 ${data.openAlerts.length - MAX_ALERTS} 条</p>` : ''}
  ${data.recentlyHandled.length ? html`<h3>近 3 天已处置</h3><ul class="alerts handled">${data.recentlyHandled.map((a) => handledItem(a, p.timezone))}</ul>` : ''}
</section>

<section class="card" aria-labelledby="h-roster">
  <h2 id="h-roster">${dateLabel(data.roster.date)}窗口排班</h2>
  ${data.roster.windows.length ? html`<ul class="rosters">${data.roster.windows.map(rosterItem)}</ul>` : html`<p class="empty">没有需要排班的窗口</p>`}
</section>

${observedCard(data)}

${contactsCard(data)}
${p.door ? doorCard(p.door, p.timezone) : ''}

${disinfectionCard(data, p.timezone)}

${suppliesCard(data)}

<section class="card wide" aria-labelledby="h-trend">
  <h2 id="h-trend">近 14 天晨检与异常</h2>
  <div class="chart" id="chart-trend" role="img" aria-label="近 14 天每日晨检已报人数、应报人数与异常次数"></div>
  <details><summary>查看数据</summary>${trendTable(data)}</details>
</section>

${data.outbox ? outboxCard(data.outbox, p.timezone) : ''}
</main>
<footer>数据截至 ${dateLabel(data.local.date)} ${clock} · 页面每分钟自动刷新 · HallGuard 大厅防疫值守助手</footer>
<script type="application/json" id="chart-data">${jsonIsland(charts)}</script>
</body>
</html>`}`;
}

function windowPicker(p: PageContext): Safe | '' {
  if (p.viewer.kind === 'person' && p.viewer.person.role === 'lead') return '';
  if (p.data.windows.length < 2) return '';
  return html`<nav class="windows" aria-label="窗口">
  <a href="/dashboard" class="${p.data.window === null ? 'on' : ''}">全大厅</a>
  ${p.data.windows.map((w) => html`<a href="/dashboard?window=${encodeURIComponent(w)}" class="${p.data.window === w ? 'on' : ''}">${w}</a>`)}
</nav>`;
}

/** Today's 全员测温: 加测 answered / asked, marked while it runs. */
function sweepKpi(s: SweepView): Safe {
  return html`<div class="kpi ${s.missing.length ? 'warn' : ''}" data-testid="kpi-extra"><span class="label">${SLOT_LABEL.extra}已报${s.running ? '（进行中）' : ''}</span><span class="value"><b>${s.answered}</b>/${s.asked}</span></div>`;
}

function progressTable(rows: WindowProgress[], current: DailySlot, slotsSoFar: DailySlot[]): Safe {
  return html`<div class="scroll"><table class="progress" data-testid="progress">
  <thead><tr><th>窗口</th><th>应报</th>${SLOTS.map((s) => html`<th class="${slotsSoFar.includes(s) ? '' : 'later'}">${SLOT_LABEL[s]}</th>`)}</tr></thead>
  <tbody>${rows.map(
    (w) => html`<tr data-window="${w.window}">
    <th scope="row">${w.window}${w.roster === 'closed' ? html` <small>不开放</small>` : ''}</th><td>${w.expected}</td>
    ${SLOTS.map((s) => html`<td class="${slotsSoFar.includes(s) ? (w.reported[s] < w.expected ? 'short' : 'full') : 'later'}" data-slot="${s}">${w.reported[s]}</td>`)}
  </tr>${w.missing.length ? html`<tr class="missing"><td colspan="5">${SLOT_LABEL[current]}未报：${someNames(w.missing, missingLink(w.window, 'slot'))}</td></tr>` : ''}`,
  )}</tbody>
</table></div>`;
}

/** The page listing everyone still missing: a window's current slot, or today's 全员测温 in the scope shown. */
function missingLink(window: string | null, what: 'slot' | 'sweep'): string {
  const params = new URLSearchParams({ what, ...(window === null ? {} : { window }) });
  return `/dashboard/missing?${params}`;
}

function when(iso: string, timezone: string): string {
  return localIso(new Date(iso), timezone).slice(5, 16).replace('T', ' ');
}

function alertItem(a: AlertLine, p: PageContext): Safe {
  return html`<li class="alert ${a.severity}" data-alert="${a.id}">
  <div class="head"><span class="badge ${a.severity}">${SEVERITY_LABEL[a.severity]}</span> <b>#${a.id} ${alertWho(a) || '启动应急'}</b> <span class="muted">${a.window}</span></div>
  <div>${a.reasons}</div>
  <div class="instruction">${combinedInstruction([a.instruction])}</div>
  <div class="muted">${when(a.openedAt, p.timezone)} 发现${a.pushCount > 1 ? ` · 已推送 ${a.pushCount} 次` : ''}</div>
  ${
    p.canAcknowledge && p.csrf
      ? html`<form method="post" action="/dashboard/alerts/${a.id}/ack" class="ack">
    <input type="hidden" name="csrf" value="${p.csrf}">
    <label><span class="sr">处置情况</span><input name="note" required maxlength="500" placeholder="如：已安排居家观察" autocomplete="off"></label>
    <button type="submit">处置</button>
  </form>`
      : ''
  }
</li>`;
}

function handledItem(a: DayAlert, timezone: string): Safe {
  return html`<li class="alert handled" data-alert="${a.id}">
  <div class="head"><span class="badge ok">已处置</span> <b>#${a.id} ${alertWho(a) || '启动应急'}</b> <span class="muted">${a.window ? `${a.window} · ` : ''}${a.reasons}</span></div>
  <div class="muted">${a.handledBy ?? ''} ${a.handledAt ? when(a.handledAt, timezone) : ''}：${a.note ?? ''}</div>
</li>`;
}

function rosterItem(w: RosterView): Safe {
  return html`<li data-roster="${w.window}" class="${w.status}">
  <div class="head"><b>${w.window}</b> <span class="badge ${w.status}">${ROSTER_STATUS[w.status]}</span>${w.people.length ? html` <span class="muted">${w.people.length} 人</span>` : ''}</div>
  ${w.people.length ? html`<div class="people">${w.people.map((p) => (p.flags.length ? html`<span class="person flagged" title="${p.flags.join('；')}">${p.name}<small>${p.flags.join('；')}</small></span>` : html`<span class="person">${p.name}</span>`))}</div>` : ''}
</li>`;
}

function observedCard(data: DashboardData): Safe {
  const { days, anomalies } = data.observed;
  return html`<section class="card" aria-labelledby="h-observed" data-testid="observed">
  <h2 id="h-observed">观察期内异常（近 ${days} 天） <span class="count">${anomalies.length}</span></h2>
  ${
    anomalies.length
      ? html`<ul class="anomalies">${anomalies.map(
          (a) =>
            html`<li class="anomaly"><span class="badge ${a.alertOpen ? a.severity : 'ok'}">${a.alertOpen ? SEVERITY_LABEL[a.severity] : '已处置'}</span> <b>${a.name}</b> <span class="muted">${a.window}</span><div>${a.text}</div></li>`,
        )}</ul>`
      : html`<p class="empty">近 ${days} 天没有异常</p>`
  }
</section>`;
}

function trendTable(data: DashboardData): Safe {
  return html`<table class="trend" data-testid="trend"><thead><tr><th>日期</th><th>晨检已报/应报（人）</th><th>异常（次）</th></tr></thead>
  <tbody>${data.trend.map((d) => html`<tr data-date="${d.date}"><td>${d.date.slice(5)}</td><td>${d.morning}/${d.expected ?? '—'}</td><td>${d.alerts}</td></tr>`)}</tbody></table>`;
}

function outboxCard(o: NonNullable<DashboardData['outbox']>, timezone: string): Safe {
  const state = o.failed ? 'alarm' : o.pending > 50 ? 'warn' : 'ok';
  return html`<section class="card outbox ${state}" aria-labelledby="h-outbox" data-testid="outbox">
  <h2 id="h-outbox">消息发送</h2>
  <p><span>待发送 <b>${o.pending}</b></span> <span>发送中 <b>${o.sending}</b></span> <span>发送失败 <b>${o.failed}</b></span></p>
  <p class="muted">${o.oldestPendingAt ? `最早待发送：${when(o.oldestPendingAt, timezone)}` : '没有积压'}${o.failed ? '；失败消息请管理员用 npm run cli -- outbox 查看' : ''}</p>
</section>`;
}

/** A short page for a refused or failed request: what happened and what to do. */
export function noticePage(title: string, text: string): string {
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
<body class="notice"><main><h1>${title}</h1><p>${text}</p></main></body></html>`}`;
}

/** How the page names a viewer. */
export function viewerName(viewer: Viewer): string {
  return viewer.kind === 'person' ? viewer.person.name : '运维人员';
}

/**
 * Asked when a link (or the operator token) for someone else is opened in a
 * browser already signed in: switching takes a click on this page, a POST
 * with this session's CSRF token, which a foreign page cannot forge.
 */
export function switchPage(p: { current: string; offered: string; session: string; csrf: string }): string {
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>切换看板身份？</title><link rel="stylesheet" href="/dashboard/assets/dashboard.css"></head>
<body class="notice"><main><h1>切换看板身份？</h1>
<p>此浏览器已以「${p.current}」的身份打开看板，而这个链接属于「${p.offered}」。如果链接不是你本人刚刚获取的，请不要切换。</p>
<form method="post" action="/dashboard/switch"><input type="hidden" name="csrf" value="${p.csrf}"><input type="hidden" name="session" value="${p.session}">
<button type="submit" data-testid="switch">切换为「${p.offered}」</button> <a href="/dashboard" class="button" data-testid="stay">继续以「${p.current}」查看</a></form>
</main></body></html>`}`;
}
