import type { Database, Sql } from '../db/database';
import { STEPS, type StepName } from './steps';

/** Each step's owner group: the administrator's choice over the plan's default. */
export async function stepOwners(sql: Sql): Promise<Map<StepName, string>> {
  const rows = await sql.all<{ step: StepName; group_name: string }>('SELECT step, group_name FROM procedure_owner');
  const chosen = new Map(rows.map((r) => [r.step, r.group_name]));
  return new Map(STEPS.map((s) => [s.name, chosen.get(s.name) ?? s.defaultOwner]));
}

/** Makes a group the owner of a step (`procedure owner <步骤> <组名>`). */
export async function setStepOwner(db: Database, step: StepName, group: string, now: Date): Promise<void> {
  await db.run(
    'INSERT INTO procedure_owner (step, group_name, updated_at) VALUES (?, ?, ?) ON CONFLICT (step) DO UPDATE SET group_name = excluded.group_name, updated_at = excluded.updated_at',
    [step, group, now.toISOString()],
  );
}
