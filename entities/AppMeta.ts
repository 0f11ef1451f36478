import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small facts about the database itself: when it was first initialised, the directory version. */
@Entity('app_meta')
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
