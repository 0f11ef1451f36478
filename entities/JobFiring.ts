import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type FiringOutcome = 'done' | 'not-workday' | 'missed' | 'failed';

/**
 * One firing of a scheduled job, claimed under a unique key (job, scheduled
 * local minute) before it sends: several instances on one database fire each
 * job once (SPEC §5). A forced re-run takes the next run number.
 */
@Entity('job_firing')
@Unique('uq_job_firing', ['job', 'scheduledFor', 'run'])
export class JobFiring {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 32 })
  job: string;

  /** The scheduled local time to the minute, e.g. 2026-11-23T07:30. */
  @Column({ name: 'scheduled_for', type: 'varchar', length: 16 })
  scheduledFor: string;

  /** 0 for the scheduled firing; 1, 2 … for `jobs run --force` re-runs of the same minute. */
  @Column({ type: 'integer', default: 0 })
  run: number;

  @Column({ type: 'varchar', length: 16 })
  outcome: FiringOutcome;

  /** What it did (e.g. "nudged 12 people") or why not. */
  @Column({ type: 'text', default: '' })
  detail: string;

  /** scheduler, catch-up, cli or simulator (the local simulator's job buttons). */
  @Column({ type: 'varchar', length: 16 })
  trigger: string;

  @Column({ name: 'fired_at', type: 'varchar', length: 24 })
  firedAt: string;
}
