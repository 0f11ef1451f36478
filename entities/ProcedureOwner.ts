import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The working group an administrator made owner of a step of the emergency procedure, over the default (SPEC §11). */
@Entity('procedure_owner')
export class ProcedureOwner {
  /** The step's name: 报告 隔离 送医 排查 上报 消杀 善后. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  step: string;

  @Column({ name: 'group_name', type: 'varchar', length: 32 })
  groupName: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
