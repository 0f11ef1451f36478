import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthCode, Severity } from './Report';

/**
 * A member of the public registered at the door (SPEC §12): personal data,
 * kept for VISITOR_RETENTION_DAYS and then deleted by `privacy-purge`. The
 * phone number is held in full only here; every message and page masks it.
 */
@Entity('visitor')
@Index('ix_visitor_registered_at', ['registeredAt'])
@Index('ix_visitor_date_window', ['date', 'window'])
export class Visitor {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** 11 digits, mainland mobile. */
  @Column({ type: 'varchar', length: 16 })
  phone: string;

  /** Current address (现住址), as the guard typed it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  /** Recent travel (行程 / 旅居史), as the guard typed it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  travel: string | null;

  /** The window the visitor came for (`2号窗口`), when said. */
  @Column({ name: 'window_name', type: 'varchar', length: 64, nullable: true })
  window: string | null;

  /** °C, one decimal; null when not measured. */
  @Column({ type: 'double precision', nullable: true })
  temperature: number | null;

  /** null: no code shown (无码人员). */
  @Column({ name: 'health_code', type: 'varchar', length: 8, nullable: true })
  healthCode: HealthCode | null;

  /** Symptoms joined by 、; '' when declared none; null when not mentioned. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  symptoms: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: Severity;

  /** What was found (体温 37.8℃、红码); null when normal. */
  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  /** The plan's instruction for the door; null when normal. */
  @Column({ type: 'text', nullable: true })
  instruction: string | null;

  /** The alert the visitor's anomaly opened, once alerts about a visitor are numbered. */
  @Column({ name: 'alert_id', type: 'integer', nullable: true })
  alertId: number | null;

  /** The guard (or leader) who registered the visitor. */
  @Column({ name: 'guard_id', type: 'integer' })
  guardId: number;

  /** Local date, YYYY-MM-DD, of the registration. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ name: 'registered_at', type: 'varchar', length: 24 })
  registeredAt: string;
}
