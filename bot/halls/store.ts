import type { Sql } from '../db/database';

/** A hall of a many-hall deployment (SPEC §15), as `halls import` declared it; channels null when not given. */
export interface HallRecord {
  code: string;
  name: string;
  wecomLeaderChatId: string | null;
  wecomLeaderWebhookKey: string | null;
  dingtalkLeaderConversationId: string | null;
  dingtalkLeaderWebhook: string | null;
  dingtalkLeaderSecret: string | null;
}

/** The table's columns in the order of the CSV header (SPEC §15), each with its field. */
export const HALL_COLUMNS = [
  ['code', 'code'],
  ['name', 'name'],
  ['wecom_leader_chat_id', 'wecomLeaderChatId'],
  ['wecom_leader_webhook_key', 'wecomLeaderWebhookKey'],
  ['dingtalk_leader_conversation_id', 'dingtalkLeaderConversationId'],
  ['dingtalk_leader_webhook', 'dingtalkLeaderWebhook'],
  ['dingtalk_leader_secret', 'dingtalkLeaderSecret'],
] as const satisfies readonly (readonly [string, keyof HallRecord])[];

const SELECT = HALL_COLUMNS.map(([column, field]) => `${column} AS "${field}"`).join(', ');

/** Every declared hall, by code; none in a single-hall deployment. */
export async function listHalls(sql: Pick<Sql, 'all'>): Promise<HallRecord[]> {
  return sql.all<HallRecord>(`SELECT ${SELECT} FROM hall ORDER BY code`);
}

/** The codes of the declared halls. */
export async function hallCodes(sql: Pick<Sql, 'all'>): Promise<Set<string>> {
  return new Set((await sql.all<{ code: string }>('SELECT code FROM hall')).map((r) => r.code));
}
