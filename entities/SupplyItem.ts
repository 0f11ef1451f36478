import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One kind of epidemic supply (口罩, 消毒液 …) kept by 综合协调组: its stock and threshold (SPEC §13). */
@Entity('supply_item')
export class SupplyItem {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  /** 个, 瓶, 箱, 台 …: fixed at the item's first entry. */
  @Column({ type: 'varchar', length: 4 })
  unit: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** Below this the coordination group and the leadership group are told (`supplies threshold`); null: none. */
  @Column({ type: 'integer', nullable: true })
  threshold: number | null;

  /** When the drop below the threshold was told; cleared when the stock is back at or above it, so a later drop tells again. */
  @Column({ name: 'low_told_at', type: 'varchar', length: 24, nullable: true })
  lowToldAt: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
