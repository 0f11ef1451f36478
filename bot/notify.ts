import type { Platform } from '../entities';
import type { Destination, PlatformAdapter } from './adapters/adapter';
import type { Sql } from './db/database';
import type { Person } from './directory/directory';
import type { Logger } from './log';
import type { IncomingMessage } from './message';
import type { Action } from './outbox/actions';
import type { Outbox, OutboxCategory as Category } from './outbox/outbox';

export type { Category };

/**
 * Decides where a message to a person or to the leadership group goes, and
 * queues it in the caller's transaction (the durable outbox).
 */
export class Notifier {
  private readonly byPlatform: Map<Platform, PlatformAdapter>;

  constructor(
    private readonly outbox: Outbox,
    adapters: PlatformAdapter[],
    private readonly log: Logger,
  ) {
    this.byPlatform = new Map(adapters.map((a) => [a.platform, a]));
  }

  /** Every configured leadership channel, on every platform (SPEC §2). */
  get leaderDestinations(): Destination[] {
    return [...this.byPlatform.values()].flatMap((a) => a.leaderDestinations);
  }

  /** Queues a push to the leadership group, with the actions a chat with cards offers as buttons; false when no leadership channel is configured. */
  async toLeaders(sql: Sql, body: string, category: Category, actions?: Action[]): Promise<boolean> {
    const destinations = this.leaderDestinations;
    if (destinations.length === 0) {
      this.log.warn({ category }, 'no leadership channel configured; push kept only in the database');
      return false;
    }
    for (const to of destinations) await this.outbox.enqueue(sql, to, body, category, actions);
    return true;
  }

  /** Queues an image (kept by saveImage in this transaction) to every leadership channel; false when there is none. */
  async imageToLeaders(sql: Sql, imageId: number, caption: string, category: Category): Promise<boolean> {
    const destinations = this.leaderDestinations;
    for (const to of destinations) await this.outbox.enqueueImage(sql, to, imageId, caption, category);
    return destinations.length > 0;
  }

  /** Queues a direct message to a person, on the platform they last used (else WeCom, else DingTalk). */
  async toPerson(sql: Sql, person: Person, body: string, category: Category): Promise<boolean> {
    const to = this.personDestination(person);
    if (!to) {
      this.log.warn({ staffId: person.id, category }, 'person has no user id on any configured platform');
      return false;
    }
    await this.outbox.enqueue(sql, to, body, category);
    return true;
  }

  /**
   * Queues messages to many people (nudges, reminders) in as few statements as
   * possible; returns how many could be reached.
   */
  async toPeople(sql: Sql, messages: { person: Person; body: string; actions?: Action[] }[], category: Category): Promise<number> {
    const items = messages.flatMap(({ person, body, actions }) => {
      const to = this.personDestination(person);
      return to ? [{ to, body, actions }] : [];
    });
    if (items.length < messages.length) this.log.warn({ unreachable: messages.length - items.length, category }, 'people with no user id on any configured platform');
    await this.outbox.enqueueMany(sql, items, category);
    return items.length;
  }

  /** Queues a message to a platform user who wrote to us (the rest of a long reply). */
  async toUser(sql: Sql, platform: Platform, userId: string, body: string): Promise<void> {
    const adapter = this.byPlatform.get(platform);
    if (adapter) await this.outbox.enqueue(sql, adapter.personDestination(userId), body, 'reply');
  }

  /** Where the reply to a message goes when its platform replies by API; null when the reply is the HTTP answer. */
  replyDestination(message: IncomingMessage): Destination | null {
    return this.byPlatform.get(message.platform)?.replyDestination?.(message) ?? null;
  }

  /** Queues a reply to go by API (the platform's reply destination), in the message's transaction. */
  async reply(sql: Sql, to: Destination, body: string): Promise<void> {
    await this.outbox.enqueue(sql, to, body, 'reply');
  }

  /** Queues the update of a tapped card (its button becomes `label`), when the message's platform updates cards. */
  async updateCard(sql: Sql, message: IncomingMessage, label: string): Promise<void> {
    const to = this.byPlatform.get(message.platform)?.cardUpdateDestination?.(message);
    if (to) await this.outbox.enqueue(sql, to, label, 'reply');
  }

  /** Where a direct message to this person goes now, or null when unreachable. */
  personDestination(person: Person): Destination | null {
    const order: Platform[] = [...(person.lastPlatform ? [person.lastPlatform] : []), 'wecom', 'dingtalk', 'local'];
    for (const platform of order) {
      const adapter = this.byPlatform.get(platform);
      const userId = userIdOn(person, platform);
      if (adapter && userId) return adapter.personDestination(userId);
    }
    return null;
  }
}

function userIdOn(person: Person, platform: Platform): string | null {
  if (platform === 'wecom') return person.wecomUserId;
  if (platform === 'dingtalk') return person.dingtalkUserId;
  return String(person.id);
}
