import { randomBytes } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Config } from '../config';
import { isLoopback } from '../config/public-url';
import { safeEqual } from '../dashboard/tokens';
import type { Sql } from '../db/database';
import { refuse } from './guard';

const COOKIE = 'hg_simulator';

/** The simulator's token: SIMULATOR_TOKEN, else a fresh one when it listens beyond loopback, else none (this machine only). */
export function simulatorToken(config: Config): { token: string; generated: boolean } | null {
  if (config.simulatorToken) return { token: config.simulatorToken, generated: false };
  return isLoopback(config.host) ? null : { token: randomBytes(24).toString('base64url'), generated: true };
}

/**
 * Every simulator route, when it has a token: the token as `Authorization:
 * Bearer`, or the HttpOnly cookie that opening `/?token=…` sets (then
 * redirected, so the token leaves the address bar). Anything else is 401, so
 * no one who merely reaches the port can act as a person of the hall.
 */
export function requireToken(token: string) {
  return async (ctx: Context, next: Next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    if (bearer !== undefined ? safeEqual(bearer, token) : safeEqual(ctx.cookies.get(COOKIE) ?? '', token)) return next();
    const offered = ctx.method === 'GET' && ctx.path === '/' && typeof ctx.query.token === 'string' ? ctx.query.token : undefined;
    if (offered !== undefined && safeEqual(offered, token)) {
      ctx.append('Set-Cookie', `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
      ctx.redirect('/');
      ctx.status = 303;
      return;
    }
    refuse(ctx, 401, '需要口令：本地模拟器对本机以外开放，请打开启动时打印的带口令地址（…/?token=…），或以 Authorization: Bearer <SIMULATOR_TOKEN> 访问。');
  };
}

/** Raised at start when the simulator would let anyone act as the hall's real WeCom or DingTalk users. */
export class SimulatorRefused extends Error {
  constructor(count: number) {
    super(
      `本地模拟器拒绝启动：数据库的名单中有 ${count} 人绑定了企业微信或钉钉账号，模拟器可以冒充其中任何人。` +
        '请改用另一个数据库试用（如 DATABASE_URL=sqlite:data/demo.sqlite），或设 SIMULATOR=off；确需在此数据库上使用模拟器，请设 SIMULATOR_ALLOW_PLATFORM_USERS=yes。\n' +
        `The local simulator refuses to start: ${count} people of the directory have WeCom or DingTalk user ids; set SIMULATOR=off, use another DATABASE_URL, or SIMULATOR_ALLOW_PLATFORM_USERS=yes.`,
    );
    this.name = 'SimulatorRefused';
  }
}

/**
 * Refuses a database whose active directory holds platform users, unless
 * allowed. The demonstration hall's made-up ids (`demo-…`) are not users.
 */
export async function assertNoPlatformUsers(sql: Sql, config: Config): Promise<void> {
  if (config.simulatorAllowPlatformUsers) return;
  const [{ n }] = await sql.all<{ n: unknown }>(
    `SELECT count(*) AS n FROM staff WHERE active = ? AND ((wecom_userid IS NOT NULL AND wecom_userid <> '' AND wecom_userid NOT LIKE 'demo-%')
       OR (dingtalk_userid IS NOT NULL AND dingtalk_userid <> '' AND dingtalk_userid NOT LIKE 'demo-%'))`,
    [true],
  );
  if (Number(n) > 0) throw new SimulatorRefused(Number(n));
}
