import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Severity } from './Report';

export type AlertStatus = 'open' | 'acknowledged';

/**
 * What an alert or an incident is about (SPEC §11, §12): `staff` a staff
 * member's reading (staff_id set); `manual` a situation a leader described with
 * 启动应急 (no person: the text in `subject`); `drill` the fictional case of an
 * 应急演练 (the number only, never listed or counted); `visitor` a member of
 * the public checked at the door (SPEC §12): visitor_id set, `subject` the
 * name with the masked phone, which outlives the visitor record.
 */
export type SubjectKind = 'staff' | 'manual' | 'drill' | 'visitor';

/**
 * An anomaly raised by a report, numbered for leaders to handle with
 * `处置 <number>`; also the number of an incident opened by hand or of a drill.
 */
@Entity('alert')
@Index('ix_alert_status', ['status'])
@Index('ix_alert_report', ['reportId'])
export class Alert {
  /** The number leaders see and quote. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The reading that raised it; null when a leader opened it by hand or for a drill. */
  @Column({ name: 'report_id', type: 'integer', nullable: true })
  reportId: number | null;

  /** The staff member it is about; null when it is about no staff member. */
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @Column({ name: 'subject_kind', type: 'varchar', length: 16, default: 'staff' })
  subjectKind: SubjectKind;

  /** The visitor it is about (kind `visitor`); dangling once privacy-purge deleted the visitor. */
  @Column({ name: 'visitor_id', type: 'integer', nullable: true })
  visitorId: number | null;

  /** Who or what it is about when not a staff member, as messages show it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  subject: string | null;

  @Column({ type: 'varchar', length: 10 })
  severity: Exclude<Severity, 'normal'>;

  /** What was found, e.g. 体温 37.8℃、红码. */
  @Column({ type: 'text' })
  reasons: string;

  /** What the hall's plan says to do now. */
  @Column({ type: 'text' })
  instruction: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: AlertStatus;

  @Column({ name: 'opened_at', type: 'varchar', length: 24 })
  openedAt: string;

  @Column({ name: 'push_count', type: 'integer', default: 0 })
  pushCount: number;

  @Column({ name: 'last_pushed_at', type: 'varchar', length: 24, nullable: true })
  lastPushedAt: string | null;

  @Column({ name: 'acknowledged_by_id', type: 'integer', nullable: true })
  acknowledgedById: number | null;

  @Column({ name: 'acknowledged_at', type: 'varchar', length: 24, nullable: true })
  acknowledgedAt: string | null;

  @Column({ name: 'ack_note', type: 'text', nullable: true })
  ackNote: string | null;

  @Column({ name: 'escalated_at', type: 'varchar', length: 24, nullable: true })
  escalatedAt: string | null;
}
