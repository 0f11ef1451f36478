import { parseArgs } from 'node:util';
import { writeExport } from '../export/write';
import { CliError, type CliCommand } from './context';

const isDate = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** `export --from YYYY-MM-DD --to YYYY-MM-DD --out file.csv|file.xlsx [--history]` (SPEC §6). */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export --from 2026-11-01 --to 2026-11-22 --out report.xlsx|report.csv [--history]',
  async run(argv, { db, config, out }) {
    const { values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, history: { type: 'boolean' } } });
    if (!isDate(values.from) || !isDate(values.to)) throw new CliError('--from and --to take real dates as YYYY-MM-DD', 2);
    if (values.from > values.to) throw new CliError(`--from ${values.from} is after --to ${values.to}`, 2);
    if (!values.out || !/\.(csv|xlsx)$/i.test(values.out)) throw new CliError('--out must name a .csv or .xlsx file', 2);
    const count = await writeExport(db, { from: values.from, to: values.to, history: Boolean(values.history), timezone: config.timezone }, values.out);
    out(`已导出 ${count} 条体温记录（${values.from} 至 ${values.to}${values.history ? '，含已更正的历史记录' : ''}）到 ${values.out}`);
  },
};
