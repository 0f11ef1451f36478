import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The claim of a platform message id: inserted in the same transaction as the
 * records the message causes, so a re-delivery finds it and is answered with the
 * stored reply instead of acting twice (SPEC §2). The claim is per platform,
 * message id and sender: the same id from another sender is another message and
 * never gets this one's reply. A message from a sender not in the directory is
 * claimed too where its reply goes by API (DingTalk), with no text and no staff.
 */
@Entity('inbound_message')
@Unique('uq_inbound_message_claim', ['platform', 'messageId', 'senderId'])
// A sender's messages of the last minute, counted without reading their history (issue 24: a flood is slowed).
@Index('ix_inbound_message_sender_time', ['platform', 'senderId', 'receivedAt'])
export class InboundMessage {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  platform: string;

  /** WeCom MsgId (a 64-bit integer, kept as text), DingTalk msgId, or an event key. */
  @Column({ name: 'message_id', type: 'varchar', length: 128 })
  messageId: string;

  /** The sender's user id on the platform (WeCom UserID, DingTalk staffId, simulator id). */
  @Column({ name: 'sender_id', type: 'varchar', length: 128, default: '' })
  senderId: string;

  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId: number | null;

  @Column({ type: 'text' })
  text: string;

  /** The reply given, so a re-delivery gets the same answer. */
  @Column({ type: 'text', nullable: true })
  reply: string | null;

  @Column({ name: 'received_at', type: 'varchar', length: 24 })
  receivedAt: string;

  @Column({ name: 'platform_time', type: 'varchar', length: 24, nullable: true })
  platformTime: string | null;
}
