/** DingTalk's session reply path on the oapi origin (PROTOCOLS.md "Replying"). */
const SESSION_PATH = '/robot/sendBySession';

/** What a sessionWebhook that came in a message is: usable, on a foreign origin or path, or not a URL at all. */
export type SessionWebhookCheck = { ok: true } | { ok: false; reason: 'foreign origin' | 'foreign path' | 'malformed'; origin: string };

/**
 * Whether a sessionWebhook may be fetched: only on the configured oapi origin
 * and only its session-send path (so `/robot/send?access_token=<someone
 * else's robot>` on the right origin is refused too), with no credentials in
 * the URL. Nothing else that came in a message is ever fetched (SPEC §2).
 */
export function checkSessionWebhook(webhook: string, oapiBase: string): SessionWebhookCheck {
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    return { ok: false, reason: 'malformed', origin: 'invalid' };
  }
  const base = new URL(oapiBase);
  if (url.origin !== base.origin || url.username || url.password) return { ok: false, reason: 'foreign origin', origin: url.origin };
  if (url.pathname !== `${base.pathname.replace(/\/+$/, '')}${SESSION_PATH}`) return { ok: false, reason: 'foreign path', origin: url.origin };
  return { ok: true };
}
