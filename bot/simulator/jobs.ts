import type { Context } from 'koa';
import { findJob, JOBS } from '../../jobs';
import type { JobRunner } from '../../jobs/runner';
import { JOB_LABEL } from '../labels';
import { localTime, zonedInstant, type Clock } from '../time';
import { readJsonObject, refuse } from './guard';

const LOCAL_MINUTE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/**
 * Reads what a `datetime-local` input sends ("2026-11-23T08:45", seconds
 * optional and ignored) as that wall-clock minute in `timezone`; null when it
 * names no such minute (month 13, 24:00, February 30 …).
 */
export function parseLocalMinute(text: string, timezone: string): Date | null {
  const match = LOCAL_MINUTE.exec(text);
  if (!match) return null;
  const date = match[1];
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return null;
  const at = zonedInstant(date, hour, minute, timezone);
  const back = localTime(at, timezone);
  return back.date === date && back.hour === hour && back.minute === minute ? at : null;
}

/** What the job route needs from the service. */
export interface JobRouteDeps {
  clock: Clock;
  timezone: string;
  runner: JobRunner;
  kickOutbox: () => void;
}

/**
 * POST /local/jobs/:name `{ "at"?: "2026-11-23T08:45" }`: one forced firing
 * (so it runs on a weekend too) through the service's own runner and ledger,
 * for that local time or now; answers `{ job, label, outcome, detail, scheduledFor }`.
 */
export async function runJob(ctx: Context, deps: JobRouteDeps): Promise<void> {
  const job = findJob(ctx.params.name);
  if (!job) {
    const known = JOBS.map((j) => `${j.name}（${JOB_LABEL[j.name]}）`).join('、');
    return refuse(ctx, 404, `没有名为「${String(ctx.params.name).slice(0, 40)}」的任务。可用的任务：${known}`);
  }
  const input = await readJsonObject(ctx);
  if (!input) return refuse(ctx, 400, '请求体应为 JSON 对象，如 {"at": "2026-11-23T08:45"}');
  const at = input.at === undefined || input.at === null || input.at === '' ? deps.clock.now() : typeof input.at === 'string' ? parseLocalMinute(input.at.trim(), deps.timezone) : null;
  if (!at) return refuse(ctx, 400, `运行时间格式不正确：应为本地时间（${deps.timezone}），如 2026-11-23T08:45；留空表示现在。`);

  const result = await deps.runner.fire(job, at, { trigger: 'simulator', force: true });
  deps.kickOutbox();
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { job: job.name, label: JOB_LABEL[job.name], outcome: result.outcome, detail: result.detail, scheduledFor: result.scheduledFor };
}
