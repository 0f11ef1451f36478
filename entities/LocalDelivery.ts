import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A message the outbox delivered through the local simulator's channels, by
 * whichever process sent it (the service, a CLI job, the demo): the
 * simulator's feed (`GET /local/feed?since=N`) reads it from here. Only the
 * newest few hundred are kept.
 */
@Entity('local_delivery')
export class LocalDelivery {
  /** The feed's number: from a counter taken in the same transaction, so rows commit in the order of their numbers. */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  /** A person's staff id, or `leaders` for the leadership group. */
  @Column({ type: 'varchar', length: 64 })
  recipient: string;

  /** The text, or an image's caption. */
  @Column({ type: 'text' })
  body: string;

  /** The picture of an image message (outbound_image.id); null for text. */
  @Column({ name: 'image_id', type: 'integer', nullable: true })
  imageId: number | null;

  @Column({ name: 'delivered_at', type: 'varchar', length: 24 })
  deliveredAt: string;

  /** The actions the message offers as buttons (SPEC §16), JSON `[{label, command}]`; null when none. */
  @Column({ type: 'text', nullable: true })
  actions: string | null;
}
