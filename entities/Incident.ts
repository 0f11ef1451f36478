import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IncidentStatus = 'open' | 'closed';

/**
 * A run of the emergency procedure (SPEC §11), numbered as the critical
 * alert that opened it (a leader's 启动应急 opens an alert of its own).
 */
@Entity('incident')
@Index('ix_incident_status', ['status'])
export class Incident {
  /** The alert's number, quoted in every command. */
  @PrimaryColumn({ type: 'integer' })
  id: number;

  /** Who or what it is about: the person's name, or the situation a leader described. */
  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'text' })
  situation: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: IncidentStatus;

  @Column({ name: 'opened_at', type: 'varchar', length: 24 })
  openedAt: string;

  /** The leader who opened it by hand; null when a reading did. */
  @Column({ name: 'opened_by_id', type: 'integer', nullable: true })
  openedById: number | null;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt: string | null;

  @Column({ name: 'closed_by_id', type: 'integer', nullable: true })
  closedById: number | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;
}
