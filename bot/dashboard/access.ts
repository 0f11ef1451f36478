import type { Context } from 'koa';
import type { Services } from '../command';
import type { Person } from '../directory/directory';
import type { DashboardScope } from './data';
import { can, scopeOf as scopeOfActor, type Actor, type ScopeRefusal } from '../scope/scope';
import { isRevoked } from './revocation';
import { LINK_HOURS, operatorTokenHash, safeEqual, sign, signingKey, verify, type Grant } from './tokens';

/** Who is looking at the dashboard: a person of the directory, or an operator holding DASHBOARD_TOKEN. */
export type Viewer = { kind: 'person'; person: Person; session: Grant | null } | { kind: 'operator'; session: Grant | null };

/** A credential offered in the address (a `看板` link or the operator token), ready to become a session. */
export interface Offered {
  /** The session it would start, signed. */
  session: string;
  seconds: number;
  viewer: Viewer;
  /** The query parameter it came in. */
  param: 't' | 'token';
}

/** The outcome of a request's credentials. */
export type Access =
  | { ok: true; viewer: Viewer }
  /** A link or operator token was exchanged for a session cookie: redirect to drop it from the address bar. */
  | { ok: 'redirect'; location: string }
  /** Someone else's link (or the operator token) over a live session: only a confirmation page may switch. */
  | { ok: 'confirm'; current: Viewer & { session: Grant }; offered: Offered }
  /** `invalid-link`: a bad credential in the address, which leaves an existing session alone. */
  | { ok: false; reason: 'none' | 'invalid' | 'invalid-link' | 'not-allowed' };

export const COOKIE = 'hg_dashboard';
const VIEWER_ROLES = new Set(['lead', 'leader', 'admin']);

/**
 * Reads the credentials of a dashboard request: a `看板` link (`?t=`) or the
 * operator token (`?token=`) start a session; `Authorization: Bearer` with the
 * operator token is one request; else the session cookie. A credential in the
 * address never ends a live session: a bad one is refused, and one for
 * someone else needs a confirmation (a GET can be forced on a victim by any
 * page). A person's role and window are read from the directory at every
 * request, so a deactivated or demoted person loses access at once.
 */
export async function authenticate(ctx: Context, services: Services): Promise<Access> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
  if (bearer !== undefined) return operatorMatches(bearer, services) ? { ok: true, viewer: { kind: 'operator', session: null } } : { ok: false, reason: 'invalid' };

  const current = await sessionOf(ctx, services);
  const param = typeof ctx.query.t === 'string' ? 't' : typeof ctx.query.token === 'string' ? 'token' : undefined;
  if (param !== undefined) {
    const offered = await offeredSession(String(ctx.query[param]), param, services);
    if (!offered) return { ok: false, reason: 'invalid-link' };
    if (current.ok === true && current.viewer.session && !sameViewer(current.viewer, offered.viewer)) {
      return { ok: 'confirm', current: current.viewer as Viewer & { session: Grant }, offered };
    }
    startSession(ctx, services, offered);
    return { ok: 'redirect', location: withoutParam(ctx, param) };
  }
  return current;
}

/** The viewer of the session cookie. */
async function sessionOf(ctx: Context, services: Services): Promise<Access> {
  const cookie = ctx.cookies.get(COOKIE);
  if (cookie === undefined) return { ok: false, reason: 'none' };
  const key = await signingKey(services.db, services.db);
  const session = verify(key, cookie, 'session', services.clock.now());
  if (!session || (await isRevoked(services.db, session.nonce))) return { ok: false, reason: 'invalid' };
  const viewer = await viewerOf(session, services);
  return viewer ? { ok: true, viewer } : { ok: false, reason: 'not-allowed' };
}

/**
 * The session a `看板` link or the operator token would start; null when it
 * grants nothing. A person's session keeps the link's nonce, so 退出 revokes
 * the link too.
 */
async function offeredSession(credential: string, param: 't' | 'token', services: Services): Promise<Offered | null> {
  const key = await signingKey(services.db, services.db);
  const now = Math.floor(services.clock.now().getTime() / 1000);
  if (param === 'token') {
    if (!operatorMatches(credential, services)) return null;
    const grant = { kind: 'session' as const, sid: 'operator' as const, iat: now, exp: now + LINK_HOURS * 3600, op: operatorTokenHash(credential) };
    return { session: sign(key, grant), seconds: LINK_HOURS * 3600, viewer: { kind: 'operator', session: null }, param };
  }
  const link = verify(key, credential, 'link', services.clock.now());
  if (!link || (await isRevoked(services.db, link.nonce))) return null;
  const viewer = await viewerOf(link, services);
  if (!viewer) return null;
  return { session: sign(key, { kind: 'session', sid: link.sid, iat: now, exp: link.exp, nonce: link.nonce }), seconds: link.exp - now, viewer, param };
}

function operatorMatches(token: string, services: Services): boolean {
  const expected = services.config.dashboardToken;
  return expected !== undefined && safeEqual(token, expected);
}

async function viewerOf(grant: Grant, services: Services): Promise<Viewer | null> {
  if (grant.sid === 'operator') {
    // Bound to the token it was opened with: rotating DASHBOARD_TOKEN ends every operator session.
    const token = services.config.dashboardToken;
    return token && grant.op !== undefined && safeEqual(grant.op, operatorTokenHash(token)) ? { kind: 'operator', session: grant } : null;
  }
  const person = await services.directory.findById(grant.sid);
  return person && person.active && VIEWER_ROLES.has(person.role) ? { kind: 'person', person, session: grant } : null;
}

function sameViewer(a: Viewer, b: Viewer): boolean {
  return a.kind === 'operator' ? b.kind === 'operator' : b.kind === 'person' && a.person.id === b.person.id;
}

/** Sets the session cookie of an offered credential. */
function startSession(ctx: Context, services: Services, offered: Pick<Offered, 'session' | 'seconds'>): void {
  const secure = services.config.publicUrl.startsWith('https:') ? '; Secure' : '';
  ctx.append('Set-Cookie', `${COOKIE}=${offered.session}; Path=/dashboard; Max-Age=${Math.max(0, Math.floor(offered.seconds))}; HttpOnly; SameSite=Lax${secure}`);
}

/**
 * Switches this browser to a session offered on a confirmation page (the
 * form carries the signed session, never the link or the operator token);
 * false when it grants nothing any more.
 */
export async function switchSession(ctx: Context, services: Services, session: string): Promise<boolean> {
  const key = await signingKey(services.db, services.db);
  const grant = verify(key, session, 'session', services.clock.now());
  if (!grant || (await isRevoked(services.db, grant.nonce)) || !(await viewerOf(grant, services))) return false;
  startSession(ctx, services, { session, seconds: grant.exp - services.clock.now().getTime() / 1000 });
  return true;
}

/** Ends the session in this browser: the cookie is overwritten with an expired one. */
export function endSession(ctx: Context): void {
  ctx.append('Set-Cookie', `${COOKIE}=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Lax`);
}

function withoutParam(ctx: Context, name: string): string {
  const params = new URLSearchParams(ctx.querystring);
  params.delete(name);
  const rest = params.toString();
  return `/dashboard${rest ? `?${rest}` : ''}`;
}

/**
 * The window a viewer sees: a lead their own only (a lead without a window
 * nothing: `''` would match everyone without a window); others the hall, or
 * one window they picked.
 */
export function scopeOf(viewer: Viewer, asked: string | undefined): DashboardScope | ScopeRefusal {
  const actor = actorOf(viewer);
  const scope = scopeOfActor(actor, { window: asked || undefined });
  if (typeof scope === 'string') return scope;
  return { ...(scope.hall === undefined ? {} : { hall: scope.hall }), window: scope.window ?? null, outbox: can(actor, 'see-outbox') };
}

/** The viewer as the scope module knows them: the operator sees the whole deployment. */
export function actorOf(viewer: Viewer): Actor {
  return viewer.kind === 'person' ? { person: viewer.person } : { operator: {} };
}

/**
 * Whether the viewer gets the administrators' notices (the work calendar's
 * missing year, which only an administrator can fix): administrators and
 * operators — and leaders when the hall has no administrator, as the
 * calendar-warning job tells the leadership group then. Never a lead.
 */
export function seesAdminNotices(viewer: Viewer, people: readonly Person[]): boolean {
  if (viewer.kind === 'operator' || viewer.person.role === 'admin') return true;
  return viewer.person.role === 'leader' && !people.some((p) => p.role === 'admin');
}

/** Whether the viewer may acknowledge alerts (SPEC §1: leaders and administrators, as named people). */
export function canAcknowledge(viewer: Viewer): viewer is Extract<Viewer, { kind: 'person' }> {
  return viewer.kind === 'person' && can(actorOf(viewer), 'acknowledge');
}
