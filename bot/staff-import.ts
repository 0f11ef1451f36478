import { parse } from 'csv-parse/sync';
import type { Role } from '../entities';
import type { Database, Sql } from './db/database';
import { bumpDirectoryVersion, PERSON_COLUMNS, toPerson, type Person } from './directory';

/** The exact header SPEC §4 names. */
export const STAFF_HEADER = ['name', 'window', 'role', 'wecom_userid', 'dingtalk_userid', 'mobile'];
const ROLES: Role[] = ['staff', 'lead', 'leader', 'admin'];

export interface ImportResult {
  ok: boolean;
  created: number;
  updated: number;
  deactivated: number;
  /** Bad rows, by the line a text editor shows (the header is line 1). */
  errors: { line: number; message: string }[];
}

interface Row {
  line: number;
  name: string;
  window: string;
  role: Role;
  wecomUserId: string | null;
  dingtalkUserId: string | null;
  mobile: string | null;
}

/** Mainland mobile numbers, with an optional +86 and any spaces or dashes. */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? digits : null;
}

/** Reads and checks every row; all problems are reported, not only the first. */
function readRows(csv: string): { rows: Row[]; errors: ImportResult['errors'] } {
  const errors: ImportResult['errors'] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, info: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    return { rows: [], errors: [{ line: (err as { lines?: number }).lines ?? 1, message: `CSV 格式错误：${(err as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header || header.record.join(',') !== STAFF_HEADER.join(',')) {
    return { rows: [], errors: [{ line: 1, message: `表头应为 ${STAFF_HEADER.join(',')}，实际为 ${header?.record.join(',') ?? '（空文件）'}` }] };
  }
  const rows: Row[] = [];
  let previousEnd = header.info.lines;
  for (const { record, info } of data) {
    // A record may span lines (a quoted newline): report the line it starts on.
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((field) => field === '')) continue;
    const problems: string[] = [];
    if (record.length !== STAFF_HEADER.length) problems.push(`应有 ${STAFF_HEADER.length} 列，实际 ${record.length} 列`);
    const [name = '', window = '', role = '', wecom = '', dingtalk = '', mobileRaw = ''] = record;
    if (!name) problems.push('姓名为空');
    if (role && !ROLES.includes(role as Role)) problems.push(`角色「${role}」无效（应为 staff、lead、leader 或 admin）`);
    const mobile = mobileRaw ? normaliseMobile(mobileRaw) : null;
    if (mobileRaw && !mobile) problems.push(`手机号「${mobileRaw}」格式不正确`);
    if (!wecom && !dingtalk && !mobileRaw) problems.push('企业微信账号、钉钉账号、手机号至少填写一项');
    if (problems.length) errors.push({ line, message: problems.join('；') });
    else rows.push({ line, name, window, role: (role || 'staff') as Role, wecomUserId: wecom || null, dingtalkUserId: dingtalk || null, mobile });
  }
  return { rows, errors };
}

/** The same id or mobile on two lines of the file. */
function duplicatesInFile(rows: Row[]): ImportResult['errors'] {
  const errors: ImportResult['errors'] = [];
  for (const [key, label] of [['wecomUserId', '企业微信账号'], ['dingtalkUserId', '钉钉账号'], ['mobile', '手机号']] as const) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const value = row[key];
      if (!value) continue;
      const first = seen.get(value);
      if (first !== undefined) errors.push({ line: row.line, message: `${label}「${value}」与第 ${first} 行重复` });
      else seen.set(value, row.line);
    }
  }
  return errors;
}

/**
 * Upserts the staff directory from CSV in one transaction (SPEC §4): a row is
 * matched by wecom_userid, then dingtalk_userid, then mobile; any bad row
 * means nothing is written. `prune` deactivates people absent from the file.
 */
export async function importStaff(db: Database, csv: string, opts: { prune?: boolean; now: Date }): Promise<ImportResult> {
  const { rows, errors } = readRows(csv);
  errors.push(...duplicatesInFile(rows));
  const everyone = (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff`)).map(toPerson);
  const index = (key: 'wecomUserId' | 'dingtalkUserId' | 'mobile') => new Map(everyone.filter((p) => p[key]).map((p) => [p[key] as string, p]));
  const byWecom = index('wecomUserId');
  const byDingtalk = index('dingtalkUserId');
  const byMobile = index('mobile');

  // A row is the person its first identifier finds (wecom_userid, then dingtalk_userid, then mobile).
  const keys = [['wecomUserId', byWecom], ['dingtalkUserId', byDingtalk], ['mobile', byMobile]] as const;
  const found = (row: Row) => keys.map(([key, map]) => ({ key, person: row[key] ? map.get(row[key]!) : undefined }));
  const matches = new Map<Row, Person | undefined>(rows.map((row) => [row, found(row).find((f) => f.person)?.person]));
  const rowOf = new Map([...matches].filter(([, p]) => p).map(([row, p]) => [p!.id, row]));
  for (const row of rows) {
    const match = matches.get(row);
    for (const { key, person } of found(row)) {
      if (!person || person.id === match?.id) continue;
      // Another person holds this identifier: fine only if the file gives them a different one (a swap).
      const theirs = rowOf.get(person.id);
      if (!theirs || theirs[key] === row[key]) {
        errors.push({ line: row.line, message: `${key === 'mobile' ? '手机号' : '账号'}「${row[key]}」已属于名单中的${person.name}${match ? `，而本行其他信息对应${match.name}` : ''}` });
      }
    }
  }
  if (errors.length) return { ok: false, created: 0, updated: 0, deactivated: 0, errors: errors.sort((a, b) => a.line - b.line) };

  return db.tx(async (sql) => {
    const result: ImportResult = { ok: true, created: 0, updated: 0, deactivated: 0, errors: [] };
    const at = opts.now.toISOString();
    const seen = new Set<number>();
    // Free every identifier the file moves, so a swap between two people cannot hit a unique index half-way.
    const moving = rows.filter((r) => matches.get(r)).map((r) => matches.get(r)!.id);
    await clearIdentifiers(sql, moving);
    for (const row of rows) {
      const values = [row.name, row.window, row.role, row.wecomUserId, row.dingtalkUserId, row.mobile, true, at];
      const match = matches.get(row);
      if (match) {
        await sql.run(
          'UPDATE staff SET name = ?, window_name = ?, role = ?, wecom_userid = ?, dingtalk_userid = ?, mobile = ?, active = ?, updated_at = ? WHERE id = ?',
          [...values, match.id],
        );
        seen.add(match.id);
        result.updated += 1;
      } else {
        await sql.run(
          'INSERT INTO staff (name, window_name, role, wecom_userid, dingtalk_userid, mobile, active, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [...values, at],
        );
        result.created += 1;
      }
    }
    if (opts.prune) {
      const absent = everyone.filter((p) => p.active && !seen.has(p.id)).map((p) => p.id);
      for (let i = 0; i < absent.length; i += 500) {
        const chunk = absent.slice(i, i + 500);
        await sql.run(`UPDATE staff SET active = ?, updated_at = ? WHERE id IN (${chunk.map(() => '?').join(', ')})`, [false, at, ...chunk]);
      }
      result.deactivated = absent.length;
    }
    await bumpDirectoryVersion(sql, opts.now);
    return result;
  });
}

async function clearIdentifiers(sql: Sql, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await sql.run(`UPDATE staff SET wecom_userid = NULL, dingtalk_userid = NULL, mobile = NULL WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
  }
}
