import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One person on a roster. */
@Entity('roster_entry')
@Index('ix_roster_entry_roster', ['rosterId'])
@Index('ix_roster_entry_staff', ['staffId'])
export class RosterEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'roster_id', type: 'integer' })
  rosterId: number;

  @Column({ name: 'staff_id', type: 'integer' })
  staffId: number;
}
