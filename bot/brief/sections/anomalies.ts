import { SEVERITY_LABEL } from '../../labels';
import { localClock } from '../../time';
import { briefMessages } from '../messages';
import type { BriefSection } from '../section';

/** At most this many anomalies are named; the rest are counted (SPEC §2: a screenful). */
const MAX_NAMED = 15;

interface AlertLine {
  id: unknown;
  severity: 'warning' | 'critical';
  name: string;
  window: string;
  reasons: string;
  status: string;
  reportedAt: string;
  handledBy: string | null;
  note: string | null;
}

/** Today's anomalies and what became of them (handled, by whom, or still open), and older alerts still open. */
export const anomaliesSection: BriefSection = {
  title: '异常及处置',
  async lines({ sql, services, local }) {
    const today = await sql.all<AlertLine>(
      `SELECT a.id, a.severity, s.name, s.window_name AS "window", a.reasons, a.status, r.received_at AS "reportedAt", k.name AS "handledBy", a.ack_note AS note
         FROM alert a JOIN report r ON r.id = a.report_id JOIN staff s ON s.id = a.staff_id LEFT JOIN staff k ON k.id = a.acknowledged_by_id
        WHERE r.date = ? ORDER BY a.id`,
      [local.date],
    );
    const [older] = await sql.all<{ n: unknown }>(
      `SELECT count(*) AS n FROM alert a JOIN report r ON r.id = a.report_id WHERE a.status = 'open' AND r.date < ?`,
      [local.date],
    );
    const open = today.filter((a) => a.status === 'open').length;
    const lines = [briefMessages.anomalyCount(today.length, today.length - open, open)];
    for (const a of today.slice(0, MAX_NAMED)) {
      const state = a.status === 'open' ? `待处置（回复：处置 ${Number(a.id)} 处置情况）` : `已处置${a.handledBy ? `（${a.handledBy}${a.note ? `：${a.note}` : ''}）` : ''}`;
      lines.push(`#${Number(a.id)} ${a.name}（${a.window || '未分配窗口'}）${localClock(new Date(a.reportedAt), services.config.timezone)} ${a.reasons}，${SEVERITY_LABEL[a.severity]} — ${state}`);
    }
    if (today.length > MAX_NAMED) lines.push(briefMessages.more(today.length - MAX_NAMED));
    if (Number(older.n) > 0) lines.push(briefMessages.olderOpen(Number(older.n)));
    return lines;
  },
};
