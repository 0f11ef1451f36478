import { dingtalkSign } from '../../bot/adapters/dingtalk/sign';

/** The DingTalk app a test signs with. */
export const TEST_DINGTALK = { appKey: 'ding-test-key', appSecret: 'test-app-secret-for-dingtalk', robotCode: 'ding-test-key' };

/** The environment that turns DingTalk on with the test app, both API bases at `base`, and a leadership group. */
export function dingtalkEnv(base: string): Record<string, string> {
  return {
    DINGTALK_APP_KEY: TEST_DINGTALK.appKey,
    DINGTALK_APP_SECRET: TEST_DINGTALK.appSecret,
    DINGTALK_ROBOT_CODE: TEST_DINGTALK.robotCode,
    DINGTALK_API_BASE: base,
    DINGTALK_OAPI_BASE: base,
    DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders',
  };
}

export interface DingtalkTestMessage {
  from: string;
  content?: string;
  msgId?: string;
  msgtype?: string;
  /** An audio message's transcription (msgtype audio). */
  recognition?: string;
  conversationType?: '1' | '2';
  sessionWebhook?: string;
  sessionExpiresAt?: number;
  /** DingTalk's own timestamp of the message (ms); the sending time by default. */
  createAt?: unknown;
}

/** The JSON body DingTalk would POST for a robot message. */
export function dingtalkBody(msg: DingtalkTestMessage, now: number): Record<string, unknown> {
  return {
    msgtype: msg.msgtype ?? 'text',
    ...(msg.msgtype && msg.msgtype !== 'text' ? { content: { downloadCode: 'x', ...(msg.recognition !== undefined ? { duration: 3, recognition: msg.recognition } : {}) } } : { text: { content: ` ${msg.content ?? ''}` } }),
    msgId: msg.msgId ?? `msg${now}${Math.random().toString(36).slice(2)}`,
    createAt: msg.createAt ?? now,
    conversationType: msg.conversationType ?? '1',
    conversationId: 'cid-private',
    senderStaffId: msg.from,
    senderNick: msg.from,
    chatbotUserId: 'bot',
    robotCode: TEST_DINGTALK.robotCode,
    isAdmin: false,
    ...(msg.sessionWebhook ? { sessionWebhook: msg.sessionWebhook, sessionWebhookExpiredTime: msg.sessionExpiresAt ?? now + 90 * 60_000 } : {}),
  };
}

/** POSTs a robot message to the real server as DingTalk would: signed headers, JSON body. */
export async function postToDingtalk(
  baseUrl: string,
  msg: DingtalkTestMessage,
  now: number,
  headers: { timestamp?: string; sign?: string } = {},
): Promise<{ status: number; body: string }> {
  const timestamp = headers.timestamp ?? String(now);
  const sign = headers.sign ?? dingtalkSign(timestamp, TEST_DINGTALK.appSecret);
  const res = await fetch(`${baseUrl}/dingtalk/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', timestamp, sign },
    body: JSON.stringify(dingtalkBody(msg, now)),
  });
  return { status: res.status, body: await res.text() };
}
