import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';

/** The benchmark's WeCom app (WeCom's official sample values for the cipher). */
export const BENCH_WECOM = {
  corpId: 'ww1436e0e65a779aee',
  agentId: '1000002',
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
};

export const STAFF_COUNT = 300;

let sequence = 0n;
const base = 7_000_000_000_000_000_000n;

/**
 * A new encrypted text message, as WeCom would POST it: a fresh 64-bit MsgId,
 * from one of the 300 registered staff, reporting a normal temperature.
 */
export function nextWecomRequest(): { path: string; body: string } {
  sequence += 1n;
  const user = `user${Number(sequence % BigInt(STAFF_COUNT))}`;
  const temperature = (36 + Number(sequence % 8n) / 10).toFixed(1);
  const now = Math.floor(Date.now() / 1000);
  const xml =
    `<xml><ToUserName><![CDATA[${BENCH_WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[${user}]]></FromUserName>` +
    `<CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[体温 ${temperature} 绿码]]></Content>` +
    `<MsgId>${base + sequence}</MsgId><AgentID>${BENCH_WECOM.agentId}</AgentID></xml>`;
  const encrypted = encrypt(BENCH_WECOM.aesKey, xml, BENCH_WECOM.corpId);
  const nonce = randomBytes(6).toString('hex');
  const signature = getSignature(BENCH_WECOM.token, now, nonce, encrypted);
  return {
    path: `/wecom/callback?msg_signature=${signature}&timestamp=${now}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${BENCH_WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${BENCH_WECOM.agentId}]]></AgentID></xml>`,
  };
}
