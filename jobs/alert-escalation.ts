import { messages } from '../bot/messages';
import { localWhen } from '../bot/time';
import type { Job } from './job';
import { ALERT_SUBJECT_JOIN, ALERT_SUBJECT_NAME, ALERT_SUBJECT_WINDOW, REAL_ALERT } from '../bot/alerts/subject';

/** Re-pushes after the first push: at most this many (SPEC §3.4). */
export const MAX_REPUSHES = 3;

/**
 * Every 5 minutes: an unacknowledged critical alert is pushed to the
 * leadership group again every ALERT_REPUSH_MINUTES (default 30), at most 3
 * times; the third re-push marks it escalated.
 */
export const alertEscalation: Job = {
  name: 'alert-escalation',
  cron: (config) => config.cron.alertEscalation,
  grace: 'latest',
  async run({ sql, services, now, local }) {
    const due = new Date(now.getTime() - services.config.alertRepushMinutes * 60_000).toISOString();
    const alerts = await sql.all<{ id: unknown; kind: string; name: string; window: string; reasons: string; instruction: string; openedAt: string; pushCount: unknown }>(
      `SELECT a.id, a.subject_kind AS kind, ${ALERT_SUBJECT_NAME} AS name, ${ALERT_SUBJECT_WINDOW} AS "window", a.reasons, a.instruction, a.opened_at AS "openedAt", a.push_count AS "pushCount"
         FROM alert a ${ALERT_SUBJECT_JOIN}
        WHERE a.status = 'open' AND ${REAL_ALERT} AND a.severity = 'critical' AND a.escalated_at IS NULL AND a.push_count <= ? AND a.last_pushed_at <= ?
        ORDER BY a.id`,
      [MAX_REPUSHES, due],
    );
    let pushed = 0;
    for (const a of alerts) {
      const repush = Number(a.pushCount);
      const last = repush >= MAX_REPUSHES;
      // Compare-and-set: a firing that overlaps this one (a slow database) cannot push the same round twice.
      const { changes } = await sql.run(
        `UPDATE alert SET push_count = push_count + 1, last_pushed_at = ?, escalated_at = ? WHERE id = ? AND push_count = ? AND status = 'open'`,
        [now.toISOString(), last ? now.toISOString() : null, Number(a.id), repush],
      );
      if (changes === 0) continue;
      const text = messages.escalation({ ...a, id: Number(a.id), openedAt: localWhen(new Date(a.openedAt), local.date, services.config.timezone), repush, last });
      await services.notifier.toLeaders(sql, text, 'alert');
      pushed += 1;
    }
    return pushed ? `再次推送 ${pushed} 条未处置的严重告警` : '没有需要再次推送的告警';
  },
};
