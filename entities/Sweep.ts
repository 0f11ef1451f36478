import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SweepOutcome = 'complete' | 'timeout';
/** What a running 全员测温 is: a real one, or a drill's. */
export type SweepRunning = 'live' | 'drill';

/**
 * An all-staff temperature check (全员测温, SPEC §11): every expected person
 * asked for a reading now, answered in the slot 加测; the result goes to the
 * leadership group once, when all have answered or at `due_at`.
 */
@Entity('sweep')
@Index('ix_sweep_incident', ['incidentId'])
// One real and one drill running at most: `running` says which while it runs, null after; NULLs never collide.
@Index('ux_sweep_running', ['running'], { unique: true })
export class Sweep {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The incident it serves (started by 排查, or `全员测温 <编号>`); null for a leader's own. */
  @Column({ name: 'incident_id', type: 'integer', nullable: true })
  incidentId: number | null;

  /** Part of a drill (应急演练): its answers are drill readings (drill_reading, never reports) and its messages marked 【演练】. */
  @Column({ type: 'boolean', default: false })
  drill: boolean;

  /** `live` or `drill` while running; null once its result is sent. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  running: SweepRunning | null;

  @Column({ name: 'started_at', type: 'varchar', length: 24 })
  startedAt: string;

  /** The leader who started it; null when 排查 did. */
  @Column({ name: 'started_by_id', type: 'integer', nullable: true })
  startedById: number | null;

  /** Local date it started, YYYY-MM-DD: whose expected people were asked. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  /** When the result goes out with the names still missing. */
  @Column({ name: 'due_at', type: 'varchar', length: 24 })
  dueAt: string;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: SweepOutcome | null;
}
