import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'merged';

/**
 * One outbound message, written in the same transaction as its cause and sent by
 * the dispatcher (SPEC §2): nothing queued is lost, failures stay visible.
 *
 * Schema changes: adding a nullable column is safe under `synchronize`, but on
 * PostgreSQL TypeORM applies a changed type or length by dropping and re-adding
 * the column, which fails on a non-empty table (or loses its data): run
 * `ALTER TABLE outbox ALTER COLUMN … TYPE …` by hand first.
 */
@Entity('outbox')
@Index('ix_outbox_due', ['status', 'nextAttemptAt'])
@Index('ix_outbox_sent', ['sentAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Which sender delivers it, e.g. wecom-user, wecom-robot, wecom-appchat. */
  @Column({ type: 'varchar', length: 32 })
  channel: string;

  /** The recipient within the channel: a user id, `leaders` for the configured leadership group, or a reply session. */
  @Column({ type: 'varchar', length: 1024 })
  target: string;

  /** What the per-target rate limit counts against. */
  @Column({ name: 'rate_key', type: 'varchar', length: 160 })
  rateKey: string;

  /** reply, alert, notice, nudge, summary: alerts and notices to a group may be merged. */
  @Column({ type: 'varchar', length: 16 })
  category: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'varchar', length: 24 })
  nextAttemptAt: string;

  /** While sending: until when this dispatcher holds it; a crashed holder's claim expires. */
  @Column({ name: 'lease_until', type: 'varchar', length: 24, nullable: true })
  leaseUntil: string | null;

  /** While sending: the claim token of the dispatcher holding it; only that one may settle the row. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'sent_at', type: 'varchar', length: 24, nullable: true })
  sentAt: string | null;

  @Column({ name: 'merged_into_id', type: 'integer', nullable: true })
  mergedIntoId: number | null;

  /** An image message: the outbound_image it sends, `body` being its caption; null for a text message. */
  @Column({ name: 'image_id', type: 'integer', nullable: true })
  imageId: number | null;

  /** The actions a person may take by a tap (SPEC §16), JSON `[{label, command}]`; null when the message has none. */
  @Column({ type: 'text', nullable: true })
  actions: string | null;
}
