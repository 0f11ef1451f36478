import { parseArgs } from 'node:util';
import { seedCity } from '../demo/seed';
import { CliError, type CliCommand } from './context';

/** `seed --staff 100000 --windows 400 [--reports-on YYYY-MM-DD] [--rosters-for YYYY-MM-DD]`: a synthetic city, for benchmarks only. */
export const seedCommand: CliCommand = {
  name: 'seed',
  usage: 'seed --staff 100000 --windows 400 [--reports-on 2026-11-23] [--rosters-for 2026-11-24]   (benchmarks only: an empty database)',
  async run(argv, { db, out }) {
    const { values } = parseArgs({ args: argv, options: { staff: { type: 'string' }, windows: { type: 'string' }, 'reports-on': { type: 'string' }, 'rosters-for': { type: 'string' } } });
    const staff = Number(values.staff ?? 100_000);
    const windows = Number(values.windows ?? 400);
    if (!Number.isInteger(staff) || staff < 10 || !Number.isInteger(windows) || windows < 1 || windows > staff) throw new CliError('--staff and --windows take whole numbers (staff ≥ 10, windows ≤ staff)', 2);
    const [existing] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM staff');
    if (Number(existing.n) > 0) throw new CliError('seed fills an empty database only: this one already has staff', 1);
    const started = performance.now();
    const result = await seedCity(db, { staff, windows, reportsOn: values['reports-on'], rostersFor: values['rosters-for'], now: new Date() });
    out(`seeded ${result.staff} staff in ${windows} windows, ${result.reports} reports, ${result.rosters} rosters in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
};
