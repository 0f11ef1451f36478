import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Router from '@koa/router';
import type { Database } from '../../db/database';
import { readBody } from '../../http/read-body';
import type { Dispatch } from '../../message';
import type { Channel } from '../../outbox/channel';
import type { Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';

/** One message the simulator "delivered": to a person, or to the leadership group. */
export interface LocalDelivery {
  seq: number;
  to: string;
  body: string;
  at: string;
}

export interface LocalAdapter extends PlatformAdapter {
  /** What the outbox delivered through the simulator, oldest first (the last 500). */
  readonly deliveries: LocalDelivery[];
}

/** The page, read on first request (beside this module, or beside the built bundle in dist/). */
let page: string | undefined;
const simulatorPage = () => (page ??= readFileSync(new URL('./simulator.html', import.meta.url), 'utf8'));

/**
 * The local chat simulator (GET /): try the bot in a browser as any person of
 * the directory, with no platform configured. Its channels deliver into memory.
 */
export function createLocalAdapter({ clock, db }: { clock: Clock; db: Database }): LocalAdapter {
  const deliveries: LocalDelivery[] = [];
  let seq = 0;
  const channel = (name: string, group: boolean): Channel => ({
    name,
    perMinute: 1000,
    maxRecipients: 1,
    maxBytes: 20000,
    group,
    rateKey: (target) => `${name}:${target}`,
    async send(targets, body) {
      for (const to of targets) deliveries.push({ seq: ++seq, to, body, at: clock.now().toISOString() });
      deliveries.splice(0, Math.max(0, deliveries.length - 500));
      return {};
    },
  });

  return {
    platform: 'local',
    channels: [channel('local-user', false), channel('local-group', true)],
    leaderDestinations: [{ channel: 'local-group', target: 'leaders' }],
    personDestination: (userId) => ({ channel: 'local-user', target: userId }),
    deliveries,
    mount(router: Router, dispatch: Dispatch) {
      router.get('/', (ctx) => {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = simulatorPage();
      });
      router.get('/local/people', async (ctx) => {
        ctx.body = await db.all('SELECT id, name, window_name AS "window", role FROM staff WHERE active = ? ORDER BY window_name, name', [true]);
      });
      router.get('/local/feed', (ctx) => {
        const since = Number(ctx.query.since ?? 0);
        ctx.body = deliveries.filter((d) => d.seq > since);
      });
      router.post('/local/message', async (ctx) => {
        const input = parseJson(await readBody(ctx));
        if (typeof input?.userId !== 'string' || typeof input.text !== 'string') return ctx.throw(400, 'expected JSON {"userId": "...", "text": "..."}');
        const now = clock.now();
        const result = await dispatch({
          platform: 'local',
          userId: input.userId,
          isGroup: false,
          kind: 'text',
          text: input.text,
          messageId: randomUUID(),
          receivedAt: now,
          platformTime: now,
        });
        ctx.body = { reply: result.reply };
      });
    },
  };
}

function parseJson(text: string): { userId?: unknown; text?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' ? (value as { userId?: unknown; text?: unknown }) : null;
  } catch {
    return null;
  }
}
