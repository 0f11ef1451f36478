import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of an incident's checklist: its owner group, due time, and who did it when (SPEC §11). */
@Entity('incident_step')
@Index('ix_incident_step_due', ['doneAt', 'dueAt'])
export class IncidentStep {
  @PrimaryColumn({ name: 'incident_id', type: 'integer' })
  incidentId: number;

  /** 报告 隔离 送医 排查 上报 消杀 善后 */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  step: string;

  /** The owner group when the incident opened. */
  @Column({ name: 'owner_group', type: 'varchar', length: 32 })
  ownerGroup: string;

  @Column({ name: 'due_at', type: 'varchar', length: 24 })
  dueAt: string;

  @Column({ name: 'done_at', type: 'varchar', length: 24, nullable: true })
  doneAt: string | null;

  @Column({ name: 'done_by_id', type: 'integer', nullable: true })
  doneById: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** When the owners were reminded of it being overdue (once). */
  @Column({ name: 'reminded_at', type: 'varchar', length: 24, nullable: true })
  remindedAt: string | null;

  /** When the leadership group was told it is twice overdue (once). */
  @Column({ name: 'escalated_at', type: 'varchar', length: 24, nullable: true })
  escalatedAt: string | null;
}
