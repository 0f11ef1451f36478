import { describeCheck, visitorLabel } from '../../door/messages';
import { doorDay, doorFigures } from '../../door/store';
import { localClock } from '../../time';
import { briefMessages } from '../messages';
import type { BriefSection, ChartProvider } from '../section';

/** Anomalies at the door named one by one, at most. */
const MAX_NAMED = 10;

/** Today's visitors at the door and their anomalies (SPEC §12); phones masked. */
export const doorSection: BriefSection = {
  title: '门岗（访客）',
  async lines({ sql, services, local }) {
    const day = await doorDay(sql, local.date, services.config.timezone);
    const lines = [briefMessages.doorCount(day.total, day.anomalies.length, day.withoutCode)];
    for (const v of day.anomalies.slice(0, MAX_NAMED)) {
      lines.push(`${visitorLabel(v)} ${localClock(new Date(v.registeredAt), services.config.timezone)} ${describeCheck(v)}${v.alertId === null ? '' : ` — 告警 #${v.alertId}`}`);
    }
    if (day.anomalies.length > MAX_NAMED) lines.push(briefMessages.more(day.anomalies.length - MAX_NAMED));
    return lines;
  },
};

/** The chart's door checks per day. */
export const doorTrend: ChartProvider = {
  async series({ sql }, dates) {
    const { perDay } = await doorFigures(sql, dates[dates.length - 1], dates.length);
    return [{ name: '门岗检查（人次）', kind: 'bar', values: perDay.map((d) => d.checks) }];
  },
};
