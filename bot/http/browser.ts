/** What the service serves to browsers (the simulator, the dashboard): its shipped files and the headers of its pages. */
import { readFileSync } from 'node:fs';
import type { Context } from 'koa';

const loaded = new Map<string, Buffer>();

/** A file shipped with the service, read on first use and kept in memory (its path is fixed at build time). */
export function readOnce(path: string | URL): Buffer {
  const key = String(path);
  let body = loaded.get(key);
  if (!body) loaded.set(key, (body = readFileSync(path)));
  return body;
}

/** Answers with a file shipped with the service. */
export function serveFile(ctx: Context, path: string | URL, type: string, cacheControl: string): void {
  ctx.set('Cache-Control', cacheControl);
  ctx.type = type;
  ctx.body = readOnce(path);
}

/**
 * The headers of every page the service renders for a browser (the simulator,
 * the dashboard): its Content-Security-Policy, no MIME sniffing, no referrer
 * (a 看板 link's token must not leak), never framed.
 */
export function browserHeaders(csp: string): Record<string, string> {
  return { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' };
}

/** The host (name and port) of an Origin header; null when it names none ("null", garbage). */
export function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}
