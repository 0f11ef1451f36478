import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The State Council's 《部分节假日安排的通知》 for one year, as imported by the
 * administrator (`calendar import`): its days are in calendar_notice_day. A
 * year imported here is official, whatever the package knows (SPEC §5).
 */
@Entity('calendar_notice')
export class CalendarNotice {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** How it came: 'notice' (the published text) or 'ics' (an iCalendar file). */
  @Column({ type: 'varchar', length: 8 })
  format: 'notice' | 'ics';

  /** The file it was read from, as the operator named it. */
  @Column({ type: 'varchar', length: 255 })
  file: string;

  @Column({ name: 'imported_at', type: 'varchar', length: 24 })
  importedAt: string;
}
