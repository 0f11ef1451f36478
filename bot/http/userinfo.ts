/**
 * URLs with credentials in them (`postgres://user:password@host/db`) are
 * secrets: these helpers take the userinfo out before a URL, a value that
 * meant to be one, or any text that may quote one (an error message, a stack)
 * reaches an operator's screen or a log.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:\/{0,2}/i;

/**
 * A configuration value with everything before its last `@` masked, scheme
 * kept: `postgres://u:pw@db:5432/x` → `postgres://***@db:5432/x`, and a
 * malformed `postgres:u:p/w@db` → `postgres:***@db`. Values without `@` are unchanged.
 */
export function maskUserinfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  const scheme = SCHEME.exec(value)?.[0] ?? '';
  return `${scheme.length <= at ? scheme : ''}***${value.slice(at)}`;
}

/** Free text (an error message or stack) with the userinfo of every `scheme://…@` in it masked. */
export function maskUrlsIn(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s@"'`<>]*@/gi, '$1***@');
}
