import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One area disinfected (消杀), logged by chat (SPEC §13): a routine area of a
 * round, or an ad-hoc place (a meeting room after use) logged within the
 * round current at the time.
 */
@Entity('disinfection_log')
@Index('ix_disinfection_log_round', ['date', 'round', 'area'])
export class DisinfectionLog {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Local date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  /** The round's local time, HH:mm (DISINFECTION_ROUNDS). */
  @Column({ type: 'varchar', length: 5 })
  round: string;

  @Column({ type: 'varchar', length: 32 })
  area: string;

  /** Whether the area is one of DISINFECTION_AREAS when logged (an ad-hoc place is not). */
  @Column({ type: 'boolean' })
  routine: boolean;

  /** What was done: 完成, or the sender's words. */
  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'done_by_id', type: 'integer' })
  doneById: number;

  @Column({ name: 'done_at', type: 'varchar', length: 24 })
  doneAt: string;
}
