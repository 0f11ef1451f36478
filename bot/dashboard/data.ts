import type { DailySlot, Severity } from '../../entities';
import { attendance, dayTotals, missing, type DayTotals } from '../health/attendance';
import { handledSince, openAlerts, type AlertLine, type DayAlert } from '../alerts/figures';
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
import { sweepOfDay } from '../sweep/result';
import type { SweepView } from '../sweep/view';
import { incidentsPanel, type IncidentsPanel } from './incidents';
import { addDays, localTime, type LocalTime } from '../time';
import { slotAt } from '../../handlers/health/grammar';

/** One window's reporting today. */
export interface WindowProgress {
  window: string;
  expected: number;
  reported: Record<DailySlot, number>;
  /** Names not yet reported for the current slot. */
  missing: string[];
  roster: 'submitted' | 'closed' | 'none';
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
  /** The scope's expected and reported per slot: the sum 今日统计 and the brief show. */
  totals: DayTotals;
  /** Every open alert (staff and visitors alike), oldest first. */
  openAlerts: AlertLine[];
  recentlyHandled: DayAlert[];
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
  /** Today's disinfection rounds (SPEC §13), and the times of those started (see begunRounds). */
  disinfection: { rounds: RoundView[]; started: string[] };
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
    totals: dayTotals(days),
    openAlerts: await openAlerts(sql, window ?? undefined),
    recentlyHandled: await handledSince(sql, addDays(local.date, -3), 10, window ?? undefined),
    roster: { date: next, windows: rosterView },
    calendarWarning: (await calendarStatus(calendar, sql, local.date)).warning,
    observed: { days: check.observationDays, anomalies: observed },
    contacts,
    trend: await dailyTrend(sql, {
      people,
      dates: Array.from({ length: TREND_DAYS }, (_, i) => addDays(local.date, i - (TREND_DAYS - 1))),
      timezone: config.timezone,
      isWorkday: (date) => calendar.isWorkday(date, sql),
      window: window ?? undefined,
    }),
    sweep: await sweepOfDay(sql, local.date, window ?? undefined),
    disinfection: { rounds, started: begunRounds(rounds, local.hour * 60 + local.minute).map((r) => r.round) },
    supplies: await stockList(sql, local.date),
    outbox: scope.outbox ? await outboxBacklog(sql) : undefined,
    incidents: scope.outbox ? await incidentsPanel(sql, now, config.timezone) : undefined,
  };
}

