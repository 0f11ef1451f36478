import cron, { type ScheduledTask } from 'node-cron';
import type { Services } from '../bot/command';
import { cronsOf, type Job } from './job';
import { firingKey, type FiringResult, type JobRunner } from './runner';

const MINUTE = 60_000;
/** How far back start-up looks for firings missed while the service was down. */
const LOOKBACK_MS = 24 * 60 * MINUTE;

/**
 * node-cron decides when; the runner and its ledger decide whether. Each job
 * is scheduled in the hall's time zone (whatever the server's own) with
 * noOverlap; stop() waits for firings in progress.
 */
export class JobScheduler {
  private tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly services: Services,
    private readonly runner: JobRunner,
    private readonly jobs: Job[],
  ) {}

  start(): void {
    const { config } = this.services;
    this.tasks = this.jobs.flatMap((job) =>
      cronsOf(job, config).map((expression) =>
        cron.schedule(expression, (ctx) => this.track(this.runner.fire(job, ctx.date, { trigger: 'scheduler' })), {
          name: job.name,
          timezone: config.timezone,
          noOverlap: true,
        }),
      ),
    );
  }

  /** Stops scheduling and waits for the firings in progress to finish. */
  async stop(): Promise<void> {
    await Promise.all(this.tasks.map((t) => t.destroy()));
    this.tasks = [];
    await Promise.allSettled([...this.running]);
  }

  /**
   * At start-up: a firing missed while the service was down (and after the
   * database was first initialised) runs if still within its job's grace
   * period; an older one is recorded as missed and logged. A job whose grace is
   * 'latest' runs only its most recent missed firing.
   */
  async catchUp(now: Date = this.services.clock.now()): Promise<FiringResult[]> {
    const { db, config, log } = this.services;
    const [meta] = await db.all<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', ['initialised_at']);
    const since = Math.max(now.getTime() - LOOKBACK_MS, meta ? Date.parse(meta.value) : now.getTime());
    const results: FiringResult[] = [];
    for (const job of this.jobs) {
      const instants = cronsOf(job, config)
        .flatMap((expression) => scheduledBetween(expression, config.timezone, since, now.getTime()))
        .sort((a, b) => a.getTime() - b.getTime());
      const candidates = job.grace === 'latest' ? instants.slice(-1) : instants;
      if (candidates.length === 0) continue;
      const keys = candidates.map((at) => firingKey(at, config.timezone));
      const fired = new Set(
        (await db.all<{ key: string }>('SELECT scheduled_for AS "key" FROM job_firing WHERE job = ? AND scheduled_for >= ?', [job.name, keys[0]])).map((r) => r.key),
      );
      for (const [i, at] of candidates.entries()) {
        if (fired.has(keys[i])) continue;
        const late = now.getTime() - at.getTime();
        if (job.grace === 'latest' || late <= job.grace.minutes * MINUTE) {
          results.push(await this.track(this.runner.fire(job, at, { trigger: 'catch-up' })));
        } else if (await this.runner.recordMissed(job, keys[i])) {
          log.warn({ job: job.name, scheduledFor: keys[i], lateMinutes: Math.round(late / MINUTE) }, 'firing missed while the service was down, past its grace period: skipped');
          results.push({ job: job.name, scheduledFor: keys[i], outcome: 'missed', detail: 'skipped' });
        }
      }
    }
    return results;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
}

/** The instants in (from, to] at which a cron expression fires in a time zone, oldest first. */
export function scheduledBetween(expression: string, timezone: string, from: number, to: number): Date[] {
  const matcher = cron.createTask(expression, () => undefined, { timezone });
  const out: Date[] = [];
  try {
    for (let t = Math.floor(from / MINUTE) * MINUTE + MINUTE; t <= to; t += MINUTE) {
      const at = new Date(t);
      if (matcher.match(at)) out.push(at);
    }
  } finally {
    void matcher.destroy();
  }
  return out;
}
