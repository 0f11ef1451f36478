import type { Role } from '../../entities';
import { byLine, readCsvRows, type ImportProblem } from '../csv/read-rows';
import type { Database, Sql } from '../db/database';
import { bumpDirectoryVersion, PERSON_COLUMNS, toPerson, type Person } from './directory';

/** The exact header SPEC §4 names. */
export const STAFF_HEADER = ['name', 'window', 'role', 'wecom_userid', 'dingtalk_userid', 'mobile'] as const;
const ROLES: readonly Role[] = ['staff', 'lead', 'leader', 'admin', 'guard'];
/** The identifiers a row is matched by, in order (SPEC §4), with how the operator calls them. */
const KEYS = [
  ['wecomUserId', '企业微信账号'],
  ['dingtalkUserId', '钉钉账号'],
  ['mobile', '手机号'],
] as const;
type Key = (typeof KEYS)[number][0];
/** The width of the staff columns (entities/Staff.ts); PostgreSQL refuses anything longer. */
const MAX_LENGTH = 64;
/** Rows per multi-row statement: well under both databases' limits on bound parameters. */
const CHUNK = 500;


/** What an import did; when `ok` is false, `errors` says why and nothing was written. */
export interface ImportResult {
  ok: boolean;
  created: number;
  /** Matched people whose record changed (or who were reactivated). */
  updated: number;
  /** Matched people already exactly as the file says. */
  unchanged: number;
  /** People absent from the file, deactivated with `prune`. */
  deactivated: number;
  errors: ImportProblem[];
}

/** A row of the file, with its line number: a person's fields as the directory keeps them. */
type StaffRow = { line: number } & Pick<Person, 'name' | 'window' | 'role' | 'wecomUserId' | 'dingtalkUserId' | 'mobile'>;

/** Mainland mobile numbers, with an optional +86 and any spaces or dashes; null when malformed. */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? digits : null;
}

/**
 * Upserts the staff directory from CSV (SPEC §4). Each row is matched to an
 * existing person by wecom_userid, then dingtalk_userid, then mobile, else
 * created. Every bad row is reported and then nothing is written; otherwise
 * one transaction writes everything, reactivates returning people, with
 * `prune` deactivates (never deletes) people absent from the file, and bumps
 * the directory version so running services reload.
 */
export async function importStaff(db: Database, csvText: string, opts: { prune?: boolean; now: Date }): Promise<ImportResult> {
  const { rows, errors: unreadable } = readRows(csvText);
  const fileErrors = [...unreadable, ...duplicatesInFile(rows)];
  if (opts.prune && rows.length === 0 && fileErrors.length === 0) {
    fileErrors.push({ line: 1, message: '文件只有表头、没有任何人员：--prune 会停用名单上的所有人，已取消' });
  }
  // Matching and writing share the transaction: the directory cannot change between them.
  return db.tx(async (sql) => {
    const everyone = (await sql.all(`SELECT ${PERSON_COLUMNS} FROM staff`)).map(toPerson);
    const { matches, errors: conflicts } = matchRows(rows, everyone);
    const errors = byLine([...fileErrors, ...conflicts]);
    if (errors.length) return { ok: false, created: 0, updated: 0, unchanged: 0, deactivated: 0, errors };
    return { ok: true, ...(await writeRows(sql, rows, matches, opts.prune ? everyone : [], opts.now)), errors: [] };
  });
}

/** Writes a checked file in batches; `pruning` are the people to deactivate when absent from it. */
async function writeRows(sql: Sql, rows: StaffRow[], matches: Map<StaffRow, Person>, pruning: Person[], now: Date) {
  const at = now.toISOString();
  const created = rows.filter((row) => !matches.has(row));
  const changed = rows.filter((row) => matches.has(row) && differs(matches.get(row)!, row));
  const present = new Set([...matches.values()].map((p) => p.id));
  const absent = pruning.filter((p) => p.active && !present.has(p.id)).map((p) => p.id);
  // Free every identifier that moves first, so two people swapping one cannot trip a unique index half-way.
  const moving = changed.filter((row) => KEYS.some(([key]) => matches.get(row)![key] !== row[key])).map((row) => matches.get(row)!.id);
  await inChunks(moving, (ids) => sql.run(`UPDATE staff SET wecom_userid = NULL, dingtalk_userid = NULL, mobile = NULL WHERE id IN (${marks(ids.length)})`, ids));
  await inChunks(changed, (chunk) => updatePeople(sql, chunk.map((row) => [matches.get(row)!.id, ...fields(row)]), at));
  await inChunks(created, (chunk) =>
    sql.run(
      `INSERT INTO staff (name, window_name, role, wecom_userid, dingtalk_userid, mobile, active, created_at, updated_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((row) => [...fields(row), true, at, at]),
    ),
  );
  await inChunks(absent, (ids) => sql.run(`UPDATE staff SET active = ?, updated_at = ? WHERE id IN (${marks(ids.length)})`, [false, at, ...ids]));
  await bumpDirectoryVersion(sql, now);
  return { created: created.length, updated: changed.length, unchanged: matches.size - changed.length, deactivated: absent.length };
}

/** Parses the CSV, checks the header and each row on its own; reports every problem, not only the first. */
function readRows(csvText: string): { rows: StaffRow[]; errors: ImportProblem[] } {
  const read = readCsvRows(csvText, STAFF_HEADER);
  const rows: StaffRow[] = [];
  const errors: ImportProblem[] = [...read.errors];
  for (const { line, record } of read.rows) {
    const checked = checkRow(record, line);
    if (typeof checked === 'string') errors.push({ line, message: checked });
    else rows.push(checked);
  }
  return { rows, errors };
}

/** One row read on its own: the row, or every reason it is refused. */
function checkRow(record: string[], line: number): StaffRow | string {
  const problems: string[] = [];
  if (record.length !== STAFF_HEADER.length) problems.push(`应有 ${STAFF_HEADER.length} 列，实际 ${record.length} 列`);
  const [name = '', window = '', roleRaw = '', wecom = '', dingtalk = '', mobileRaw = ''] = record;
  const role = roleRaw.toLowerCase();
  if (!name) problems.push('姓名为空');
  if (role && !ROLES.includes(role as Role)) problems.push(`角色「${roleRaw}」无效（应为 staff、lead、leader、admin 或 guard，留空即 staff）`);
  const mobile = mobileRaw ? normaliseMobile(mobileRaw) : null;
  if (mobileRaw && !mobile) problems.push(`手机号「${mobileRaw}」格式不正确（应为 11 位大陆手机号，可带 +86）`);
  if (!wecom && !dingtalk && !mobileRaw) problems.push('企业微信账号、钉钉账号、手机号至少填写一项，否则无法联系或识别此人');
  for (const [value, column] of [[name, 'name'], [window, 'window'], [wecom, 'wecom_userid'], [dingtalk, 'dingtalk_userid']]) {
    if (value.length > MAX_LENGTH) problems.push(`${column} 超过 ${MAX_LENGTH} 个字符`);
  }
  if (problems.length) return problems.join('；');
  return { line, name, window, role: (role || 'staff') as Role, wecomUserId: wecom || null, dingtalkUserId: dingtalk || null, mobile };
}

/** The same identifier on two lines of the file: reported on the later line, naming the earlier. */
function duplicatesInFile(rows: StaffRow[]): ImportProblem[] {
  const errors: ImportProblem[] = [];
  for (const [key, label] of KEYS) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const value = row[key];
      if (!value) continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, row.line);
      else errors.push({ line: row.line, message: `${label}「${value}」与第 ${first} 行重复` });
    }
  }
  return errors;
}

/**
 * Finds the existing person of each row (its first identifier that someone
 * holds), from maps built once. Refuses two rows for one person, and a row
 * whose other identifiers belong to someone else — unless the file gives that
 * person a different value, which moves the identifier between them.
 */
function matchRows(rows: StaffRow[], everyone: Person[]): { matches: Map<StaffRow, Person>; errors: ImportProblem[] } {
  const holders = new Map(KEYS.map(([key]) => [key, new Map(everyone.filter((p) => p[key]).map((p) => [p[key]!, p]))]));
  const holderOf = (row: StaffRow, key: Key) => (row[key] ? holders.get(key)!.get(row[key]!) : undefined);
  const matches = new Map<StaffRow, Person>();
  const rowOfPerson = new Map<number, StaffRow>();
  const errors: ImportProblem[] = [];
  for (const row of rows) {
    const key = KEYS.map(([k]) => k).find((k) => holderOf(row, k));
    if (!key) continue;
    const person = holderOf(row, key)!;
    const earlier = rowOfPerson.get(person.id);
    if (earlier) {
      // Two rows with the same identifier are already reported as duplicates.
      if (earlier[key] !== row[key]) errors.push({ line: row.line, message: `与第 ${earlier.line} 行是同一人（${who(person)}）` });
      continue;
    }
    matches.set(row, person);
    rowOfPerson.set(person.id, row);
  }
  for (const [row, person] of matches) {
    for (const [key, label] of KEYS) {
      const other = holderOf(row, key);
      if (!other || other.id === person.id) continue;
      // The other holder's own row either gives the identifier up (a move) or repeats it (reported as a duplicate).
      if (rowOfPerson.has(other.id)) continue;
      errors.push({ line: row.line, message: `${label}「${row[key]}」属于${who(other)}，而本行对应的是${who(person)}；如要转给本行，请在文件中同时列出${other.name}并改掉此项` });
    }
  }
  return { matches, errors };
}

function who(p: Person): string {
  return `${p.name}（${p.window || '无窗口'}${p.active ? '' : '，已停用'}）`;
}

function fields(row: StaffRow): (string | null)[] {
  return [row.name, row.window, row.role, row.wecomUserId, row.dingtalkUserId, row.mobile];
}

function differs(p: Person, row: StaffRow): boolean {
  return !p.active || p.name !== row.name || p.window !== row.window || p.role !== row.role || KEYS.some(([key]) => p[key] !== row[key]);
}

/** Updates (and reactivates) many people in one statement: `values` rows are [id, ...fields]. */
function updatePeople(sql: Sql, values: (string | number | null)[][], at: string) {
  return sql.run(
    `WITH v (id, name, window_name, role, wecom_userid, dingtalk_userid, mobile) AS (VALUES ${values.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')})
     UPDATE staff SET name = v.name, window_name = v.window_name, role = v.role, wecom_userid = v.wecom_userid,
            dingtalk_userid = v.dingtalk_userid, mobile = v.mobile, active = ?, updated_at = ?
       FROM v WHERE staff.id = CAST(v.id AS INTEGER)`,
    [...values.flat(), true, at],
  );
}

async function inChunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
