import { alertWho, openAlerts } from '../../bot/alerts/figures';
import { LEADS, type Command } from '../../bot/command';
import { attendance, dayTotals, missing, SLOTS } from '../../bot/health/attendance';
import { rosterProgress } from '../../bot/health/figures';
import { checkScope, observedPeriod } from '../../bot/health/health-check';
import { casesOfDay } from '../../bot/incidents/day';
import { incidentMessages } from '../../bot/incidents/messages';
import { SEVERITY_LABEL, SLOT_LABEL } from '../../bot/labels';
import { messages, someNames } from '../../bot/messages';
import { chatScope, peopleOfHall, scopeLabel } from '../../bot/scope/scope';
import { localClock } from '../../bot/time';
import { sweepMessages } from '../../bot/sweep/messages';
import { sweepOfDay } from '../../bot/sweep/result';
import { slotAt } from './grammar';

/**
 * `今日统计` / `统计` (SPEC §3.4): reported / expected per window and slot so
 * far today, who has not reported the current slot, today's 全员测温, open
 * alerts (staff and visitors alike), the open incidents (the hall's view),
 * the anomalies and close contacts (密接) of the observation period, and the
 * roster status of the next workday — a lead sees their window, a leader the
 * hall. Every figure comes from the functions the jobs, the daily brief and
 * the dashboard use (bot/health/attendance.ts, bot/alerts/figures.ts,
 * bot/incidents/day.ts).
 */
export const statsCommand: Command = {
  name: '今日统计',
  keywords: ['今日统计', '今天统计', '今日汇总', '今天汇总', '统计', '汇总', 'stats'],
  roles: LEADS,
  help: '今日统计：发送「今日统计」查看各窗口各时段已报/应报、未报名单、未处置告警、应急处置、观察期异常和排班提交情况（窗口负责人看本窗口）',
  async run({ sql, sender, services, local, now }) {
    const scope = chatScope(sender);
    const onlyWindow = scope.window;
    const people = peopleOfHall(scope, await services.directory.active());
    const days = await attendance(sql, people, local.date, onlyWindow);
    const current = slotAt(local.hour, local.minute);
    const slots = SLOTS.slice(0, SLOTS.indexOf(current) + 1);
    const lines = [`【今日统计】${local.date} ${localClock(now, services.config.timezone)}（${scopeLabel(scope)}）`];
    const totals = dayTotals(days);
    lines.push(`合计：${slots.map((s) => `${SLOT_LABEL[s]} ${totals.reported[s]}/${totals.expected}`).join('，')}`);
    const sweep = await sweepOfDay(sql, local.date, onlyWindow);
    if (sweep) lines.push(sweepMessages.statsLine(sweep));
    for (const day of days.slice(0, 40)) {
      const absent = missing(day, current).map((p) => p.name);
      lines.push(
        `${day.window}：${slots.map((s) => `${SLOT_LABEL[s]} ${day.reported[s].size}/${day.expected.length}`).join('，')}${absent.length ? `；${SLOT_LABEL[current]}未报：${someNames(absent, 10)}` : ''}`,
      );
    }
    if (days.length > 40) lines.push(`…共 ${days.length} 个窗口`);
    const alerts = await openAlerts(sql, onlyWindow);
    lines.push(alerts.length ? `未处置告警 ${alerts.length} 条：${alerts.slice(0, 10).map((a) => `#${a.id} ${[alertWho(a), a.reasons].filter(Boolean).join(' ')}（${SEVERITY_LABEL[a.severity]}）`).join('；')}` : '未处置告警：无');
    if (onlyWindow === undefined) {
      const cases = await casesOfDay(sql, now, local.date, services.config.timezone);
      lines.push(cases.open.length ? `应急处置进行中 ${cases.open.length} 起：` : `应急处置：${incidentMessages.noOpenCases()}`, ...cases.open.slice(0, 10).map((c) => incidentMessages.caseLine(c)));
      if (cases.closedToday.length) lines.push(incidentMessages.closedToday(cases.closedToday.map((c) => c.id)));
    }
    lines.push(...messages.observedPeriodLines(await observedPeriod(sql, checkScope(services.config, local.date), onlyWindow)));

    const next = await services.calendar.nextWorkday(local.date, sql);
    const roster = await rosterProgress(sql, people, next, onlyWindow);
    const pending = roster.missing;
    lines.push(`下一工作日（${next}）排班：已提交 ${roster.rosters.length}/${roster.windows.length} 个窗口${pending.length ? `，未提交：${someNames(pending, 10)}` : ''}`);
    return lines.join('\n');
  },
};
