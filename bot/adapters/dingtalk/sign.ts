import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HmacSHA256(key = secret, msg = timestamp + "\n" + secret)) — DingTalk's callback and robot signature (PROTOCOLS.md). */
export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** How far a callback's timestamp may be from the server's clock. */
export const MAX_SKEW_MS = 60 * 60 * 1000;

/**
 * Checks a callback's `timestamp` (milliseconds, within an hour of now) and
 * `sign` (compared in constant time). A timestamp in seconds is an hour off by
 * decades, so it fails like any stale one.
 */
export function verifyCallback(timestamp: string | undefined, sign: string | undefined, appSecret: string, now: Date): boolean {
  if (!timestamp || !sign || !/^\d{1,16}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() - Number(timestamp)) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(dingtalkSign(timestamp, appSecret));
  const given = Buffer.from(sign);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A custom robot webhook URL with its signature: `&timestamp=<ms>&sign=<sign>`,
 * the sign URL-encoded exactly once (a double encoding is a common failure).
 */
export function signedWebhookUrl(webhook: string, secret: string, now: Date): string {
  const url = new URL(webhook);
  const timestamp = String(now.getTime());
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('sign', dingtalkSign(timestamp, secret));
  return url.toString();
}
