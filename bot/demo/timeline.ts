import type { Core } from '../core';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import type { ManualClock } from '../time';

/**
 * One thing that happens in the demonstration hall at `at`: a message a
 * person sends (its text may depend on the records so far — an alert's
 * number; null: not sent), or an operator's action.
 */
export type DemoEvent = { at: Date; name: string; text: DemoText } | { at: Date; action: (core: Core) => Promise<void> };

/** What a person sends: fixed, or made from the records when the moment comes. */
export type DemoText = string | ((sql: Sql) => Promise<string | null>);

/** A message event. */
export const says = (at: Date, name: string, text: DemoText): DemoEvent => ({ at, name, text });

/**
 * Plays the events before `until` in time order on the hand-moved clock:
 * every message through the real dispatch, as the hall would have sent it.
 * What each one queued for delivery is marked sent at the time it was queued:
 * it is in the past, and a running service's dispatcher must not deliver it
 * as new. Answers how many messages were sent.
 */
export async function play(core: Core, clock: ManualClock, events: DemoEvent[], until: Date): Promise<number> {
  const { db } = core;
  const people = new Map((await core.services.directory.active()).map((p): [string, Person] => [p.name, p]));
  const [{ last }] = await db.all<{ last: unknown }>('SELECT max(id) AS last FROM outbox');
  let sent = 0;
  for (const event of events.filter((e) => e.at < until).sort((a, b) => a.at.getTime() - b.at.getTime())) {
    clock.set(event.at);
    if ('action' in event) await event.action(core);
    else {
      const text = typeof event.text === 'string' ? event.text : await event.text(db);
      if (text === null) continue;
      const person = people.get(event.name);
      if (!person) throw new Error(`demo: no ${event.name} in the directory`);
      await core.dispatch({
        platform: 'local',
        userId: String(person.id),
        isGroup: false,
        kind: 'text',
        text,
        messageId: `demo-${++sent}`,
        receivedAt: event.at,
        platformTime: event.at,
      });
    }
    await db.run(`UPDATE outbox SET status = 'sent', sent_at = created_at WHERE status = 'pending' AND id > ?`, [Number(last ?? 0)]);
  }
  return sent;
}
