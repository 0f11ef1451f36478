import { casesOfDay } from '../../incidents/day';
import { incidentMessages } from '../../incidents/messages';
import type { BriefSection } from '../section';

/**
 * Open incidents with their progress and overdue steps — an escalated step is
 * carried here after its one push (SPEC §11) — and those closed today; drills
 * are no part of the day. The same incidents 今日统计 and the dashboard list.
 */
export const incidentsSection: BriefSection = {
  title: '应急处置',
  async lines({ sql, services, now, local }) {
    const { open, closedToday } = await casesOfDay(sql, now, local.date, services.config.timezone);
    const lines = open.length ? open.map((c) => incidentMessages.caseLine(c)) : [incidentMessages.noOpenCases()];
    if (closedToday.length) lines.push(incidentMessages.closedToday(closedToday.map((c) => c.id)));
    return lines;
  },
};
