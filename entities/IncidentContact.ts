import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ContactStatus = 'proposed' | 'confirmed' | 'excluded';

/** A possible close contact (密接) of an incident's subject: proposed from the hall's data, confirmed or excluded by 排查 (SPEC §11). */
@Entity('incident_contact')
export class IncidentContact {
  @PrimaryColumn({ name: 'incident_id', type: 'integer' })
  incidentId: number;

  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  /** Why: 同窗口当日排班, 窗口负责人, 代报人, 排查添加. */
  @Column({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: ContactStatus;

  @Column({ name: 'proposed_at', type: 'varchar', length: 24 })
  proposedAt: string;

  @Column({ name: 'decided_by_id', type: 'integer', nullable: true })
  decidedById: number | null;

  @Column({ name: 'decided_at', type: 'varchar', length: 24, nullable: true })
  decidedAt: string | null;
}
