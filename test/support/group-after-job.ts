import type { Job } from '../../jobs/job';
import type { Hall } from './hall';

/** Fires a job at a Beijing local time (`2026-11-23T16:00:00`) as the scheduler would, and returns what it delivered to the leadership group. */
export async function groupAfterJob(hall: Hall, job: Job, local: string): Promise<string> {
  const before = hall.mark();
  await hall.service.jobs.runner.fire(job, new Date(`${local}+08:00`), { trigger: 'scheduler' });
  await hall.deliver();
  return hall.deliveredSince(before).group.join('\n');
}
