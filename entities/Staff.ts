import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'staff' | 'lead' | 'leader' | 'admin' | 'guard';
export type Platform = 'wecom' | 'dingtalk' | 'local';

/** One person of the hall, whichever platforms they use (SPEC §4). */
@Entity('staff')
export class Staff {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The window or department; '' for none (an administrator without a window is not expected to report). */
  @Index()
  @Column({ name: 'window_name', type: 'varchar', length: 64, default: '' })
  window: string;

  @Column({ type: 'varchar', length: 16, default: 'staff' })
  role: Role;

  /** The hall's code (SPEC §15); '' for the default hall, the only one of a single-hall deployment. */
  @Index()
  @Column({ type: 'varchar', length: 32, default: '' })
  hall: string;

  @Index({ unique: true })
  @Column({ name: 'wecom_userid', type: 'varchar', length: 64, nullable: true })
  wecomUserId: string | null;

  @Index({ unique: true })
  @Column({ name: 'dingtalk_userid', type: 'varchar', length: 64, nullable: true })
  dingtalkUserId: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  mobile: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The platform this person last wrote from: nudges go there. */
  @Column({ name: 'last_platform', type: 'varchar', length: 16, nullable: true })
  lastPlatform: Platform | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
