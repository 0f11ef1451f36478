import type { Context } from 'koa';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Directory } from '../directory/directory';
import type { Logger } from '../log';
import type { Clock } from '../time';
import { refuse } from './guard';

/** What loading the demonstration hall needs from the service. */
export interface DemoRouteDeps {
  db: Database;
  config: Config;
  log: Logger;
  clock: Clock;
  directory: Directory;
  kickOutbox: () => void;
  /** Adds a message to the simulator's feed as delivered at `at`. */
  record: (to: string, body: string, at: string) => Promise<void>;
}

/**
 * POST /local/demo: fills an empty directory with the demonstration hall
 * (the same as `npm run cli -- demo`) and answers what it loaded; 409 with the
 * reason when the database already holds a real directory.
 */
export async function loadDemo(ctx: Context, deps: DemoRouteDeps): Promise<void> {
  // Loaded when asked for: the demo builds a service of its own, so a static import would make a cycle through service.ts.
  const { DemoRefused, seedDemo } = await import('../demo/demo');
  try {
    const result = await seedDemo({ db: deps.db, config: deps.config, log: deps.log, now: deps.clock.now() });
    // The simulator's next message must find the new people at once, not after the cache's next check.
    deps.directory.invalidate();
    if (!result.alreadyLoaded) await showOpenAlerts(deps);
    deps.kickOutbox();
    ctx.set('Cache-Control', 'no-store');
    ctx.body = result;
  } catch (err) {
    if (err instanceof DemoRefused) return refuse(ctx, 409, err.message);
    throw err;
  }
}

/**
 * The history's pushes went out before the page was open, so the leadership
 * pane would start empty: it shows the pushes of the alerts still open, as
 * the group received them, for a newcomer to see what awaits 处置.
 */
async function showOpenAlerts(deps: DemoRouteDeps): Promise<void> {
  const pushes = await deps.db.all<{ body: string; at: string | Date }>(
    `SELECT o.body, o.created_at AS at FROM outbox o JOIN alert a ON o.body LIKE '【防疫告警 #' || a.id || '｜%'
      WHERE a.status = 'open' AND o.channel = 'local-group' AND o.category = 'alert' ORDER BY o.id`,
  );
  for (const push of pushes) await deps.record('leaders', push.body, new Date(push.at).toISOString());
}
