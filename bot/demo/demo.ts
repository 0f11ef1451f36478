import { recordDelivery } from '../adapters/local/deliveries';
import type { Config } from '../config';
import { createCore } from '../core';
import type { Database } from '../db/database';
import { importStaff } from '../directory/staff-import';
import { importGroups } from '../groups/import';
import type { Logger } from '../log';
import { ManualClock, zonedInstant } from '../time';
import { drillEvents, weekCaseEvents } from './cases';
import { DEMO_GROUPS, DEMO_STAFF } from './hall';
import { demoPlan } from './plan';
import { play } from './timeline';
import { todayEvents } from './today';
import { weekEvents } from './week';

/** What loading the demonstration hall did. */
export interface DemoResult {
  alreadyLoaded: boolean;
  people: number;
  reports: number;
  alerts: number;
  rosters: number;
  incidents: number;
  visitors: number;
}

/** The database already holds a real directory: the demo never mixes into one. */
export class DemoRefused extends Error {}

const MARKER = 'demo_loaded_at';

/**
 * Fills an empty database with a demonstration hall whose history ends at
 * `now` (`npm run cli -- demo`, the simulator's 载入演示数据): a week of
 * rosters, readings, handled alerts, disinfection rounds and supplies, an
 * emergency closed with its report, a scored drill, and today's door, rounds,
 * a supply under its threshold and an emergency opened within the hour.
 * People and groups are imported as the administrator would; everything else
 * is a message sent through the real dispatch, in time order, on a hand-moved
 * clock, so the records are what the hall would hold. Today's pushes go to
 * the simulator's feed, as they were delivered.
 */
export async function seedDemo({ db, config, log, now }: { db: Database; config: Config; log: Logger; now: Date }): Promise<DemoResult> {
  const [{ n }] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM staff');
  if (Number(n) > 0) {
    const [marker] = await db.all('SELECT value FROM app_meta WHERE key = ?', [MARKER]);
    if (marker) return { alreadyLoaded: true, people: 0, reports: 0, alerts: 0, rosters: 0, incidents: 0, visitors: 0 };
    throw new DemoRefused('数据库中已有正式人员名单，演示数据不会混入。请换一个数据库试用，例如 DATABASE_URL=sqlite:data/demo.sqlite');
  }
  const imported = await importStaff(db, DEMO_STAFF, { now });
  if (!imported.ok) throw new Error(`demo directory rejected: ${JSON.stringify(imported.errors)}`);
  const groups = await importGroups(db, DEMO_GROUPS, { now });
  if (!groups.ok) throw new Error(`demo groups rejected: ${JSON.stringify(groups.errors)}`);
  await db.run('INSERT INTO app_meta (key, value) VALUES (?, ?)', [MARKER, now.toISOString()]);

  const clock = new ManualClock(now);
  // The demo's people are the simulator's: whatever platform is configured, its pushes go to the simulator's channels.
  const core = createCore({ config: { ...config, wecom: undefined, wecomBot: undefined, dingtalk: undefined, simulator: true }, log, clock, db });
  const plan = await demoPlan(core, now);
  const { rounds, areas } = config.disinfection;
  await play(core, clock, [...weekEvents(plan, rounds), ...weekCaseEvents(plan), ...drillEvents(plan), ...todayEvents(plan, rounds, areas)], now);
  await showToday(db, zonedInstant(plan.today, 0, 0, config.timezone));

  const count = async (table: string) => Number((await db.all<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const result = {
    alreadyLoaded: false,
    people: plan.people.size,
    reports: await count('report'),
    alerts: await count('alert'),
    rosters: await count('roster'),
    incidents: await count('incident'),
    visitors: await count('visitor'),
  };
  log.info(result, 'demo hall loaded');
  return result;
}

/**
 * The history's pushes went out before the page was open, so its panes would
 * start empty: the simulator's feed gets what today's pushes delivered, to
 * the leadership group and to each person, as they received it.
 */
async function showToday(db: Database, since: Date): Promise<void> {
  const pushes = await db.all<{ target: string; body: string; at: string | Date }>(
    `SELECT target, body, created_at AS at FROM outbox WHERE channel IN ('local-user', 'local-group') AND status = 'sent' AND created_at >= ? ORDER BY id`,
    [since.toISOString()],
  );
  for (const push of pushes) await recordDelivery(db, { to: push.target, body: push.body, at: new Date(push.at).toISOString() });
}
