import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { UserError } from '../errors';
import { incidentSteps } from '../incidents/store';
import { STEPS } from '../incidents/steps';
import { drillMessages, type StepScore } from './messages';
import { openDrill } from './start';

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * `演练 结束` (SPEC §11): closes the open drill and scores it — each step's
 * time against its due time — for the leadership group and the leader.
 */
export async function endDrill(sql: Sql, services: Services, a: { by: Person; now: Date }): Promise<string> {
  const drill = await openDrill(sql);
  if (!drill) throw new UserError(drillMessages.noOpenDrill());
  const steps = await incidentSteps(sql, drill, a.now, services.config.timezone);
  const scores: StepScore[] = steps.map((v) => {
    const step = STEPS.find((s) => s.name === v.step)!;
    return { label: `${step.no}. ${step.title}`, dueMinutes: minutesBetween(drill.openedAt, v.dueAt), tookMinutes: v.done?.minutes };
  });
  const [counts] = await sql.all<{ contacts: unknown; answered: unknown }>(
    `SELECT (SELECT count(*) FROM incident_contact WHERE incident_id = ? AND status = 'confirmed') AS contacts,
            (SELECT count(DISTINCT staff_id) FROM drill_reading WHERE incident_id = ?) AS answered`,
    [drill.id, drill.id],
  );
  const text = drillMessages.score({
    id: drill.id,
    subject: drill.subject,
    by: a.by.name,
    minutes: minutesBetween(drill.openedAt, a.now.toISOString()),
    steps: scores,
    contacts: Number(counts.contacts),
    answered: Number(counts.answered),
  });
  await sql.run("UPDATE incident SET status = 'closed', closed_at = ?, closed_by_id = ?, summary = ? WHERE id = ? AND status = 'open'", [a.now.toISOString(), a.by.id, text, drill.id]);
  await services.notifier.toLeaders(sql, text, 'notice');
  return text;
}
