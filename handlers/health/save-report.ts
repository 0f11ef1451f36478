import type { CommandContext } from '../../bot/command';
import type { Person } from '../../bot/directory/directory';
import { describeReport, messages, type ReportFacts } from '../../bot/messages';
import { localClock } from '../../bot/time';
import type { Severity, Slot } from '../../entities';
import { answerSweep, followCorrection, pendingSweep } from '../../bot/sweep/answer';
import { READINGS_PER_SLOT } from '../../bot/flood/limits';
import { openAlert } from '../alerts/open-alert';
import { evaluate } from './evaluate';
import { slotAt, type ParsedReport } from './grammar';
import { repeats, slotReadings, type StoredReading } from './slot-readings';

/**
 * Stores a reading for `subject` (the sender, or the person a lead reports
 * for) and returns the reply, all in the message's transaction (SPEC §3.1):
 * - every reading is kept: a second one of the day and slot is a re-test (复测),
 *   stored beside the first, and never hides an anomaly;
 * - only `更正` replaces a reading — the latest of the slot, as a typing
 *   mistake: it stays in history, and when it had raised an alert the
 *   leadership group is told that alert's number (the alert stays open);
 * - a message that only repeats the latest reading stores nothing (unless it
 *   answers a 全员测温: see {@link pendingSweep} for which readings do);
 * - an anomalous reading opens an alert.
 */
export async function saveReport(ctx: CommandContext, subject: Person, parsed: ParsedReport, known: { nothingWaits?: boolean } = {}): Promise<string> {
  const { sql, now, local, message, sender, services } = ctx;
  const timezone = services.config.timezone;
  const dailySlot = slotAt(local.hour, local.minute);
  // While a 全员测温 waits for the subject, a reading naming no slot (or 加测) answers it; a 更正 corrects by time as always.
  // (A drill's 全员测温 is answered before this, in reportCommand, as a drill reading.)
  const mayAnswer = (parsed.slot === 'extra' || (parsed.slot === undefined && !parsed.correction)) && !known.nothingWaits;
  const sweep = mayAnswer ? await pendingSweep(sql, subject.id, 'live') : undefined;
  const slot: Slot = parsed.slot ?? (sweep ? 'extra' : dailySlot);
  const facts: ReportFacts = { date: local.date, slot, temperature: parsed.temperature, healthCode: parsed.healthCode ?? null, symptoms: parsed.symptoms };
  const { severity, findings } = evaluate(facts, services.config.thresholds);

  const earlier = await slotReadings(sql, subject.id, facts.date, slot, timezone);
  // Past the cap a normal reading is not stored (the message log keeps it): the slot's readings stay few, and so does
  // reading them. An anomaly is never held back.
  if (severity === 'normal' && earlier.length >= READINGS_PER_SLOT) return messages.floodReadings(READINGS_PER_SLOT);
  const latest = earlier.at(-1);
  if (latest && !sweep && repeats(latest, facts)) return messages.alreadyRecorded(slot, facts.temperature, latest.time, sender.id === subject.id ? undefined : subject.name);
  const replaced = parsed.correction ? latest : undefined;
  if (replaced) await sql.run('UPDATE report SET superseded_at = ? WHERE id = ?', [now.toISOString(), replaced.id]);

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
  if (replaced) await sql.run('UPDATE report SET superseded_by_id = ? WHERE id = ?', [reportId, replaced.id]);
  if (replaced && slot === 'extra') await followCorrection(sql, replaced.id, reportId);

  const reporter = sender.id === subject.id ? undefined : sender;
  const kept = replaced ? earlier.slice(0, -1) : earlier;
  const alertId = severity === 'normal' ? undefined : await openAlert(ctx, { subject, reportId, report: facts, severity, findings, reporter, earlier: kept });
  if (replaced) await tellLeadersOfCorrection(ctx, subject, replaced, facts, severity);
  if (reporter) await services.notifier.toPerson(sql, subject, messages.behalfNotice(reporter.name, facts, severity, findings), 'notice');

  const answered = sweep ? await answerSweep(sql, services, { sweep, staffId: subject.id, reportId, now, today: facts.date, dailySlot }) : undefined;

  const time = localClock(now, timezone);
  const retest = !replaced && earlier.length ? [...earlier, { time, temperature: facts.temperature, status: severity, alertId: alertId ?? null, alertOpen: true }] : undefined;
  const reply = messages.reportSaved(facts, severity, findings, {
    alertId,
    replaced,
    retest,
    behalfOf: reporter ? subject.name : undefined,
    correctionWithoutPrevious: parsed.correction && !latest,
  });
  return answered ? `${reply}\n${answered}` : reply;
}

/** A replaced reading that had raised an alert: the group hears of the correction, with that alert's number. */
async function tellLeadersOfCorrection(ctx: CommandContext, subject: Person, replaced: StoredReading, current: ReportFacts, severity: Severity): Promise<void> {
  if (replaced.alertId === null) return;
  const body = messages.alertCorrected({
    name: subject.name,
    date: current.date,
    slot: current.slot,
    replaced: { ...replaced, alertId: replaced.alertId },
    current: describeReport(current),
    severity,
  });
  await ctx.services.notifier.toLeaders(ctx.sql, body, 'notice');
}
