import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { AuditAction } from '../../entities';
import type { Database } from '../db/database';
import { writeVisitorExport } from '../export/visitors';
import { writeExport } from '../export/write';
import { audit } from '../privacy/audit';
import { CliError, type CliCommand } from './context';

/** A real calendar date written YYYY-MM-DD (2026-11-31 is not one). */
export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const USAGE = 'export --from 2026-11-01 --to 2026-11-22 --out report.xlsx|report.csv [--history] | export visitors --from 2026-11-01 --to 2026-11-22 --out visitors.xlsx|visitors.csv';

/** The operator at the shell, as the audit log names them. */
export function cliActor(): string {
  return `cli（${userInfo().username}）`;
}

/** Writes a personal-data export and its audit line; a file that cannot be written is the operator's problem, not a stack. */
async function exported<T>(db: Database, action: AuditAction, detail: string, write: () => Promise<T>): Promise<T> {
  const result = await write().catch((err: NodeJS.ErrnoException) => {
    if (err.syscall) throw new CliError(`cannot write ${detail.split(' → ')[1]}: ${err.message}`);
    throw err;
  });
  await db.tx((sql) => audit(sql, { actor: cliActor(), action, detail, now: new Date() }));
  return result;
}

/**
 * `export --from YYYY-MM-DD --to YYYY-MM-DD --out file.csv|file.xlsx [--history]` (SPEC §6) and
 * `export visitors --from … --to … --out visitors.csv|visitors.xlsx` (SPEC §12, phones in full).
 * Both hold personal data: each export is written to the audit log.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  async run(argv, { db, config, out }) {
    const visitors = argv[0] === 'visitors';
    const { values } = parseArgs({
      args: visitors ? argv.slice(1) : argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, history: { type: 'boolean' } },
    });
    const { from, to, out: file, history = false } = values;
    if (!from || !to || !file) throw new CliError(`--from, --to and --out are required\nusage: ${USAGE}`, 2);
    for (const [flag, value] of [['--from', from], ['--to', to]]) {
      if (!isDate(value)) throw new CliError(`${flag} takes a real date written YYYY-MM-DD, not "${value}"`, 2);
    }
    if (from > to) throw new CliError(`--from ${from} is after --to ${to}`, 2);
    if (!/\.(csv|xlsx)$/i.test(file)) throw new CliError(`--out must name a .csv or .xlsx file, not "${file}"`, 2);
    const detail = `${from} 至 ${to} → ${file}`;

    if (visitors) {
      const count = await exported(db, 'export-visitors', detail, () => writeVisitorExport(db, { from, to, timezone: config.timezone }, file));
      out(`已导出 ${from} 至 ${to} 的访客登记 ${count} 条（含完整手机号，已记入审计日志）→ ${file}`);
      return;
    }
    const counts = await exported(db, 'export-reports', detail, () => writeExport(db, { from, to, history, timezone: config.timezone }, file));
    const extra = /\.xlsx$/i.test(file) ? `，异常 ${counts.alerts} 条，排班 ${counts.rosters} 条，访客异常 ${counts.visitorAnomalies} 条` : '';
    out(`已导出 ${from} 至 ${to} 的体温记录 ${counts.reports} 条${history ? '（含被更正的历史记录）' : ''}${extra} → ${file}`);
  },
};
