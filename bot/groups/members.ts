import type { Sql } from '../db/database';
import { PERSON_COLUMNS, toPerson, type Person } from '../directory/directory';

/** Every working group with its active members (by name, in Chinese order), by group name. */
export async function groupMembers(sql: Sql): Promise<Map<string, Person[]>> {
  const rows = await sql.all<Record<string, unknown> & { group_name: string }>(
    `SELECT g.group_name, ${PERSON_COLUMNS.replace(/(^|, )(?=\w)/g, '$1s.')}
       FROM group_member g JOIN staff s ON s.id = g.staff_id WHERE s.active = ? ORDER BY g.group_name`,
    [true],
  );
  const groups = new Map<string, Person[]>();
  for (const row of rows) groups.set(row.group_name, [...(groups.get(row.group_name) ?? []), toPerson(row)]);
  for (const people of groups.values()) people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return groups;
}

/** Whether a person is a member of a working group. */
export async function inGroup(sql: Sql, group: string, person: Person): Promise<boolean> {
  const [row] = await sql.all('SELECT 1 AS yes FROM group_member WHERE group_name = ? AND staff_id = ?', [group, person.id]);
  return row !== undefined;
}

/**
 * Whether a person may do a routine that belongs to a working group (消杀 to
 * 消毒防疫组, supplies to 综合协调组): its members, leaders and administrators.
 */
export async function mayActFor(sql: Sql, group: string, person: Person): Promise<boolean> {
  return person.role === 'leader' || person.role === 'admin' || (await inGroup(sql, group, person));
}
