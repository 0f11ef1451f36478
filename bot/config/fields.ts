import { validate as isCron } from 'node-cron';
import { z } from 'zod';
import { maskUserinfo } from '../http/userinfo';

/** The kinds of setting the configuration schema is made of, and how a bad value is quoted back to the operator. */

/** An optional setting: blank is unset. */
export const optional = z.string().trim().min(1).optional();
/** A temperature threshold in ℃. */
export const decimal = (fallback: string) =>
  z.string().trim().default(fallback).pipe(z.coerce.number<string>().finite().min(30).max(45));
// No user name or password in a service address: it would be sent along, logged, or put into 看板 links.
export const url = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .pipe(z.url({ protocol: /^https?$/ }))
    // zod runs this even when the pipe above failed: a value that is no URL at all is left to that message.
    .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'expected an address without a user name or password')
    .transform((u) => u.replace(/\/+$/, ''));
/** A list setting read by `parse`, whose thrown message tells the operator what to write instead. */
export const list = <T>(fallback: string, parse: (text: string) => T, hint = '') =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parse(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `${(err as Error).message}${hint}` });
        return z.NEVER;
      }
    });
/** A cron expression. */
export const cron = (fallback: string) =>
  z.string().trim().default(fallback).refine((v) => isCron(v), 'expected a cron expression such as "30 7 * * *"');

/** Whether Intl knows the IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const SECRET_NAMES = new Set(['WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY', 'WECOM_LEADER_WEBHOOK_KEY', 'WECOM_BOT_SECRET', 'DINGTALK_APP_SECRET', 'DINGTALK_LEADER_SECRET', 'DINGTALK_LEADER_WEBHOOK', 'DASHBOARD_TOKEN', 'SIMULATOR_TOKEN', 'METRICS_TOKEN']);

/** The value as the operator gave it, for the error message: never a secret, never a URL's userinfo (DATABASE_URL's password). */
export function describeValue(env: Record<string, string | undefined>, key: PropertyKey | undefined): string {
  if (typeof key !== 'string' || env[key] === undefined || SECRET_NAMES.has(key)) return '';
  return ` (got "${maskUserinfo(env[key])}")`;
}

