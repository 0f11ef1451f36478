import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A dashboard session ended with 退出: its grant's nonce, refused from then
 * on (the session cookie and the 看板 link it came from), kept until the
 * grant would have expired anyway.
 */
@Entity('dashboard_revocation')
export class DashboardRevocation {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  nonce: string;

  /** When the revoked grant expires, ISO 8601 UTC: after it the row may go. */
  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt: string;
}
