import { alertsOfDay, alertWho, openAlerts } from '../../alerts/figures';
import { SEVERITY_LABEL } from '../../labels';
import { localClock } from '../../time';
import { briefMessages } from '../messages';
import type { BriefSection } from '../section';

/** At most this many anomalies are named; the rest are counted (SPEC §2: a screenful). */
const MAX_NAMED = 15;

/**
 * Today's anomalies — staff readings, visitors at the door, cases opened by
 * hand — and what became of each (handled, by whom, or still open), then
 * every alert still open: the same alerts, by the same functions, as
 * 今日统计 and the dashboard count (bot/alerts/figures.ts).
 */
export const anomaliesSection: BriefSection = {
  title: '异常及处置',
  async lines({ sql, services, local }) {
    const tz = services.config.timezone;
    const today = await alertsOfDay(sql, local.date, tz);
    const open = await openAlerts(sql);
    const openToday = today.filter((a) => a.open).length;
    const lines = [briefMessages.anomalyCount({ total: today.length, visitors: today.filter((a) => a.kind === 'visitor').length, open: openToday })];
    for (const a of today.slice(0, MAX_NAMED)) {
      const state = a.open ? `待处置（回复：处置 ${a.id} 处置情况）` : `已处置${a.handledBy ? `（${a.handledBy}${a.note ? `：${a.note}` : ''}）` : ''}`;
      lines.push(`#${a.id} ${alertWho(a, true) || '启动应急 '}${localClock(new Date(a.openedAt), tz)} ${a.reasons}，${SEVERITY_LABEL[a.severity]} — ${state}`);
    }
    if (today.length > MAX_NAMED) lines.push(briefMessages.more(today.length - MAX_NAMED));
    if (open.length) lines.push(briefMessages.openAlerts(open.length, open.length - openToday));
    return lines;
  },
};
