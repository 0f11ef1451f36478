import { incidentSteps, openIncidents } from '../../incidents/store';
import { STEPS } from '../../incidents/steps';
import { zonedInstant } from '../../time';
import { briefMessages } from '../messages';
import type { BriefSection } from '../section';

/** Open incidents with their progress and overdue steps, and those closed today (SPEC §11); drills are no part of the day. */
export const incidentsSection: BriefSection = {
  title: '应急处置',
  async lines({ sql, services, now, local }) {
    const lines: string[] = [];
    for (const incident of (await openIncidents(sql)).filter((i) => i.kind !== 'drill')) {
      const steps = await incidentSteps(sql, incident, now, services.config.timezone);
      const overdue = steps.filter((s) => s.overdue !== undefined).map((s) => `${s.step}（${s.overdue} 分钟，${s.owner}）`);
      lines.push(briefMessages.incidentLine({ id: incident.id, subject: incident.subject, situation: incident.situation, done: steps.filter((s) => s.done).length, total: STEPS.length, overdue }));
    }
    if (lines.length === 0) lines.push(briefMessages.noIncidents());
    const midnight = zonedInstant(local.date, 0, 0, services.config.timezone).toISOString();
    const closed = await sql.all<{ id: unknown }>("SELECT id FROM incident WHERE status = 'closed' AND subject_kind <> 'drill' AND closed_at >= ? ORDER BY id", [midnight]);
    if (closed.length) lines.push(briefMessages.closedToday(closed.map((r) => Number(r.id))));
    return lines;
  },
};
