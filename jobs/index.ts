import { alertEscalation } from './alert-escalation';
import type { Job, JobName } from './job';
import { morningNudge } from './morning-nudge';
import { morningSummary } from './morning-summary';

/** Every scheduled job. */
export const JOBS: Job[] = [morningNudge, morningSummary, alertEscalation];

export function findJob(name: string): Job | undefined {
  return JOBS.find((j) => j.name === (name as JobName));
}
