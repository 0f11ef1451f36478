import type { Sql } from '../../db/database';
import type { Channel } from '../../outbox/channel';
import type { Clock } from '../../time';
import type { PlatformAdapter } from '../adapter';
import { recordDelivery } from './deliveries';

/**
 * The local simulator as a platform: people addressed by their staff id and
 * the leadership group as `leaders`, with channels that deliver into the
 * database (table local_delivery), so that the simulator's page shows what
 * any process sent — the service, a CLI job, the demo. Its console (the page
 * and its routes) is mounted by the service beside the dashboard, never by a
 * CLI command.
 */
export function createLocalAdapter({ db, clock }: { db: Sql; clock: Clock }): PlatformAdapter {
  const channel = (name: string, group: boolean): Channel => ({
    name,
    perMinute: 1000,
    maxRecipients: 1,
    maxBytes: 20000,
    group,
    rateKey: (target) => `${name}:${target}`,
    async send(targets, body, actions) {
      for (const to of targets) await recordDelivery(db, { to, body, actions, at: clock.now().toISOString() });
      return {};
    },
    async sendImage(to, image) {
      await recordDelivery(db, { to, body: image.caption, imageId: image.id, at: clock.now().toISOString() });
    },
  });

  return {
    platform: 'local',
    channels: [channel('local-user', false), channel('local-group', true)],
    leaderDestinations: [{ channel: 'local-group', target: 'leaders' }],
    personDestination: (userId) => ({ channel: 'local-user', target: userId }),
    // The console's routes are the service's (bot/simulator), not the adapter's.
    mount: () => undefined,
  };
}
