import { randomBytes } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/** The WeCom app secrets a test signs and encrypts with (WeCom's official sample values). */
export const TEST_WECOM = {
  corpId: 'ww1436e0e65a779aee',
  agentId: '1000002',
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  secret: 'test-app-secret',
};

export type WecomTestApp = typeof TEST_WECOM;

/** The environment that turns WeCom on with the test app, its API at `apiBase`, and a leadership robot. */
export function wecomEnv(apiBase: string): Record<string, string> {
  return {
    WECOM_CORP_ID: TEST_WECOM.corpId,
    WECOM_AGENT_ID: TEST_WECOM.agentId,
    WECOM_SECRET: TEST_WECOM.secret,
    WECOM_TOKEN: TEST_WECOM.token,
    WECOM_AES_KEY: TEST_WECOM.aesKey,
    WECOM_API_BASE: apiBase,
    WECOM_LEADER_WEBHOOK_KEY: 'leader-robot-key',
  };
}

export interface WecomTestMessage {
  from: string;
  content?: string;
  msgId?: string;
  createTime?: number;
  msgType?: string;
  event?: string;
  /** A template_card_event: the button's key, the card's task id and the response code WeCom gives with the click. */
  card?: { eventKey: string; taskId: string; responseCode: string };
  /** The chat the message was sent in (ChatId), a group chat unless `chatType` says "single". */
  chatId?: string;
  chatType?: 'group' | 'single';
}

const parser = new XMLParser({ parseTagValue: false });

/** The query and body WeCom would POST for a message: encrypted with the app's key and signed. */
export function buildWecomPost(app: WecomTestApp, msg: WecomTestMessage, receiveId = app.corpId): { query: string; body: string } {
  const createTime = msg.createTime ?? 1795000000;
  const type = msg.msgType ?? 'text';
  const inner =
    `<xml><ToUserName><![CDATA[${app.corpId}]]></ToUserName><FromUserName><![CDATA[${msg.from}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[${type}]]></MsgType>` +
    (msg.chatId ? `<ChatId><![CDATA[${msg.chatId}]]></ChatId><ChatType><![CDATA[${msg.chatType ?? 'group'}]]></ChatType>` : '') +
    (type === 'text' ? `<Content><![CDATA[${msg.content ?? ''}]]></Content>` : '') +
    (msg.card
      ? `<EventKey><![CDATA[${msg.card.eventKey}]]></EventKey><TaskId><![CDATA[${msg.card.taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${msg.card.responseCode}]]></ResponseCode>`
      : '') +
    (type === 'event' ? `<Event><![CDATA[${msg.event ?? 'enter_agent'}]]></Event>` : `<MsgId>${msg.msgId ?? String(BigInt(Date.now()) * 1000n)}</MsgId>`) +
    `<AgentID>${app.agentId}</AgentID></xml>`;
  const sealed = encrypt(app.aesKey, inner, receiveId);
  const timestamp = String(createTime);
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const signature = getSignature(app.token, timestamp, nonce, sealed);
  return {
    query: `msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${app.corpId}]]></ToUserName><Encrypt><![CDATA[${sealed}]]></Encrypt><AgentID><![CDATA[${app.agentId}]]></AgentID></xml>`,
  };
}

/** Opens a passive reply as WeCom would: its signature checked, decrypted, receiveid checked. */
export function decryptPassiveReply(app: WecomTestApp, body: string): { content: string; toUser: string; fromUser: string } | null {
  if (!body) return null;
  const outer = parser.parse(body).xml as Record<string, string>;
  const expected = getSignature(app.token, outer.TimeStamp, outer.Nonce, outer.Encrypt);
  if (expected !== outer.MsgSignature) throw new Error('passive reply signature does not verify');
  const opened = decrypt(app.aesKey, outer.Encrypt);
  if (opened.id !== app.corpId) throw new Error(`passive reply receiveid is ${opened.id}`);
  const inner = parser.parse(opened.message).xml as Record<string, string>;
  return { content: inner.Content, toUser: inner.ToUserName, fromUser: inner.FromUserName };
}

/** POSTs a message to the real server as WeCom would, and opens the passive reply. */
export async function postToWecom(baseUrl: string, app: WecomTestApp, msg: WecomTestMessage): Promise<{ status: number; body: string; reply: string | null }> {
  const { query, body } = buildWecomPost(app, msg);
  const res = await fetch(`${baseUrl}/wecom/callback?${query}`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
  const text = await res.text();
  return { status: res.status, body: text, reply: res.status === 200 ? (decryptPassiveReply(app, text)?.content ?? null) : null };
}
