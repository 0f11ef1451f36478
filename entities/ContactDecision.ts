import { Column } from 'typeorm';

export type ContactStatus = 'proposed' | 'confirmed' | 'excluded';

/** What every possible close contact (密接) of an incident carries, staff or visitor: why proposed, and 排查's decision (SPEC §11). Not a table. */
export abstract class ContactDecision {
  /** Why: 同窗口当日排班, 窗口负责人, 代报人, 排查添加, 前后60分钟内到访, 当日到访1号窗口. */
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
