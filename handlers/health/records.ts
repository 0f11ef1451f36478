import { EVERYONE, type Command } from '../../bot/command';
import { messages } from '../../bot/messages';
import { addDays } from '../../bot/time';
import type { HealthCode, Severity, Slot } from '../../entities';

const SLOT_ORDER: Slot[] = ['morning', 'midday', 'leave', 'extra'];

interface Row {
  id: unknown;
  date: string;
  slot: Slot;
  temperature: number;
  healthCode: HealthCode | null;
  symptoms: string | null;
  status: Severity;
  receivedAt: string;
  reporter: string | null;
  replaced: unknown;
}

/**
 * `我的记录`: every current reading of the sender's last 7 days, newest day
 * first, by slot and time — re-tests beside the first reading, a corrected
 * reading with the value it replaced. One query.
 */
export const recordsCommand: Command = {
  name: '我的记录',
  keywords: ['我的记录', '我的体温记录', '我的上报记录', '我的历史记录', '体温记录', '上报记录', '历史记录', '记录', 'records', 'history'],
  roles: EVERYONE,
  help: '我的记录：发送「我的记录」查看自己近 7 天的体温记录',
  async run({ sql, sender, local }) {
    const since = addDays(local.date, -6);
    const rows = await sql.all<Row>(
      `SELECT r.id, r.date, r.slot, r.temperature, r.health_code AS "healthCode", r.symptoms, r.status, r.received_at AS "receivedAt",
              CASE WHEN r.reported_by_id = r.staff_id THEN NULL ELSE b.name END AS reporter,
              (SELECT p.temperature FROM report p WHERE p.superseded_by_id = r.id ORDER BY p.id DESC LIMIT 1) AS replaced
         FROM report r LEFT JOIN staff b ON b.id = r.reported_by_id
        WHERE r.staff_id = ? AND r.date >= ? AND r.date <= ? AND r.superseded_at IS NULL`,
      [sender.id, since, local.date],
    );
    const days = Array.from({ length: 7 }, (_, i) => addDays(local.date, -i)).map((date) => ({
      date,
      reports: rows
        .filter((r) => r.date === date)
        .sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot) || a.receivedAt.localeCompare(b.receivedAt) || Number(a.id) - Number(b.id))
        .map((r, i, sorted) => ({
          ...r,
          temperature: Number(r.temperature),
          symptoms: r.symptoms === null ? null : r.symptoms.split('、').filter(Boolean),
          reporter: r.reporter ?? undefined,
          retest: i > 0 && sorted[i - 1].slot === r.slot,
          replaced: r.replaced === null || r.replaced === undefined ? null : Number(r.replaced),
        })),
    }));
    return messages.myRecords(days);
  },
};
