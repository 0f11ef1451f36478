import type Router from '@koa/router';
import type { Platform } from '../../entities';
import type { Dispatch, IncomingMessage } from '../message';
import type { Channel } from '../outbox/channel';
import type { InboundLink } from './long-connection';

/** Where an outbox message goes: a channel and a recipient within it. */
export interface Destination {
  channel: string;
  target: string;
}

/**
 * One platform at the edge (WeCom, DingTalk, the local simulator): it verifies
 * and decodes callbacks into neutral messages, and provides the channels that
 * deliver outbound ones. Handlers never import an adapter.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Mounts the platform's callback routes (none when it receives on a long connection); each decoded message goes to `dispatch`. */
  mount(router: Router, dispatch: Dispatch): void;
  /** The long connection messages arrive on, when the service dials out instead of being called. */
  readonly link?: InboundLink;
  /** True when the platform also calls this service's routes beside its link (the WeCom app beside the intelligent bot). */
  readonly httpInbound?: boolean;
  /** The outbox channels this platform delivers through. */
  readonly channels: Channel[];
  /** Where a direct message to one of this platform's users goes. */
  personDestination(userId: string): Destination;
  /** Where pushes to the leadership group go on this platform (empty when none is configured). */
  readonly leaderDestinations: Destination[];
  /**
   * Where the reply to a message goes when the platform replies by API rather
   * than in the HTTP answer (DingTalk). Absent: the reply is the HTTP answer.
   */
  replyDestination?(message: IncomingMessage): Destination | null;
  /** Where the update of a tapped card goes (its button replaced by who did it and when); absent or null: the platform has none. */
  cardUpdateDestination?(message: IncomingMessage): Destination | null;
}
