import type { Platform, Role } from '../../entities';

/** A person of the staff directory, as the handlers see them. */
export interface Person {
  id: number;
  name: string;
  window: string;
  role: Role;
  wecomUserId: string | null;
  dingtalkUserId: string | null;
  mobile: string | null;
  active: boolean;
  lastPlatform: Platform | null;
}

export const PERSON_COLUMNS =
  'id, name, window_name AS "window", role, wecom_userid AS "wecomUserId", dingtalk_userid AS "dingtalkUserId", mobile, active, last_platform AS "lastPlatform"';

/** Normalises a row selected with {@link PERSON_COLUMNS} (SQLite gives 1/0 for booleans). */
export function toPerson(row: Record<string, unknown>): Person {
  return { ...(row as unknown as Person), active: Boolean(row.active) };
}
