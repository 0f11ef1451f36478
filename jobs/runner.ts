import type { Services } from '../bot/command';
import type { Logger } from '../bot/log';
import type { Sql } from '../bot/db/database';
import { isTransient } from '../bot/db/transient';
import { messages } from '../bot/messages';
import { localTime } from '../bot/time';
import type { FiringOutcome } from '../entities';
import type { Job } from './job';

export interface FiringResult {
  job: string;
  /** Local minute of the firing, e.g. 2026-11-23T07:30. */
  scheduledFor: string;
  outcome: FiringOutcome | 'already-fired';
  detail: string;
}

/** Who asked for a firing; recorded in the ledger's varchar(16) `trigger` column. */
export type FiringTrigger = 'scheduler' | 'catch-up' | 'cli' | 'simulator';

/** A firing's key: the scheduled local time to the minute. */
export function firingKey(at: Date, timezone: string): string {
  const t = localTime(at, timezone);
  return `${t.date}T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/**
 * Fires jobs through the ledger (SPEC §5): a unique row per job and local
 * minute is claimed in the same transaction as everything the job writes and
 * queues, so a second instance, a second tick or a crash never sends twice.
 */
export class JobRunner {
  constructor(
    private readonly services: Services,
    private readonly afterCommit: () => void = () => undefined,
    /** Told of every firing's outcome (the metrics). */
    private readonly observe: (result: Pick<FiringResult, 'job' | 'outcome'>) => void = () => undefined,
  ) {}

  /** One firing of `job` for the time `at`; `force` re-runs a fired minute and ignores the work calendar. */
  async fire(job: Job, at: Date, { trigger, force = false }: { trigger: FiringTrigger; force?: boolean }): Promise<FiringResult> {
    const { db, calendar, config } = this.services;
    const scheduled = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    const scheduledFor = firingKey(scheduled, config.timezone);
    const log = this.services.log.child({ job: job.name, scheduledFor, trigger });
    const base = { job: job.name, scheduledFor };
    try {
      const claimed = await db.tx(async (sql) => {
        const run = force ? await nextRun(sql, job.name, scheduledFor) : 0;
        const claimed = await sql.all(
          `INSERT INTO job_firing (job, scheduled_for, run, outcome, detail, trigger, fired_at) VALUES (?, ?, ?, 'done', '', ?, ?)
           ON CONFLICT (job, scheduled_for, run) DO NOTHING RETURNING id`,
          [job.name, scheduledFor, run, trigger, this.services.clock.now().toISOString()],
        );
        if (claimed.length === 0) return { ...base, outcome: 'already-fired' as const, detail: '该时刻已执行过' };
        const local = localTime(scheduled, config.timezone);
        if (!force && !job.everyDay && !(await calendar.isWorkday(local.date, sql))) {
          return this.record(sql, base, run, 'not-workday', `${local.date} 不是工作日，未执行`);
        }
        if (job.ownTransactions) return { run };
        const detail = await job.run({ sql, services: this.services, now: scheduled, local, log });
        return this.record(sql, base, run, 'done', detail);
      });
      const result = 'run' in claimed ? await this.runInBatches(job, base, claimed.run, scheduled, log) : claimed;
      if (result.outcome === 'done') this.afterCommit();
      log.info({ outcome: result.outcome, detail: result.detail }, 'job firing');
      this.observe(result);
      return result;
    } catch (err) {
      if (isTransient(err)) {
        // Nothing committed and no ledger row: the next tick or the catch-up fires it again.
        log.warn({ error: (err as Error).message }, 'job firing: database unavailable; nothing kept, to be fired again');
        this.observe({ job: job.name, outcome: 'failed' });
        return { ...base, outcome: 'failed', detail: messages.databaseUnavailable() };
      }
      log.error({ err }, 'job firing failed; nothing of it was kept');
      const detail = `失败：${err instanceof Error ? err.message : String(err)}`;
      await db.run(
        `INSERT INTO job_firing (job, scheduled_for, run, outcome, detail, trigger, fired_at) VALUES (?, ?, ?, 'failed', ?, ?, ?) ON CONFLICT (job, scheduled_for, run) DO NOTHING`,
        [job.name, scheduledFor, 0, detail, trigger, this.services.clock.now().toISOString()],
      );
      this.observe({ job: job.name, outcome: 'failed' });
      return { ...base, outcome: 'failed', detail };
    }
  }

  /** A job that commits its own batches, its firing claimed: runs it on the database and records how it went. */
  private async runInBatches(job: Job, base: { job: string; scheduledFor: string }, run: number, scheduled: Date, log: Logger): Promise<FiringResult> {
    const { db, config } = this.services;
    try {
      const detail = await job.run({ sql: db, services: this.services, now: scheduled, local: localTime(scheduled, config.timezone), log });
      return await this.record(db, base, run, 'done', detail);
    } catch (err) {
      log.error({ err }, 'job firing failed part-way; the batches it committed are kept');
      return this.record(db, base, run, 'failed', `失败（已完成的部分保留）：${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Records a firing missed while the service was down and too old to run now. */
  async recordMissed(job: Job, scheduledFor: string): Promise<boolean> {
    const { changes } = await this.services.db.run(
      `INSERT INTO job_firing (job, scheduled_for, run, outcome, detail, trigger, fired_at) VALUES (?, ?, 0, 'missed', ?, 'catch-up', ?)
       ON CONFLICT (job, scheduled_for, run) DO NOTHING`,
      [job.name, scheduledFor, '服务停止期间错过，已超出补发时限', this.services.clock.now().toISOString()],
    );
    if (changes > 0) this.observe({ job: job.name, outcome: 'missed' });
    return changes > 0;
  }

  private async record(sql: Sql, base: { job: string; scheduledFor: string }, run: number, outcome: FiringOutcome, detail: string): Promise<FiringResult> {
    await sql.run('UPDATE job_firing SET outcome = ?, detail = ? WHERE job = ? AND scheduled_for = ? AND run = ?', [outcome, detail, base.job, base.scheduledFor, run]);
    return { ...base, outcome, detail };
  }
}

async function nextRun(sql: Sql, job: string, scheduledFor: string): Promise<number> {
  const [row] = await sql.all<{ last: unknown }>('SELECT max(run) AS last FROM job_firing WHERE job = ? AND scheduled_for = ?', [job, scheduledFor]);
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}
