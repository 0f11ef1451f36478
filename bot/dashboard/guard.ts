import type { Context, Next } from 'koa';
import type { Services } from '../command';
import { readBody } from '../http/read-body';
import { browserHeaders, originHost } from '../http/browser';
import { authenticate, endSession, type Viewer } from './access';
import { noticePage, switchPage, viewerName } from './page';
import { csrfToken, safeEqual, signingKey } from './tokens';

/** The dashboard's Content-Security-Policy and the other browser headers: no inline script or style, forms to itself only. */
const HEADERS = browserHeaders(
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
);

/** Middleware setting {@link HEADERS} on every dashboard response. */
export async function secure(ctx: Context, next: Next): Promise<void> {
  ctx.set(HEADERS);
  await next();
}

export const INVALID = ['链接无效或已过期', '看板链接 12 小时内有效。请向防疫值守助手重新发送「看板」获取新链接。'] as const;
const REFUSED = {
  none: ['需要登录', '请在企业微信或钉钉中向防疫值守助手发送「看板」，用收到的个人链接打开（12 小时内有效）。'],
  invalid: INVALID,
  'invalid-link': INVALID,
  'not-allowed': ['无权查看', '看板仅供窗口负责人和领导小组成员使用。如有疑问请联系系统管理员。'],
} as const;

/** The viewer of the request, or a 401 page (a link exchanged for a session redirects instead). */
export async function admit(ctx: Context, services: Services): Promise<Viewer | null> {
  ctx.set('Cache-Control', 'no-store');
  const access = await authenticate(ctx, services);
  if (access.ok === true) return access.viewer;
  if (access.ok === 'redirect') {
    ctx.redirect(access.location);
    ctx.status = 303;
    return null;
  }
  if (access.ok === 'confirm') {
    const key = await signingKey(services.db, services.db);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = switchPage({ current: viewerName(access.current), offered: viewerName(access.offered.viewer), session: access.offered.session, csrf: csrfToken(key, access.current.session) });
    return null;
  }
  if (access.reason === 'invalid') endSession(ctx);
  const [title, text] = REFUSED[access.reason];
  refuse(ctx, 401, title, text);
  return null;
}

/** A form POST from this dashboard's own page: same origin, url-encoded, with this session's CSRF token. */
export async function postedForm(ctx: Context, services: Services, viewer: Viewer): Promise<URLSearchParams | null> {
  const origin = ctx.get('origin');
  if (origin && origin !== 'null' && originHost(origin) !== ctx.host) return refuse(ctx, 403, '请求被拒绝', '请从看板页面内操作。');
  if (!ctx.is('application/x-www-form-urlencoded')) return refuse(ctx, 415, '请求被拒绝', '请从看板页面内操作。');
  const form = new URLSearchParams(await readBody(ctx));
  const key = await signingKey(services.db, services.db);
  if (!viewer.session || !safeEqual(form.get('csrf') ?? '', csrfToken(key, viewer.session))) {
    return refuse(ctx, 403, '页面已过期', '请刷新看板页面后重试。');
  }
  return form;
}

/** Answers with a short page saying why not; null, for a guard to return. */
export function refuse(ctx: Context, status: number, title: string, text: string): null {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = noticePage(title, text);
  return null;
}
