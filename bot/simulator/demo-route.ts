import type { Context } from 'koa';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { DemoRefused, seedDemo } from '../demo/demo';
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
}

/**
 * POST /local/demo: fills an empty directory with the demonstration hall
 * (the same as `npm run cli -- demo`) and answers what it loaded; 409 with the
 * reason when the database already holds a real directory.
 */
export async function loadDemo(ctx: Context, deps: DemoRouteDeps): Promise<void> {
  try {
    const result = await seedDemo({ db: deps.db, config: deps.config, log: deps.log, now: deps.clock.now() });
    // The simulator's next message must find the new people at once, not after the cache's next check.
    deps.directory.invalidate();
    deps.kickOutbox();
    ctx.set('Cache-Control', 'no-store');
    ctx.body = result;
  } catch (err) {
    if (err instanceof DemoRefused) return refuse(ctx, 409, err.message);
    throw err;
  }
}
