import type { Context } from 'koa';
import getRawBody from 'raw-body';

/** The largest callback body accepted (SPEC §2). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the raw request body as UTF-8, refusing more than `limit` bytes with
 * 413 — from Content-Length up front, or while streaming when it is absent.
 */
export async function readBody(ctx: Context, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(ctx.get('content-length') || NaN);
  if (declared > limit) ctx.throw(413, 'request body too large');
  try {
    return await getRawBody(ctx.req, { limit, encoding: 'utf8' });
  } catch (err) {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') ctx.throw(413, 'request body too large');
    ctx.throw(400, 'unreadable request body');
  }
}
