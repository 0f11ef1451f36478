import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who holds a long connection that the platform allows once per bot (the WeCom
 * intelligent bot): one instance at a time, until `expiresAt` unless renewed;
 * the others stand by (SPEC §16, issue 26 item 6).
 */
@Entity('link_lease')
export class LinkLease {
  /** The connection, e.g. `wecom-bot:<bot id>`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  /** The holding instance: host, process and a random tag. */
  @Column({ type: 'varchar', length: 128 })
  holder: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt: string;
}
