import { byLine, readCsvRows, type ImportProblem } from '../csv/read-rows';
import type { Database } from '../db/database';
import { HALL_COLUMNS, hallCodes, type HallRecord } from './store';

/** The exact header SPEC §15 names: the table's columns, the code called `hall` as in the staff file. */
export const HALL_HEADER = ['hall', ...HALL_COLUMNS.slice(1).map(([column]) => column)];

/** A short code: letters, digits, `-` and `_` (it is typed after `--hall` and names a simulator feed). */
const CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** The widths of the hall columns (entities/Hall.ts); PostgreSQL refuses anything longer. */
const MAX_LENGTH: Partial<Record<keyof HallRecord, number>> = { name: 64, dingtalkLeaderWebhook: 512 };
const DEFAULT_MAX = 128;

/** What a halls import did; when `ok` is false, `errors` says why and nothing was written. */
export interface HallImportResult {
  ok: boolean;
  created: number;
  updated: number;
  errors: ImportProblem[];
}

/**
 * Declares or updates the halls from CSV (SPEC §15), matched by code. Every
 * bad line is reported and then nothing is written; otherwise one transaction
 * writes them all. A hall absent from the file stays: its people still name it.
 */
export async function importHalls(db: Database, csvText: string, opts: { now: Date }): Promise<HallImportResult> {
  const read = readCsvRows(csvText, HALL_HEADER);
  const halls: { line: number; hall: HallRecord }[] = [];
  const problems: ImportProblem[] = [...read.errors];
  const seen = new Map<string, number>();
  for (const { line, record } of read.rows) {
    const checked = checkRow(record);
    if (typeof checked === 'string') problems.push({ line, message: checked });
    else if (seen.has(checked.code)) problems.push({ line, message: `大厅代码「${checked.code}」与第 ${seen.get(checked.code)} 行重复` });
    else {
      seen.set(checked.code, line);
      halls.push({ line, hall: checked });
    }
  }
  const errors = byLine(problems);
  if (errors.length) return { ok: false, created: 0, updated: 0, errors };
  const at = opts.now.toISOString();
  return db.tx(async (sql) => {
    const existing = await hallCodes(sql);
    for (const { hall } of halls) {
      const values = HALL_COLUMNS.map(([, field]) => hall[field]);
      await sql.run(
        `INSERT INTO hall (${HALL_COLUMNS.map(([c]) => c).join(', ')}, created_at, updated_at) VALUES (${values.map(() => '?').join(', ')}, ?, ?)
         ON CONFLICT (code) DO UPDATE SET ${HALL_COLUMNS.slice(1).map(([c]) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`,
        [...values, at, at],
      );
    }
    const created = halls.filter(({ hall }) => !existing.has(hall.code)).length;
    return { ok: true, created, updated: halls.length - created, errors: [] };
  });
}

/** One line read on its own: the hall, or every reason it is refused. */
function checkRow(record: string[]): HallRecord | string {
  const problems: string[] = [];
  if (record.length !== HALL_HEADER.length) problems.push(`应有 ${HALL_HEADER.length} 列，实际 ${record.length} 列`);
  const hall = Object.fromEntries(HALL_COLUMNS.map(([, field], i) => [field, record[i] || null])) as unknown as HallRecord;
  if (!hall.code) problems.push('大厅代码（hall）为空');
  else if (!CODE.test(hall.code)) problems.push(`大厅代码「${hall.code}」无效（只用字母、数字、- 和 _，至多 32 个字符）`);
  if (!hall.name) problems.push('大厅名称（name）为空');
  for (const [column, field] of HALL_COLUMNS.slice(1)) {
    const max = MAX_LENGTH[field] ?? DEFAULT_MAX;
    if ((hall[field]?.length ?? 0) > max) problems.push(`${column} 超过 ${max} 个字符`);
  }
  if (hall.dingtalkLeaderWebhook && !/^https?:\/\/[^\s/]+/.test(hall.dingtalkLeaderWebhook)) problems.push('dingtalk_leader_webhook 应为 http(s) 地址');
  if (hall.dingtalkLeaderWebhook && !hall.dingtalkLeaderSecret) problems.push('填写 dingtalk_leader_webhook 时须同时填写 dingtalk_leader_secret（机器人的 SEC… 加签密钥）');
  return problems.length ? problems.join('；') : { ...hall, code: hall.code!, name: hall.name! };
}
