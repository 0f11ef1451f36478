import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ContactDecision } from './ContactDecision';

/**
 * A visitor who may be a close contact (密接) of an incident (SPEC §11, §12):
 * proposed from the door's registrations, confirmed or excluded by 排查. It
 * keeps only the visitor's name and masked phone, so it outlives the visitor
 * record: `privacy-purge` sets `visitor_id` to null when it deletes that.
 */
@Entity('incident_visitor')
@Index('ux_incident_visitor', ['incidentId', 'visitorId'], { unique: true })
export class IncidentVisitor extends ContactDecision {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'incident_id', type: 'integer' })
  incidentId: number;

  /** The visitor record while it is kept; null once purged. */
  @Column({ name: 'visitor_id', type: 'integer', nullable: true })
  visitorId: number | null;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** `138****1111`: never the full number. */
  @Column({ name: 'phone_masked', type: 'varchar', length: 16 })
  phoneMasked: string;
}
