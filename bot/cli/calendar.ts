import { parseArgs } from 'node:util';
import { WorkCalendar } from '../calendar';
import { CliError, type CliCommand } from './context';

const isDate = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** `calendar set <date> holiday|workday`, `calendar unset <date>`, `calendar list` (SPEC §5). */
export const calendarCommand: CliCommand = {
  name: 'calendar',
  usage: 'calendar set 2027-01-01 holiday|workday | calendar unset <date> | calendar list',
  async run(argv, { db, out }) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true });
    const [action, date, kind] = positionals;
    const calendar = new WorkCalendar(db);
    if (action === 'list') {
      const overrides = await calendar.overrides();
      if (overrides.size === 0) out('no overrides: the official calendar decides every date');
      for (const [d, k] of overrides) out(`${d}  ${k === 'holiday' ? 'holiday 休息' : 'workday 上班'}`);
      return;
    }
    if ((action === 'set' || action === 'unset') && !isDate(date)) throw new CliError('give the date as YYYY-MM-DD', 2);
    if (action === 'set' && (kind === 'holiday' || kind === 'workday')) {
      await calendar.set(date!, kind, new Date());
      out(`${date} is now a ${kind}`);
      return;
    }
    if (action === 'unset') {
      out((await calendar.unset(date!)) ? `${date}: override removed; the official calendar decides` : `${date} had no override`);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};
