import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthCode } from './Report';

/**
 * A reading a contact gave in answer to a drill (应急演练, SPEC §11). Kept
 * apart from `report` so that no statistic, export, chart or alert ever
 * counts it.
 */
@Entity('drill_reading')
@Index('ix_drill_reading_incident', ['incidentId'])
export class DrillReading {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The drill (an incident of kind `drill`). */
  @Column({ name: 'incident_id', type: 'integer' })
  incidentId: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ type: 'double precision' })
  temperature: number;

  @Column({ name: 'health_code', type: 'varchar', length: 8, nullable: true })
  healthCode: HealthCode | null;

  /** Symptoms joined by 、; '' when declared none; null when not mentioned. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  symptoms: string | null;

  @Column({ name: 'received_at', type: 'varchar', length: 24 })
  receivedAt: string;
}
