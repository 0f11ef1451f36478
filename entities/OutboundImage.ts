import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A picture the bot sends (the daily brief's chart), kept once for every
 * outbox row that carries it: the group robot sends its bytes, the app chat
 * uploads them, DingTalk fetches them from a signed link (`/images/<id>.png`).
 * Stored as base64 text so that one column type serves SQLite and PostgreSQL.
 */
@Entity('outbound_image')
export class OutboundImage {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** What it shows, e.g. `daily-brief`. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'png_base64', type: 'text' })
  pngBase64: string;

  /** Lowercase hex MD5 of the PNG bytes (the WeCom group robot's `image.md5`). */
  @Column({ type: 'varchar', length: 32 })
  md5: string;

  /** Size of the PNG in bytes. */
  @Column({ type: 'integer' })
  bytes: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}
