import type { Sql } from '../db/database';
import type { Grant } from './tokens';

/** Whether a grant's nonce was revoked by 退出 (shared by every instance through the database). */
export async function isRevoked(sql: Sql, nonce: string): Promise<boolean> {
  const rows = await sql.all('SELECT nonce FROM dashboard_revocation WHERE nonce = ?', [nonce]);
  return rows.length > 0;
}

/**
 * Revokes a session's grant until it would have expired: the cookie, a copy
 * of it, and the 看板 link it came from are refused from now on. Rows of
 * grants expired anyway are dropped on the way.
 */
export async function revoke(sql: Sql, grant: Grant, now: Date): Promise<void> {
  await sql.run('DELETE FROM dashboard_revocation WHERE expires_at < ?', [now.toISOString()]);
  await sql.run('INSERT INTO dashboard_revocation (nonce, expires_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING', [grant.nonce, new Date(grant.exp * 1000).toISOString()]);
}
