import { Entity, PrimaryColumn } from 'typeorm';
import { ContactDecision } from './ContactDecision';

/** A possible close contact (密接) of an incident's subject among the staff: proposed from the hall's data, confirmed or excluded by 排查 (SPEC §11). */
@Entity('incident_contact')
export class IncidentContact extends ContactDecision {
  @PrimaryColumn({ name: 'incident_id', type: 'integer' })
  incidentId: number;

  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;
}
