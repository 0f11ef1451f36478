import type { SupplyMovementKind } from '../../entities';
import type { Sql } from '../db/database';
import { addDays } from '../time';

/** Days of 领用 over which the use per day is averaged (today included). */
export const USE_DAYS = 7;

/** The group that keeps the supplies (SPEC §13). */
export const SUPPLIES_GROUP = '综合协调组';

/** One item as `库存`, `supplies list`, the dashboard and the daily brief show it. */
export interface StockView {
  item: string;
  unit: string;
  quantity: number;
  threshold: number | null;
  /** Taken per day over the last {@link USE_DAYS} days. */
  perDay: number;
  /** Whole days the stock lasts at that use; null when nothing was taken. */
  daysLeft: number | null;
  below: boolean;
}

interface ItemRow {
  name: string;
  unit: string;
  quantity: unknown;
  threshold: unknown;
}

/** The stored item of that name, or undefined. */
export async function findItem(sql: Sql, name: string): Promise<{ name: string; unit: string; quantity: number; threshold: number | null } | undefined> {
  const [row] = await sql.all<ItemRow>('SELECT name, unit, quantity, threshold FROM supply_item WHERE name = ?', [name]);
  return row && { name: row.name, unit: row.unit, quantity: Number(row.quantity), threshold: row.threshold === null ? null : Number(row.threshold) };
}

/** Every item with its stock, use per day over the last 7 days and days left, in Chinese order. Two queries. */
export async function stockList(sql: Sql, today: string): Promise<StockView[]> {
  const items = await sql.all<ItemRow>('SELECT name, unit, quantity, threshold FROM supply_item');
  const used = await sql.all<{ item: string; taken: unknown }>(
    "SELECT item, sum(quantity) AS taken FROM supply_movement WHERE kind = 'out' AND date >= ? AND date <= ? GROUP BY item",
    [addDays(today, -(USE_DAYS - 1)), today],
  );
  const taken = new Map(used.map((u) => [u.item, Number(u.taken)]));
  return items
    .map((row): StockView => {
      const quantity = Number(row.quantity);
      const threshold = row.threshold === null ? null : Number(row.threshold);
      const perDay = (taken.get(row.name) ?? 0) / USE_DAYS;
      return { item: row.name, unit: row.unit, quantity, threshold, perDay, daysLeft: perDay > 0 ? Math.floor(quantity / perDay) : null, below: threshold !== null && quantity < threshold };
    })
    .sort((a, b) => a.item.localeCompare(b.item, 'zh-CN'));
}

/** The items whose stock is below their threshold (for the daily brief and the dashboard). */
export async function belowThreshold(sql: Sql, today: string): Promise<StockView[]> {
  return (await stockList(sql, today)).filter((s) => s.below);
}

/** A movement to record: 入库 adds, 领用 takes (never below zero), 盘点 sets the count. */
export interface Movement {
  item: string;
  kind: SupplyMovementKind;
  quantity: number;
  /** The unit of a new item. */
  unit: string;
  byId: number;
  date: string;
  at: Date;
}

/**
 * Records a movement and returns the stock before and after, or null when
 * 领用 asks for more than the stock (nothing recorded: the store's book must
 * not go negative; a wrong book is put right by 盘点). The stock changes by one
 * UPDATE, so two people taking at once cannot both take the last box.
 */
export async function recordMovement(sql: Sql, m: Movement): Promise<{ before: number; after: number } | null> {
  const now = m.at.toISOString();
  await sql.run('INSERT INTO supply_item (name, unit, quantity, updated_at) VALUES (?, ?, 0, ?) ON CONFLICT (name) DO NOTHING', [m.item, m.unit, now]);
  const change =
    m.kind === 'in'
      ? { set: 'quantity = quantity + ?', guard: '' }
      : m.kind === 'out'
        ? { set: 'quantity = quantity - ?', guard: ' AND quantity >= ?' }
        : { set: 'quantity = ?', guard: '' };
  const before = (await findItem(sql, m.item))!.quantity;
  const { changes } = await sql.run(`UPDATE supply_item SET ${change.set}, updated_at = ? WHERE name = ?${change.guard}`, [
    m.quantity,
    now,
    m.item,
    ...(change.guard ? [m.quantity] : []),
  ]);
  if (changes === 0) return null;
  const after = (await findItem(sql, m.item))!.quantity;
  await sql.run('INSERT INTO supply_movement (item, kind, quantity, balance, date, by_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [m.item, m.kind, m.quantity, after, m.date, m.byId, now]);
  return { before, after };
}

/**
 * Whether the stock has just dropped below its threshold and nobody was told
 * yet: marks it told, so the drop is told once; stock back at or above the
 * threshold clears the mark, so a later drop tells again.
 */
export async function newlyBelow(sql: Sql, item: string, now: Date): Promise<boolean> {
  await clearIfNotBelow(sql, item);
  const { changes } = await sql.run('UPDATE supply_item SET low_told_at = ? WHERE name = ? AND low_told_at IS NULL AND threshold IS NOT NULL AND quantity < threshold', [
    now.toISOString(),
    item,
  ]);
  return changes > 0;
}

/** Sets (or with null removes) an item's threshold; a new item is kept in `unit`. */
export async function setThreshold(sql: Sql, item: string, threshold: number | null, unit: string, now: Date): Promise<void> {
  await sql.run('INSERT INTO supply_item (name, unit, quantity, updated_at) VALUES (?, ?, 0, ?) ON CONFLICT (name) DO NOTHING', [item, unit, now.toISOString()]);
  await sql.run('UPDATE supply_item SET threshold = ?, updated_at = ? WHERE name = ?', [threshold, now.toISOString(), item]);
  await clearIfNotBelow(sql, item);
}

/** Forgets that a drop was told once the stock is no longer below the threshold. */
async function clearIfNotBelow(sql: Sql, item: string): Promise<void> {
  await sql.run('UPDATE supply_item SET low_told_at = NULL WHERE name = ? AND (threshold IS NULL OR quantity >= threshold)', [item]);
}
