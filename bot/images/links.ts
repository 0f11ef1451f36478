import { createHmac } from 'node:crypto';
import { safeEqual } from '../dashboard/tokens';

/**
 * How long a signed image link works: DingTalk fetches the picture when the
 * message is sent, and a leader may scroll back to it during the week.
 */
export const IMAGE_LINK_HOURS = 7 * 24;

const mac = (key: Buffer, id: number, exp: number) => createHmac('sha256', key).update(`outbound-image:${id}:${exp}`).digest('base64url');

/** `PUBLIC_URL/images/<id>.png?exp=…&sig=…`: signed with the database's link key, valid for {@link IMAGE_LINK_HOURS}. */
export function imageLink(key: Buffer, publicUrl: string, id: number, now: Date): string {
  const exp = Math.floor(now.getTime() / 1000) + IMAGE_LINK_HOURS * 3600;
  return `${publicUrl.replace(/\/+$/, '')}/images/${id}.png?exp=${exp}&sig=${mac(key, id, exp)}`;
}

/** Why a link is refused: forged (a signature that is not ours) or expired (ours, but too old). */
export type LinkCheck = 'ok' | 'forged' | 'expired';

/** Checks a link's `exp` and `sig` for an image id, in constant time. */
export function checkImageLink(key: Buffer, id: number, exp: string | undefined, sig: string | undefined, now: Date): LinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || sig.length > 64) return 'forged';
  if (!safeEqual(sig, mac(key, id, Number(exp)))) return 'forged';
  return Number(exp) * 1000 > now.getTime() ? 'ok' : 'expired';
}
