import type { Services } from '../bot/command';
import type { Config } from '../bot/config';
import type { Sql } from '../bot/db/database';
import type { Logger } from '../bot/log';
import type { LocalTime } from '../bot/time';

export type JobName = 'morning-nudge' | 'morning-summary' | 'roster-reminder' | 'roster-deadline' | 'alert-escalation' | 'calendar-warning' | 'incident-deadlines' | 'contact-readings' | 'disinfection-reminder' | 'disinfection-check' | 'privacy-purge' | 'daily-brief' | 'backup';

/** What one firing of a job works with: the database (its transaction), the services, and its time. */
export interface JobContext {
  /** The firing's transaction: the claim, the job's writes and its outbox rows commit together. */
  sql: Sql;
  services: Services;
  /** The scheduled time of this firing (not the wall clock), and its local reading. */
  now: Date;
  local: LocalTime;
  log: Logger;
}

/**
 * A scheduled job: a pure function of the database and a time (STYLE.md);
 * node-cron only decides when. Jobs run on workdays only (SPEC §5), unless
 * they watch over something that does not rest on holidays.
 */
export interface Job {
  name: JobName;
  /**
   * Its cron expression, from the configuration; or several, for times one
   * expression cannot say (the disinfection rounds 08:00, 12:00 and 17:30).
   */
  cron(config: Config): string | string[];
  /** How late a firing missed while the service was down may still run at start-up; 'latest': only the most recent one runs. */
  grace: { minutes: number } | 'latest';
  /** Runs on every day of the year, not only on workdays. */
  everyDay?: boolean;
  /** Does the work and says what it did, for the firing ledger and `jobs list`. */
  run(ctx: JobContext): Promise<string>;
}

/** A job's cron expressions, one or several. */
export function cronsOf(job: Job, config: Config): string[] {
  const cron = job.cron(config);
  return typeof cron === 'string' ? [cron] : cron;
}
