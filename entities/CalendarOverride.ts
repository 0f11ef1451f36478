import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An administrator's ruling on a date the official calendar does not know yet (SPEC §5). */
@Entity('calendar_override')
export class CalendarOverride {
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'holiday' | 'workday';

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
