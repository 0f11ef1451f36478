import { incidentActions } from '../../bot/incidents/actions';
import type { CommandContext } from '../../bot/command';
import { combinedInstruction } from '../../bot/alerts/instruction';
import type { Person } from '../../bot/directory/directory';
import { messages, type FindingFacts, type ReportFacts } from '../../bot/messages';
import { checkScope } from '../../bot/health/health-check';
import { openIncident } from '../../bot/incidents/open';
import { observedContacts } from '../../bot/incidents/observation';
import type { SlotReading } from '../../bot/health/messages';
import { localClock } from '../../bot/time';
import type { Severity } from '../../entities';
import { onRoster } from './roster-check';
import { proposedVisitors, staffCaseVisitors } from '../../bot/door/contacts';

export interface NewAlert {
  subject: Person;
  reportId: number;
  report: ReportFacts;
  severity: Exclude<Severity, 'normal'>;
  findings: FindingFacts[];
  /** Set when a lead or leader reported on the subject's behalf. */
  reporter?: Person;
  /** The slot's earlier readings today, when this reading is a re-test. */
  earlier?: SlotReading[];
}

/**
 * Opens a numbered alert for an anomalous report and pushes it to the
 * leadership group; when the person is on today's roster, the leads of their
 * window are told to arrange a replacement (SPEC §3.1); a critical one opens
 * an incident of the same number, and a close contact under observation is
 * named as one (SPEC §11). Same transaction.
 */
export async function openAlert(ctx: CommandContext, a: NewAlert): Promise<number> {
  const { sql, now, services } = ctx;
  const at = now.toISOString();
  const [row] = await sql.all<{ id: number }>(
    `INSERT INTO alert (report_id, staff_id, severity, reasons, instruction, status, opened_at, push_count, last_pushed_at)
     VALUES (?, ?, ?, ?, ?, 'open', ?, 1, ?) RETURNING id`,
    [a.reportId, a.subject.id, a.severity, a.findings.map((f) => f.what).join('、'), combinedInstruction(a.findings.map((f) => f.instruction)), at, at],
  );
  const id = Number(row.id);
  const rostered = await onRoster(sql, a.subject.id, a.subject.window, a.report.date);
  const contactOf = (await observedContacts(sql, checkScope(services.config, a.report.date), a.subject.window)).filter((c) => c.staffId === a.subject.id);
  const leads = rostered ? (await services.directory.active()).filter((p) => p.role === 'lead' && p.window === a.subject.window && p.window !== '') : [];
  for (const lead of leads) {
    await services.notifier.toPerson(sql, lead, messages.replacementNeeded({ id, name: a.subject.name, report: a.report, findings: a.findings }), 'notice');
  }
  // A critical alert opens an incident: the opening push carries its checklist (SPEC §11).
  const procedure =
    a.severity === 'critical'
      ? await openIncident(sql, services, {
          id,
          kind: 'staff',
          staffId: a.subject.id,
          subject: `${a.subject.name}${a.subject.window ? `（${a.subject.window}）` : ''}`,
          situation: a.findings.map((f) => f.what).join('、'),
          now,
          contacts: { window: a.subject.window, date: a.report.date, excludeId: a.subject.id, reporter: a.reporter },
          // The door's part of the 排查: the visitors who came for the person's window that day (SPEC §11, §12).
          visitors: proposedVisitors(await staffCaseVisitors(sql, a.subject, a.report.date)),
        })
      : undefined;
  const push = messages.alertPush({
    id,
    severity: a.severity,
    name: a.subject.name,
    window: a.subject.window,
    report: a.report,
    time: localClock(now, services.config.timezone),
    findings: a.findings,
    reporter: a.reporter?.name,
    onRoster: rostered,
    leadsTold: leads.length > 0,
    earlier: a.earlier,
    contactOf,
  });
  await services.notifier.toLeaders(sql, [push, procedure].filter(Boolean).join('\n\n'), 'alert', procedure ? incidentActions.critical(id) : undefined);
  return id;
}
