import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A window's roster for one workday; a resubmission supersedes the earlier one. */
@Entity('roster')
@Index('uq_roster_current', ['date', 'window'], { unique: true, where: 'superseded_at IS NULL' })
export class Roster {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ name: 'window_name', type: 'varchar', length: 64 })
  window: string;

  /** The window does not open that day (明日排班 不开放). */
  @Column({ type: 'boolean', default: false })
  closed: boolean;

  @Column({ name: 'submitted_by_id', type: 'integer' })
  submittedById: number;

  @Column({ name: 'submitted_at', type: 'varchar', length: 24 })
  submittedAt: string;

  /** Submitted after the 16:00 deadline (逾期). */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ name: 'superseded_at', type: 'varchar', length: 24, nullable: true })
  supersededAt: string | null;
}
