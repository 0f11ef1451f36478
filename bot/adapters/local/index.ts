import type Router from '@koa/router';
import type { JobRunner } from '../../../jobs/runner';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import type { Directory } from '../../directory/directory';
import type { Logger } from '../../log';
import type { Dispatch } from '../../message';
import type { Channel } from '../../outbox/channel';
import type { Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';
import { simulatorToken } from '../../simulator/access';
import { mountSimulator, type LocalDelivery } from '../../simulator/routes';

export type { LocalDelivery };

export interface LocalAdapter extends PlatformAdapter {
  /** What the outbox delivered through the simulator, oldest first (the last 500). */
  readonly deliveries: LocalDelivery[];
  /** The token the simulator requires, and whether it was generated at this start (to be shown once); null when none is required. */
  readonly access: { token: string; generated: boolean } | null;
}

/** What the simulator works with. */
export interface LocalAdapterOptions {
  clock: Clock;
  db: Database;
  config: Config;
  log: Logger;
  directory: Directory;
  /** The service's job runner; a function, since the service makes it after the adapters. */
  runner: () => JobRunner;
  /** Asks the outbox dispatcher to send what was just queued. */
  kickOutbox: () => void;
}

const KEPT_DELIVERIES = 500;
const SEQ_KEY = 'local_feed_seq';

/**
 * Takes `count` feed numbers from a counter kept in the database, so that
 * they keep rising across restarts: a simulator tab left open asks for
 * `since=N` and must still see what comes after a restart. Returns the first.
 */
async function takeSeqs(db: Database, count: number): Promise<number> {
  await db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [SEQ_KEY, '0']);
  const [row] = await db.all<{ value: string }>('UPDATE app_meta SET value = CAST(CAST(value AS integer) + ? AS text) WHERE key = ? RETURNING value', [count, SEQ_KEY]);
  return Number(row.value) - count + 1;
}

/**
 * The local chat simulator (GET /): play every role of the hall in a browser
 * (any person of the directory, the leadership group, the scheduled jobs)
 * with no platform configured. Its channels deliver into memory.
 */
export function createLocalAdapter(options: LocalAdapterOptions): LocalAdapter {
  const deliveries: LocalDelivery[] = [];
  const access = simulatorToken(options.config);
  const channel = (name: string, group: boolean): Channel => ({
    name,
    perMinute: 1000,
    maxRecipients: 1,
    maxBytes: 20000,
    group,
    rateKey: (target) => `${name}:${target}`,
    async send(targets, body) {
      for (const to of targets) await record(to, body, options.clock.now().toISOString());
      return {};
    },
  });
  const record = async (to: string, body: string, at: string) => {
    deliveries.push({ seq: await takeSeqs(options.db, 1), to, body, at });
    deliveries.splice(0, Math.max(0, deliveries.length - KEPT_DELIVERIES));
  };

  return {
    platform: 'local',
    channels: [channel('local-user', false), channel('local-group', true)],
    leaderDestinations: [{ channel: 'local-group', target: 'leaders' }],
    personDestination: (userId) => ({ channel: 'local-user', target: userId }),
    deliveries,
    access,
    mount(router: Router, dispatch: Dispatch) {
      mountSimulator(router, dispatch, { ...options, timezone: options.config.timezone, deliveries, record, token: access?.token ?? null });
    },
  };
}
