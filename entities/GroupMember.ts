import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One membership of a working group of the emergency plan (综合协调组,
 * 应急处置组, 消毒防疫组 …): a person may be in several groups (SPEC §11).
 */
@Entity('group_member')
@Index('ix_group_member_staff', ['staffId'])
export class GroupMember {
  @PrimaryColumn({ name: 'group_name', type: 'varchar', length: 32 })
  groupName: string;

  @PrimaryColumn({ name: 'staff_id', type: 'integer' })
  staffId: number;

  @Column({ name: 'added_at', type: 'varchar', length: 24 })
  addedAt: string;
}
