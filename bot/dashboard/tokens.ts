import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../db/database';

/** How long a `看板` link (and the session it starts) is valid (SPEC §3.4). */
export const LINK_HOURS = 12;

/**
 * What a signed token grants: a person's view (`sid`), or an operator's
 * (`DASHBOARD_TOKEN`). `kind` keeps a link from being replayed as a session
 * cookie and the reverse; `nonce` makes each session's CSRF token its own.
 */
export interface Grant {
  kind: 'link' | 'session';
  sid: number | 'operator';
  /** Issued and expiry, seconds since the epoch: never more than {@link LINK_HOURS} apart. */
  iat: number;
  exp: number;
  nonce: string;
  /** An operator session: the hash of the DASHBOARD_TOKEN it was opened with, so rotating the token ends it. */
  op?: string;
}

/** Clock difference tolerated between instances, in seconds. */
const SKEW = 60;

const SECRET_KEY = 'dashboard_secret';
const secrets = new WeakMap<object, Buffer>();

/**
 * The key links are signed with: made once per database and kept in
 * app_meta, so every instance sharing the database accepts the same links and
 * nothing has to be configured. Cached per database handle.
 */
export async function signingKey(sql: Sql, cacheOwner: object): Promise<Buffer> {
  const cached = secrets.get(cacheOwner);
  if (cached) return cached;
  await sql.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [SECRET_KEY, randomBytes(32).toString('base64url')]);
  const [row] = await sql.all<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', [SECRET_KEY]);
  const key = Buffer.from(row.value, 'base64url');
  secrets.set(cacheOwner, key);
  return key;
}

const mac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest('base64url');

/** `payload.signature`, both base64url: short enough for a chat message. */
export function sign(key: Buffer, grant: Omit<Grant, 'nonce'> & { nonce?: string }): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, nonce: grant.nonce ?? randomBytes(9).toString('base64url') })).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The hash an operator session carries of DASHBOARD_TOKEN (never the token itself). */
export function operatorTokenHash(token: string): string {
  return createHash('sha256').update(`hallguard-dashboard-operator:${token}`).digest('base64url').slice(0, 22);
}

const LINK_TOKEN = /(\/dashboard\?t=)([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;
const UNSIGNED_LINK = /(\/dashboard\?t=)([A-Za-z0-9_-]+)\.(?![A-Za-z0-9_-])/g;

/**
 * A reply as it is kept in inbound_message: each 看板 link without its
 * signature, so the stored text opens nothing. The signature is a function of
 * the payload and the key, so {@link resign} restores the very same link.
 */
export function unsign(text: string): string {
  return text.replace(LINK_TOKEN, (_, prefix: string, payload: string) => `${prefix}${payload}.`);
}

/** A stored reply with its 看板 links signed again, for a re-delivery's identical answer. */
export function resign(key: Buffer, text: string): string {
  return text.replace(UNSIGNED_LINK, (_, prefix: string, payload: string) => `${prefix}${payload}.${mac(key, payload)}`);
}

/** The grant of a well-signed, unexpired token of the wanted kind; otherwise null (forged, tampered, expired, wrong kind). */
export function verify(key: Buffer, token: string | undefined, kind: Grant['kind'], now: Date): Grant | null {
  if (!token || token.length > 512) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  if (!safeEqual(signature, mac(key, payload))) return null;
  let grant: Grant;
  try {
    grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Grant;
  } catch {
    return null;
  }
  const seconds = now.getTime() / 1000;
  if (grant.kind !== kind || typeof grant.exp !== 'number' || typeof grant.iat !== 'number' || grant.exp <= seconds) return null;
  // Whoever holds the key could mint a link for ten years: no grant outlives 12 hours from its issue, nor is issued in the future.
  if (grant.exp - grant.iat > LINK_HOURS * 3600 || grant.iat > seconds + SKEW || grant.exp > seconds + LINK_HOURS * 3600 + SKEW) return null;
  if (grant.sid !== 'operator' && !Number.isInteger(grant.sid)) return null;
  return grant;
}

/** The CSRF token of a session: derived, so nothing is stored. */
export function csrfToken(key: Buffer, session: Grant): string {
  return mac(key, `csrf:${session.sid}:${session.nonce}`);
}

/** Constant-time comparison of two strings (length leaks, content does not). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
