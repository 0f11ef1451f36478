import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Severity } from './Report';

export type AlertStatus = 'open' | 'acknowledged';

/** An anomaly raised by a report, numbered for leaders to handle with `处置 <number>`. */
@Entity('alert')
@Index('ix_alert_status', ['status'])
@Index('ix_alert_report', ['reportId'])
export class Alert {
  /** The number leaders see and quote. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'report_id', type: 'integer' })
  reportId: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

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
