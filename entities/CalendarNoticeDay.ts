import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One day an imported notice rules on: a day off (放假) or a 调休 make-up workday (上班). */
@Entity('calendar_notice_day')
@Index('ix_calendar_notice_day_date', ['date'])
export class CalendarNoticeDay {
  /** The notice's year (a 元旦 range may begin in December of the year before). */
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'holiday' | 'workday';

  /** The festival it belongs to, e.g. 春节. */
  @Column({ type: 'varchar', length: 32 })
  name: string;
}
