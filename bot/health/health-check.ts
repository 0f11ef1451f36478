import { eachRow, type Sql } from '../db/database';
import { byPerson, describeAnomaly, observedAnomalies } from './observation';
import { contactMessages } from '../incidents/contact-messages';
import { observedContacts } from '../incidents/observation';
import type { HealthCheckScope, ObservedPeriod } from './period';
import { localWhen } from '../time';

export { checkScope, type HealthCheckScope, type ObservedPeriod } from './period';

/** The observation period on `scope.today`, of the hall or of one window. */
export async function observedPeriod(sql: Sql, scope: HealthCheckScope, onlyWindow?: string): Promise<ObservedPeriod> {
  return { anomalies: await observedAnomalies(sql, scope.today, scope.observationDays, onlyWindow), contacts: await observedContacts(sql, scope, onlyWindow), scope };
}

/** Anomalies of one person named in a flag (the latest); the rest are counted. */
const MAX_NAMED = 3;

/** Up to this many people are looked up by id; more (a job over the whole hall) read the day's rows once instead. */
const LISTED = 500;

/**
 * The health cross-check of rostered people (SPEC §3.3, §5): every anomalous
 * reading of the observation period — re-tests never hide one — with when it
 * was and whether its alert is handled; an alert still open from before the
 * period (or of a corrected reading); a close contact (密接) under observation,
 * with their latest reading (SPEC §11); no report today. Five queries whatever
 * the number of people (three when the caller gives the hall's observation
 * period); each flagged person gets short Chinese descriptions.
 * For a few people (one roster) the queries are restricted to them by id, so
 * one message never reads a whole city's day.
 */
export async function healthFlags(sql: Sql, staffIds: number[], scope: HealthCheckScope, hallPeriod?: ObservedPeriod): Promise<Map<number, string[]>> {
  const wanted = new Set(staffIds);
  const flags = new Map<number, string[]>();
  if (wanted.size === 0) return flags;
  const listed = wanted.size <= LISTED ? [...wanted] : [];
  const only = listed.length ? ` AND staff_id IN (${listed.map(() => '?').join(', ')})` : '';
  const flag = (id: number, text: string) => {
    if (wanted.has(id)) flags.set(id, [...(flags.get(id) ?? []), text]);
  };
  // A caller that also shows the hall's observation period passes it, so it is read once.
  const period = hallPeriod ?? (await observedPeriod(sql, scope));
  const anomalies = byPerson(period.anomalies);
  const shownAlerts = new Set<number>();
  for (const [id, list] of anomalies) {
    if (!wanted.has(id)) continue;
    const named = list.slice(-MAX_NAMED).map((a) => describeAnomaly(a, scope.today, scope.timezone));
    flag(id, `近 ${scope.observationDays} 天异常 ${list.length} 次：${named.join('；')}${list.length > MAX_NAMED ? '…' : ''}`);
    for (const a of list) if (a.alertId !== null) shownAlerts.add(a.alertId);
  }
  const open = await sql.all<{ staffId: unknown; id: unknown; openedAt: string }>(`SELECT staff_id AS "staffId", id, opened_at AS "openedAt" FROM alert WHERE status = 'open'${only} ORDER BY id`, listed);
  for (const a of open) {
    if (!shownAlerts.has(Number(a.id))) flag(Number(a.staffId), `有未处置的告警 #${Number(a.id)}（${localWhen(new Date(a.openedAt), scope.today, scope.timezone)}）`);
  }
  for (const c of period.contacts) flag(c.staffId, contactMessages.observedFlag(c, scope));
  const reported = new Set<number>();
  await eachRow<{ staffId: unknown }>(sql, `SELECT DISTINCT staff_id AS "staffId" FROM report WHERE date = ? AND superseded_at IS NULL${only}`, [scope.today, ...listed], (r) =>
    reported.add(Number(r.staffId)),
  );
  for (const id of wanted) if (!reported.has(id)) flag(id, '今日未上报体温');
  return flags;
}
