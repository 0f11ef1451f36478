import type { DailySlot, Severity } from '../../entities';
import { attendance, missing } from '../health/attendance';
import { calendarStatus } from '../calendar/status';
import { begunRounds, roundsToday, type RoundView } from '../disinfection/rounds';
import { stockList, type StockView } from '../supplies/stock';
import type { Services } from '../command';
import type { Sql } from '../db/database';
import { rosterProgress } from '../health/figures';
import { checkScope, healthFlags } from '../health/health-check';
import { describeAnomaly, observedAnomalies } from '../health/observation';
import { contactMessages } from '../incidents/contact-messages';
import { observedContacts } from '../incidents/observation';
import { dailyTrend, type TrendDay } from '../health/trend';
import { outboxBacklog, type OutboxBacklog } from '../outbox/status';
import { sweepOfDay, type SweepView } from '../sweep/result';
import { incidentsPanel, type IncidentsPanel } from './incidents';
import { addDays, localTime, type LocalTime } from '../time';
import { slotAt } from '../../handlers/health/grammar';
import { ALERT_SUBJECT_JOIN, ALERT_SUBJECT_NAME, ALERT_SUBJECT_WINDOW, REAL_ALERT } from '../alerts/subject';

/** One window's reporting today. */
export interface WindowProgress {
  window: string;
  expected: number;
  reported: Record<DailySlot, number>;
  /** Names not yet reported for the current slot. */
  missing: string[];
  roster: 'submitted' | 'closed' | 'none';
}

export interface AlertView {
  id: number;
  severity: Exclude<Severity, 'normal'>;
  name: string;
  window: string;
  reasons: string;
  instruction: string;
  openedAt: string;
  pushCount: number;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  note?: string;
}

export interface RosterView {
  window: string;
  status: 'submitted' | 'late' | 'closed' | 'missing';
  people: { name: string; flags: string[] }[];
}

/** An anomalous reading still in its observation period. */
export interface ObservedView {
  name: string;
  window: string;
  severity: Exclude<Severity, 'normal'>;
  /** When, what, and the state of its alert, as the chat says it. */
  text: string;
  alertOpen: boolean;
}

/** A close contact (密接) under observation (SPEC §11). */
export interface ContactObservedView {
  name: string;
  window: string;
  incidentId: number;
  /** Last day of the observation, YYYY-MM-DD. */
  until: string;
  /** The flag the chat shows: the incident, the end of the observation, the latest reading. */
  text: string;
  /** The latest reading's status; null when none since confirmation. */
  latest: Severity | null;
}

/** Everything the dashboard shows, for one viewer's scope. */
export interface DashboardData {
  local: LocalTime;
  workday: boolean;
  /** The slot the clock is in; earlier slots are complete. */
  currentSlot: DailySlot;
  /** null: the whole hall. */
  window: string | null;
  windows: string[];
  progress: WindowProgress[];
  openAlerts: AlertView[];
  recentlyHandled: AlertView[];
  roster: { date: string; windows: RosterView[] };
  /** The warning of a year without official holiday data (SPEC §5), or null. */
  calendarWarning: string | null;
  /** Anomalous readings of the last OBSERVATION_DAYS days, newest first, however handled or re-tested. */
  observed: { days: number; anomalies: ObservedView[] };
  /** Confirmed close contacts whose observation covers today, with their latest reading. */
  contacts: ContactObservedView[];
  trend: TrendDay[];
  /** Today's 全员测温 (加测), running or done; null when none today. */
  sweep: SweepView | null;
  /** Today's disinfection rounds (SPEC §13), and how many of them have begun. */
  disinfection: { rounds: RoundView[]; begun: number };
  /** Every supply item with its stock and how long it lasts. */
  supplies: StockView[];
  /** Outbound delivery health; absent for a lead's view. */
  outbox?: OutboxBacklog;
  /** The 应急处置 panel (SPEC §11); absent for a lead's view, which is one window's. */
  incidents?: IncidentsPanel;
}

const TREND_DAYS = 14;

/**
 * Reads the dashboard in a constant number of queries (whatever the size of
 * the hall), scoped to one window for a lead.
 */
export async function dashboardData(sql: Sql, services: Services, now: Date, scope: { window: string | null; outbox: boolean }): Promise<DashboardData> {
  const { config, calendar, directory } = services;
  const local = localTime(now, config.timezone);
  const people = await directory.active();
  const byId = new Map(people.map((p) => [p.id, p]));
  const window = scope.window;
  const currentSlot = slotAt(local.hour, local.minute);

  const days = await attendance(sql, people, local.date, window ?? undefined);
  const progress = days.map((d) => ({
    window: d.window,
    expected: d.expected.length,
    reported: { morning: d.reported.morning.size, midday: d.reported.midday.size, leave: d.reported.leave.size },
    missing: missing(d, currentSlot).map((p) => p.name),
    roster: d.roster,
  }));

  const next = await calendar.nextWorkday(local.date, sql);
  const { windows: rosterWindows, rosters } = await rosterProgress(sql, people, next, window ?? undefined);
  const rostered = rosters.flatMap((r) => r.staffIds);
  const check = checkScope(config, local.date);
  const flags = await healthFlags(sql, rostered, check);
  const observed = (await observedAnomalies(sql, local.date, check.observationDays, window ?? undefined)).reverse().map((a) => ({
    name: a.name,
    window: a.window,
    severity: a.severity,
    text: describeAnomaly(a, local.date, config.timezone),
    alertOpen: a.alertOpen,
  }));
  const contacts = (await observedContacts(sql, check, window ?? undefined)).map((c) => ({
    name: c.name,
    window: c.window,
    incidentId: c.incidentId,
    until: c.until,
    text: contactMessages.observedFlag(c, check),
    latest: c.latest?.status ?? null,
  }));
  const rosterView = rosterWindows.map((w): RosterView => {
    const r = rosters.find((x) => x.window === w);
    if (!r) return { window: w, status: 'missing', people: [] };
    return {
      window: w,
      status: r.closed ? 'closed' : r.late ? 'late' : 'submitted',
      people: r.staffIds.map((id) => ({ name: byId.get(id)?.name ?? `#${id}`, flags: flags.get(id) ?? [] })),
    };
  });

  const rounds = await roundsToday(sql, local.date, config.disinfection);
  return {
    local,
    workday: await calendar.isWorkday(local.date, sql),
    currentSlot,
    window,
    windows: [...new Set(people.filter((p) => p.window).map((p) => p.window))].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })),
    progress,
    openAlerts: await alerts(sql, window, "a.status = 'open'", 'a.id', 200),
    recentlyHandled: await alerts(sql, window, `a.status <> 'open' AND a.acknowledged_at >= ?`, 'a.acknowledged_at DESC', 10, [addDays(local.date, -3)]),
    roster: { date: next, windows: rosterView },
    calendarWarning: (await calendarStatus(calendar, sql, local.date)).warning,
    observed: { days: check.observationDays, anomalies: observed },
    contacts,
    trend: await dailyTrend(sql, local.date, TREND_DAYS, window),
    sweep: await sweepOfDay(sql, local.date, window ?? undefined),
    disinfection: { rounds, begun: begunRounds(rounds, local.hour * 60 + local.minute).length },
    supplies: await stockList(sql, local.date),
    outbox: scope.outbox ? await outboxBacklog(sql) : undefined,
    incidents: scope.outbox ? await incidentsPanel(sql, now, config.timezone) : undefined,
  };
}

async function alerts(sql: Sql, window: string | null, where: string, order: string, limit: number, params: unknown[] = []): Promise<AlertView[]> {
  const rows = await sql.all<AlertView & { id: unknown; pushCount: unknown; acknowledgedBy: string | null; acknowledgedAt: string | null; note: string | null }>(
    `SELECT a.id, a.severity, ${ALERT_SUBJECT_NAME} AS name, ${ALERT_SUBJECT_WINDOW} AS "window", a.reasons, a.instruction, a.opened_at AS "openedAt", a.push_count AS "pushCount",
            k.name AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt", a.ack_note AS "note"
       FROM alert a ${ALERT_SUBJECT_JOIN} LEFT JOIN staff k ON k.id = a.acknowledged_by_id
      WHERE ${where} AND ${REAL_ALERT}${window === null ? '' : ' AND s.window_name = ?'} ORDER BY ${order} LIMIT ${limit}`,
    window === null ? params : [...params, window],
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    pushCount: Number(r.pushCount),
    acknowledgedBy: r.acknowledgedBy ?? undefined,
    acknowledgedAt: r.acknowledgedAt ?? undefined,
    note: r.note ?? undefined,
  }));
}
