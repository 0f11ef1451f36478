import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The three checks of every working day (SPEC §3.1). */
export type DailySlot = 'morning' | 'midday' | 'leave';
/**
 * A reading's slot: one of the daily checks, or `extra` (加测), the answer to
 * an all-staff check (全员测温, SPEC §11), which never counts as a daily one.
 */
export type Slot = DailySlot | 'extra';
export type HealthCode = 'green' | 'yellow' | 'red';
export type Severity = 'normal' | 'warning' | 'critical';

/**
 * One temperature reading. Every reading is kept: a second one of the same
 * person, day and slot is a re-test (复测), current beside the first; only an
 * explicit 更正 supersedes a reading (kept as history, pointing at its
 * replacement).
 */
@Entity('report')
@Index('ix_report_staff_date_slot', ['staffId', 'date', 'slot'])
@Index('ix_report_date_slot', ['date', 'slot'])
export class Report {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  /** Local date, YYYY-MM-DD, from the server's receive time. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  slot: Slot;

  @Column({ type: 'double precision' })
  temperature: number;

  @Column({ name: 'health_code', type: 'varchar', length: 8, nullable: true })
  healthCode: HealthCode | null;

  /** Symptoms joined by 、; '' when declared none; null when not mentioned. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  symptoms: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: Severity;

  /** Who sent it: the person, or the lead or leader who reported on their behalf (代报). */
  @Column({ name: 'reported_by_id', type: 'integer' })
  reportedById: number;

  @Column({ type: 'varchar', length: 16 })
  platform: string;

  @Column({ name: 'message_id', type: 'varchar', length: 128, nullable: true })
  messageId: string | null;

  @Column({ name: 'received_at', type: 'varchar', length: 24 })
  receivedAt: string;

  @Column({ name: 'platform_time', type: 'varchar', length: 24, nullable: true })
  platformTime: string | null;

  @Column({ name: 'superseded_at', type: 'varchar', length: 24, nullable: true })
  supersededAt: string | null;

  @Column({ name: 'superseded_by_id', type: 'integer', nullable: true })
  supersededById: number | null;
}
