import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person a 全员测温 asked, and the 加测 reading that answered it. */
@Entity('sweep_person')
@Index('ix_sweep_person_staff', ['staffId'])
export class SweepPerson {
  @PrimaryColumn({ name: 'sweep_id', type: 'integer' })
  sweepId: number;

  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  /** The first 加测 reading sent while it ran; null while missing, and for a drill's (its answer is a drill_reading). */
  @Column({ name: 'report_id', type: 'integer', nullable: true })
  reportId: number | null;

  @Column({ name: 'answered_at', type: 'varchar', length: 24, nullable: true })
  answeredAt: string | null;
}
