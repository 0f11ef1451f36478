import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SubjectKind } from './Alert';

export type IncidentStatus = 'open' | 'closed';

/**
 * A run of the emergency procedure (SPEC §11), numbered as the critical
 * alert that opened it (a leader's 启动应急 and a drill open an alert of their
 * own, for the number). At most one drill is open at a time.
 */
@Entity('incident')
@Index('ix_incident_status', ['status'])
@Index('ux_incident_open_drill', ['subjectKind'], { unique: true, where: "subject_kind = 'drill' AND status = 'open'" })
export class Incident {
  /** The alert's number, quoted in every command. */
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'subject_kind', type: 'varchar', length: 16, default: 'staff' })
  subjectKind: SubjectKind;

  /** The staff member it is about (kind `staff`); null otherwise. */
  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  /** Who or what it is about: the person's name, the case a leader described, or a drill's fictional person. */
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
