import type { SupplyMovementKind } from '../../entities';
import type { Database } from '../db/database';
import { suppliesMessages } from '../supplies/messages';
import { localIso } from '../time';
import type { ExportRange } from './rows';

/** The sheet 消杀记录 of the xlsx: one row per area logged (SPEC §13). */
export const DISINFECTION_HEADER = ['date', 'round', 'area', 'routine', 'note', 'done_by', 'done_at'] as const;
/** The sheet 物资台账 of the xlsx: one row per 入库, 领用 or 盘点, with the stock after it. */
export const SUPPLY_HEADER = ['date', 'item', 'kind', 'quantity', 'unit', 'balance', 'by', 'at'] as const;

/** Areas disinfected within the range, by date, round and time logged. One query. */
export async function disinfectionRows(db: Database, range: ExportRange): Promise<string[][]> {
  const rows = await db.all<{ date: string; round: string; area: string; routine: unknown; note: string; by: string; at: string }>(
    `SELECT d.date, d.round, d.area, d.routine, d.note, s.name AS "by", d.done_at AS "at"
       FROM disinfection_log d JOIN staff s ON s.id = d.done_by_id WHERE d.date >= ? AND d.date <= ? ORDER BY d.date, d.round, d.done_at, d.id`,
    [range.from, range.to],
  );
  return rows.map((r) => [r.date, r.round, r.area, r.routine ? 'yes' : 'no', r.note, r.by, localIso(new Date(r.at), range.timezone)]);
}

/** The supplies ledger within the range, oldest first. One query. */
export async function supplyRows(db: Database, range: ExportRange): Promise<string[][]> {
  const rows = await db.all<{ date: string; item: string; kind: SupplyMovementKind; quantity: unknown; unit: string; balance: unknown; by: string; at: string }>(
    `SELECT m.date, m.item, m.kind, m.quantity, i.unit, m.balance, s.name AS "by", m.at
       FROM supply_movement m JOIN supply_item i ON i.name = m.item JOIN staff s ON s.id = m.by_id WHERE m.date >= ? AND m.date <= ? ORDER BY m.at, m.id`,
    [range.from, range.to],
  );
  return rows.map((r) => [r.date, r.item, suppliesMessages.kindLabel(r.kind), String(r.quantity), r.unit, String(r.balance), r.by, localIso(new Date(r.at), range.timezone)]);
}
