/** Shown in place of a secret too short to show any of it. */
const HIDDEN = '******';

/**
 * A secret as `halls list` prints it (SPEC §15): enough to tell two apart — the
 * last four characters — never enough to use; a webhook keeps its host, for the
 * same reason. '-' when not set.
 */
export function maskSecret(secret: string | null): string {
  if (!secret) return '-';
  const url = /^(https?:\/\/[^/?#]+)/.exec(secret);
  const tail = secret.length >= 16 ? `…${secret.slice(-4)}` : '';
  return `${url ? `${url[1]}/` : ''}${HIDDEN}${tail}`;
}
