import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SupplyMovementKind = 'in' | 'out' | 'count';

/** One line of the supplies ledger (物资台账): 入库, 领用 or 盘点, with the stock after it. */
@Entity('supply_movement')
@Index('ix_supply_movement_item_date', ['item', 'date'])
export class SupplyMovement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 32 })
  item: string;

  /** in: 入库, out: 领用, count: 盘点 (sets the stock). */
  @Column({ type: 'varchar', length: 8 })
  kind: SupplyMovementKind;

  /** The number given: received, taken, or counted. */
  @Column({ type: 'integer' })
  quantity: number;

  /** The stock after this line. */
  @Column({ type: 'integer' })
  balance: number;

  /** Local date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ name: 'by_id', type: 'integer' })
  byId: number;

  @Column({ type: 'varchar', length: 24 })
  at: string;
}
