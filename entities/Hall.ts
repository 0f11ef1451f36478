import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One hall of a many-hall deployment (SPEC §15), declared by `halls import`:
 * its code, display name and leadership channels on each platform. A
 * single-hall deployment has none; its people belong to the default hall ('').
 */
@Entity('hall')
export class Hall {
  /** The short code the staff CSV's `hall` column names. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'wecom_leader_chat_id', type: 'varchar', length: 128, nullable: true })
  wecomLeaderChatId: string | null;

  /** A secret: shown masked. */
  @Column({ name: 'wecom_leader_webhook_key', type: 'varchar', length: 128, nullable: true })
  wecomLeaderWebhookKey: string | null;

  @Column({ name: 'dingtalk_leader_conversation_id', type: 'varchar', length: 128, nullable: true })
  dingtalkLeaderConversationId: string | null;

  /** A secret (its access token is in the URL): shown masked. */
  @Column({ name: 'dingtalk_leader_webhook', type: 'varchar', length: 512, nullable: true })
  dingtalkLeaderWebhook: string | null;

  /** A secret: shown masked. */
  @Column({ name: 'dingtalk_leader_secret', type: 'varchar', length: 128, nullable: true })
  dingtalkLeaderSecret: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
