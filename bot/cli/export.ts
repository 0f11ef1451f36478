import { parseArgs } from 'node:util';
import { writeExport } from '../export/write';
import { CliError, type CliCommand } from './context';

/** A real calendar date written YYYY-MM-DD (2026-11-31 is not one). */
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** `export --from YYYY-MM-DD --to YYYY-MM-DD --out file.csv|file.xlsx [--history]` (SPEC §6). */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export --from 2026-11-01 --to 2026-11-22 --out report.xlsx|report.csv [--history]',
  async run(argv, { db, config, out }) {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, history: { type: 'boolean' } },
    });
    const { from, to, out: file, history = false } = values;
    if (!from || !to || !file) throw new CliError(`--from, --to and --out are required\nusage: ${this.usage}`, 2);
    for (const [flag, value] of [['--from', from], ['--to', to]]) {
      if (!isDate(value)) throw new CliError(`${flag} takes a real date written YYYY-MM-DD, not "${value}"`, 2);
    }
    if (from > to) throw new CliError(`--from ${from} is after --to ${to}`, 2);
    if (!/\.(csv|xlsx)$/i.test(file)) throw new CliError(`--out must name a .csv or .xlsx file, not "${file}"`, 2);

    const counts = await writeExport(db, { from, to, history, timezone: config.timezone }, file).catch((err: NodeJS.ErrnoException) => {
      if (err.syscall) throw new CliError(`cannot write ${file}: ${err.message}`);
      throw err;
    });
    const extra = /\.xlsx$/i.test(file) ? `，异常 ${counts.alerts} 条，排班 ${counts.rosters} 条` : '';
    out(`已导出 ${from} 至 ${to} 的体温记录 ${counts.reports} 条${history ? '（含被更正的历史记录）' : ''}${extra} → ${file}`);
  },
};
