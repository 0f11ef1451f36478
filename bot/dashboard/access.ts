import type { Context } from 'koa';
import type { Services } from '../command';
import type { Person } from '../directory';
import { LINK_HOURS, safeEqual, sign, signingKey, verify, type Grant } from './tokens';

/** Who is looking at the dashboard: a person of the directory, or an operator holding DASHBOARD_TOKEN. */
export type Viewer = { kind: 'person'; person: Person; session: Grant | null } | { kind: 'operator'; session: Grant | null };

/** The outcome of a request's credentials. */
export type Access =
  | { ok: true; viewer: Viewer }
  /** A link or operator token was exchanged for a session cookie: redirect to drop it from the address bar. */
  | { ok: 'redirect'; location: string }
  | { ok: false; reason: 'none' | 'invalid' | 'not-allowed' };

export const COOKIE = 'hg_dashboard';
const VIEWER_ROLES = new Set(['lead', 'leader', 'admin']);

/**
 * Reads the credentials of a dashboard request, in this order: a `看板` link
 * (`?t=`), the operator token (`Authorization: Bearer` or `?token=`), the
 * session cookie. A person's role and window are read from the directory at
 * every request, so a deactivated or demoted person loses access at once.
 */
export async function authenticate(ctx: Context, services: Services): Promise<Access> {
  const now = services.clock.now();
  const key = await signingKey(services.db, services.db);
  const link = typeof ctx.query.t === 'string' ? ctx.query.t : undefined;
  if (link !== undefined) {
    const grant = verify(key, link, 'link', now);
    if (!grant || !(await viewerOf(grant, services))) return { ok: false, reason: 'invalid' };
    startSession(ctx, services, sign(key, { kind: 'session', sid: grant.sid, exp: grant.exp }), grant.exp - now.getTime() / 1000);
    return { ok: 'redirect', location: withoutParam(ctx, 't') };
  }

  const operator = operatorToken(ctx);
  if (operator !== undefined) {
    const expected = services.config.dashboardToken;
    if (!expected || !safeEqual(operator.token, expected)) return { ok: false, reason: 'invalid' };
    if (!operator.fromQuery) return { ok: true, viewer: { kind: 'operator', session: null } };
    const exp = Math.floor(now.getTime() / 1000) + LINK_HOURS * 3600;
    startSession(ctx, services, sign(key, { kind: 'session', sid: 'operator', exp }), LINK_HOURS * 3600);
    return { ok: 'redirect', location: withoutParam(ctx, 'token') };
  }

  const cookie = ctx.cookies.get(COOKIE);
  if (cookie === undefined) return { ok: false, reason: 'none' };
  const session = verify(key, cookie, 'session', now);
  if (!session) return { ok: false, reason: 'invalid' };
  const viewer = await viewerOf(session, services);
  return viewer ? { ok: true, viewer } : { ok: false, reason: 'not-allowed' };
}

async function viewerOf(grant: Grant, services: Services): Promise<Viewer | null> {
  if (grant.sid === 'operator') return services.config.dashboardToken ? { kind: 'operator', session: grant } : null;
  const person = await services.directory.findById(grant.sid);
  return person && person.active && VIEWER_ROLES.has(person.role) ? { kind: 'person', person, session: grant } : null;
}

function operatorToken(ctx: Context): { token: string; fromQuery: boolean } | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
  if (bearer) return { token: bearer[1], fromQuery: false };
  return typeof ctx.query.token === 'string' ? { token: ctx.query.token, fromQuery: true } : undefined;
}

function startSession(ctx: Context, services: Services, token: string, seconds: number): void {
  const secure = services.config.publicUrl.startsWith('https:') ? '; Secure' : '';
  ctx.append('Set-Cookie', `${COOKIE}=${token}; Path=/dashboard; Max-Age=${Math.max(0, Math.floor(seconds))}; HttpOnly; SameSite=Lax${secure}`);
}

/** Ends the session: the cookie is overwritten with an expired one. */
export function endSession(ctx: Context): void {
  ctx.append('Set-Cookie', `${COOKIE}=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Lax`);
}

function withoutParam(ctx: Context, name: string): string {
  const params = new URLSearchParams(ctx.querystring);
  params.delete(name);
  const rest = params.toString();
  return `/dashboard${rest ? `?${rest}` : ''}`;
}

/** The window a viewer sees: a lead their own only; others the hall, or one window they picked. */
export function scopeOf(viewer: Viewer, asked: string | undefined): { window: string | null; outbox: boolean } | 'forbidden' {
  if (viewer.kind === 'person' && viewer.person.role === 'lead') {
    if (asked !== undefined && asked !== viewer.person.window) return 'forbidden';
    return { window: viewer.person.window, outbox: false };
  }
  return { window: asked || null, outbox: true };
}

/** Whether the viewer may acknowledge alerts (SPEC §1: leaders and administrators, as named people). */
export function canAcknowledge(viewer: Viewer): viewer is Extract<Viewer, { kind: 'person' }> {
  return viewer.kind === 'person' && (viewer.person.role === 'leader' || viewer.person.role === 'admin');
}
