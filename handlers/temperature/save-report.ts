import type { CommandContext } from '../../bot/command';
import type { Sql } from '../../bot/db/database';
import type { Person } from '../../bot/directory';
import { messages, type ReportFacts } from '../../bot/messages';
import type { HealthCode, Severity, Slot } from '../../entities';
import { openAlert } from '../alerts/open-alert';
import { evaluate } from './evaluate';
import { slotAt, type ParsedReport } from './grammar';

interface PreviousReport {
  id: number;
  temperature: number;
  healthCode: HealthCode | null;
  symptoms: string | null;
}

/**
 * Stores a report for `subject` (the sender, or the person a lead reports for),
 * superseding the current one of the same day and slot, opens an alert when the
 * anomaly rules say so, and returns the reply. All in the message's transaction.
 */
export async function saveReport(ctx: CommandContext, subject: Person, parsed: ParsedReport): Promise<string> {
  const { sql, now, local, message, sender, services } = ctx;
  const slot: Slot = parsed.slot ?? slotAt(local.hour, local.minute);
  const facts: ReportFacts = { date: local.date, slot, temperature: parsed.temperature, healthCode: parsed.healthCode ?? null, symptoms: parsed.symptoms };
  const { severity, findings } = evaluate(facts, services.config.thresholds);

  const previous = await supersedeCurrent(sql, subject.id, facts.date, slot, now);
  const [row] = await sql.all<{ id: number }>(
    `INSERT INTO report (staff_id, date, slot, temperature, health_code, symptoms, status, reported_by_id, platform, message_id, received_at, platform_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      subject.id,
      facts.date,
      slot,
      facts.temperature,
      facts.healthCode,
      facts.symptoms === null ? null : facts.symptoms.join('、'),
      severity,
      sender.id,
      message.platform,
      message.messageId,
      now.toISOString(),
      message.platformTime?.toISOString() ?? null,
    ],
  );
  const reportId = Number(row.id);
  if (previous) await sql.run('UPDATE report SET superseded_by_id = ? WHERE id = ?', [reportId, previous.id]);

  const reporter = sender.id === subject.id ? undefined : sender;
  const alertId = severity === 'normal' ? undefined : await openAlert(ctx, { subject, reportId, report: facts, severity, findings, reporter });
  const previousFacts = previous ? toFacts(previous, facts) : undefined;
  if (previous && previousFacts) await tellLeadersOfCorrection(ctx, subject, previous.id, previousFacts, facts, severity);
  if (reporter) await services.notifier.toPerson(sql, subject, messages.behalfNotice(reporter.name, facts, severity, findings), 'notice');

  return messages.reportSaved(facts, severity, findings, {
    alertId,
    previous: previousFacts,
    behalfOf: reporter ? subject.name : undefined,
    correctionWithoutPrevious: parsed.correction && !previous,
  });
}

/** Marks the current report of that day and slot as superseded; returns it, if there was one. */
async function supersedeCurrent(sql: Sql, staffId: number, date: string, slot: Slot, now: Date): Promise<PreviousReport | undefined> {
  const [row] = await sql.all<PreviousReport>(
    `UPDATE report SET superseded_at = ? WHERE staff_id = ? AND date = ? AND slot = ? AND superseded_at IS NULL
     RETURNING id, temperature, health_code AS "healthCode", symptoms`,
    [now.toISOString(), staffId, date, slot],
  );
  return row ? { ...row, id: Number(row.id), temperature: Number(row.temperature) } : undefined;
}

function toFacts(previous: PreviousReport, current: ReportFacts): ReportFacts {
  return {
    date: current.date,
    slot: current.slot,
    temperature: previous.temperature,
    healthCode: previous.healthCode,
    symptoms: previous.symptoms === null ? null : previous.symptoms.split('、').filter(Boolean),
  };
}

/** A corrected report whose earlier value raised alerts still open: the group hears of the correction. */
async function tellLeadersOfCorrection(ctx: CommandContext, subject: Person, previousId: number, previous: ReportFacts, current: ReportFacts, severity: Severity) {
  const open = await ctx.sql.all<{ id: number }>(
    `SELECT a.id FROM alert a JOIN report r ON r.id = a.report_id
      WHERE a.staff_id = ? AND r.date = ? AND r.slot = ? AND a.status = 'open' AND a.report_id <= ? ORDER BY a.id`,
    [subject.id, current.date, current.slot, previousId],
  );
  if (open.length === 0) return;
  await ctx.services.notifier.toLeaders(
    ctx.sql,
    messages.alertCorrected({ ids: open.map((a) => Number(a.id)), name: subject.name, previous, current, severity }),
    'notice',
  );
}
