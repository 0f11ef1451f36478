import type { Database, Sql } from '../db/database';
import { PERSON_COLUMNS, toPerson, type Person } from '../directory/directory';
import { byLine, readCsvRows, type ImportProblem } from '../csv/read-rows';

/** The exact header SPEC §11 names: one row per membership. */
export const GROUPS_HEADER = ['group', 'name'] as const;
/** The width of group_member.group_name. */
const MAX_GROUP = 32;

/** What an import did; when `ok` is false, `errors` says why and nothing was written. */
export interface GroupsImportResult {
  ok: boolean;
  /** Members per group of the file, as stored. */
  groups: Map<string, number>;
  /** Groups absent from the file, removed with `prune`. */
  removed: string[];
  errors: ImportProblem[];
}

/**
 * The person a row names among the active staff: by name, or — when the name
 * is shared — by name and window written 张伟（1号窗口）.
 */
function resolve(name: string, people: Person[]): Person | string {
  const withWindow = /^(.+?)[(（](.+)[)）]$/.exec(name);
  const [bare, window] = withWindow ? [withWindow[1].trim(), withWindow[2].trim()] : [name, undefined];
  const named = people.filter((p) => p.name === bare && (window === undefined || p.window === window));
  if (named.length === 1) return named[0];
  if (named.length === 0) return `名单中没有「${name}」（须是在用人员的姓名）`;
  return `「${bare}」有 ${named.length} 人同名（${named.map((p) => p.window || '无窗口').join('、')}）：请写成 ${bare}（${named[0].window || '无窗口'}）`;
}

/**
 * Imports the working groups from CSV (SPEC §11): each group of the file gets
 * exactly the members the file lists (a person may be in several groups);
 * with `prune`, groups absent from the file are removed. Every bad row is
 * reported by line and then nothing is written.
 */
export async function importGroups(db: Database, csvText: string, opts: { prune?: boolean; now: Date }): Promise<GroupsImportResult> {
  const read = readCsvRows(csvText, GROUPS_HEADER);
  return db.tx(async (sql) => {
    const people = (await sql.all(`SELECT ${PERSON_COLUMNS} FROM staff WHERE active = ?`, [true])).map(toPerson);
    const errors: ImportProblem[] = [...read.errors];
    const members = new Map<string, Set<number>>();
    for (const { line, record } of read.rows) {
      const [group = '', name = ''] = record;
      const problems: string[] = [];
      if (record.length !== GROUPS_HEADER.length) problems.push(`应有 2 列，实际 ${record.length} 列`);
      if (!group) problems.push('组名为空');
      if (group.length > MAX_GROUP) problems.push(`组名超过 ${MAX_GROUP} 个字符`);
      const person = name ? resolve(name, people) : '姓名为空';
      if (typeof person === 'string') problems.push(person);
      if (problems.length) errors.push({ line, message: problems.join('；') });
      else members.set(group, (members.get(group) ?? new Set()).add((person as Person).id));
    }
    if (errors.length) return { ok: false, groups: new Map(), removed: [], errors: byLine(errors) };
    const removed = opts.prune ? await groupsNotIn(sql, [...members.keys()]) : [];
    await write(sql, members, removed, opts.now);
    return { ok: true, groups: new Map([...members].map(([g, ids]) => [g, ids.size])), removed, errors: [] };
  });
}

async function groupsNotIn(sql: Sql, keep: string[]): Promise<string[]> {
  const rows = await sql.all<{ group_name: string }>('SELECT DISTINCT group_name FROM group_member ORDER BY group_name');
  return rows.map((r) => r.group_name).filter((g) => !keep.includes(g));
}

async function write(sql: Sql, members: Map<string, Set<number>>, removed: string[], now: Date): Promise<void> {
  for (const group of [...members.keys(), ...removed]) await sql.run('DELETE FROM group_member WHERE group_name = ?', [group]);
  for (const [group, ids] of members) {
    for (const id of ids) await sql.run('INSERT INTO group_member (group_name, staff_id, added_at) VALUES (?, ?, ?)', [group, id, now.toISOString()]);
  }
}
