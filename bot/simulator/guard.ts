import type { Context, Middleware, Next } from 'koa';
import { readBody } from '../http/read-body';
import { browserHeaders, originHost } from '../http/browser';

/** The page may load only its own script and style; text from messages never becomes markup or code. */
export const SIMULATOR_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const HEADERS = browserHeaders(SIMULATOR_CSP);

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/** A Host header's name, lower case, without port or IPv6 brackets; null when it is not a host. */
export function hostName(host: string): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
}

/** The two checks of the simulator's routes (see {@link simulatorGuards}). */
export interface SimulatorGuards {
  /** Every route: refuses a Host that is not this machine or PUBLIC_URL's; sets the security headers. */
  host: Middleware;
  /** Every POST: JSON only, and no Origin other than those hosts. */
  json: Middleware;
}

/**
 * The simulator has no login, so it answers only requests addressed to this
 * machine (or to the host of PUBLIC_URL): a page on a foreign name that
 * resolves to 127.0.0.1 (DNS rebinding) gets 403. Its POSTs take JSON only: a
 * JSON content type cannot be sent across origins without a CORS preflight,
 * which this service never grants, so a foreign page cannot post (415).
 */
export function simulatorGuards(publicUrl: string): SimulatorGuards {
  const publicHost = new URL(publicUrl).host;
  const allowed = new Set([...LOOPBACK, hostName(publicHost)].filter((h): h is string => h !== null));
  const isAllowed = (host: string) => {
    const name = hostName(host);
    return name !== null && allowed.has(name);
  };
  return {
    async host(ctx: Context, next: Next) {
      ctx.set(HEADERS);
      if (!isAllowed(ctx.get('host'))) {
        return refuse(ctx, 403, `请求被拒绝：本地模拟器只接受发往本机（127.0.0.1、localhost、[::1]）或 PUBLIC_URL（${publicHost}）的请求。`);
      }
      await next();
    },
    async json(ctx: Context, next: Next) {
      if (ctx.request.type !== 'application/json') return refuse(ctx, 415, '请求被拒绝：请以 Content-Type: application/json 发送。');
      const origin = ctx.get('origin');
      if (origin && !isAllowed(originHost(origin) ?? '')) return refuse(ctx, 403, '请求被拒绝：请从模拟器页面内操作。');
      await next();
    },
  };
}


/** Answers a simulator API request with an error the page can show: `{ "error": "…" }`. */
export function refuse(ctx: Context, status: number, error: string): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { error };
}

/** The request body as a JSON object (an empty body is `{}`); null when it is anything else. */
export async function readJsonObject(ctx: Context): Promise<Record<string, unknown> | null> {
  const text = await readBody(ctx);
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
