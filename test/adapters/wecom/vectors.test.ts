import { readFileSync } from 'node:fs';
import { decrypt, encrypt } from '@wecom/crypto';
import { expect } from 'chai';
import { createWecomAdapter } from '../../../bot/adapters/wecom';
import { WecomCipher } from '../../../bot/adapters/wecom/crypto';
import { silentLogger } from '../../../bot/log';
import { ManualClock } from '../../../bot/time';
import { mountAdapter } from '../../support/stub-app';
import { decryptPassiveReply } from '../../support/wecom-client';

const vectors = JSON.parse(readFileSync(new URL('../../fixtures/wecom-vectors.json', import.meta.url), 'utf8'));

function adapterFor(v: { token: string; encodingAESKey: string; receiveId: string }) {
  return createWecomAdapter({
    config: { corpId: v.receiveId, agentId: '218', secret: 's', token: v.token, aesKey: v.encodingAESKey, apiBase: 'http://127.0.0.1:9' },
    log: silentLogger,
    clock: new ManualClock('2026-11-23T00:00:00Z'),
  });
}

describe('WeCom official vectors', () => {
  it('answers the URL verification of vector A with exactly the echostr plaintext', async () => {
    const app = await mountAdapter(adapterFor(vectors.A));
    try {
      const res = await fetch(`${app.url}/wecom/callback?${vectors.A.verifyUrl.rawQuery}`);
      expect(res.status).to.equal(200);
      expect(await res.text()).to.equal(vectors.A.verifyUrl.expectedBody);
    } finally {
      await app.close();
    }
  });

  for (const name of ['A', 'B']) {
    it(`verifies and decrypts message vector ${name} into the documented fields, MsgId as the exact string`, async () => {
      const v = vectors[name];
      const app = await mountAdapter(adapterFor(v));
      try {
        const m = v.message;
        const res = await fetch(`${app.url}/wecom/callback?msg_signature=${m.msg_signature}&timestamp=${m.timestamp}&nonce=${m.nonce}`, {
          method: 'POST',
          body: `<xml><ToUserName><![CDATA[${v.receiveId}]]></ToUserName><Encrypt><![CDATA[${m.encrypt}]]></Encrypt><AgentID><![CDATA[${m.decrypted.AgentID}]]></AgentID></xml>`,
        });
        expect(res.status).to.equal(200);
        expect(app.received).to.have.length(1);
        expect(app.received[0]).to.deep.include({
          platform: 'wecom',
          kind: 'text',
          userId: m.decrypted.FromUserName,
          text: m.decrypted.Content,
          messageId: m.decrypted.MsgId,
        });
        expect(app.received[0].platformTime?.getTime()).to.equal(Number(m.decrypted.CreateTime) * 1000);
      } finally {
        await app.close();
      }
    });

    it(`re-encrypts vector ${name} byte for byte with the same random, and its signature reproduces`, () => {
      const v = vectors[name];
      const opened = decrypt(v.encodingAESKey, v.message.encrypt);
      expect(opened.id).to.equal(v.receiveId);
      expect(encrypt(v.encodingAESKey, opened.message, opened.id, opened.random)).to.equal(v.message.encrypt);
      const cipher = new WecomCipher(v.token, v.encodingAESKey, v.receiveId);
      expect(cipher.signature(v.message.timestamp, v.message.nonce, v.message.encrypt)).to.equal(v.message.msg_signature);
    });
  }

  it('builds a passive reply that WeCom can verify and decrypt back to the content', () => {
    const v = vectors.B;
    const cipher = new WecomCipher(v.token, v.encodingAESKey, v.receiveId);
    const xml = cipher.passiveReply('ChenJiaShun', '已记录：晨检 36.5℃ ]]> 正常', new Date('2026-11-23T00:00:00Z'));
    const opened = decryptPassiveReply({ corpId: v.receiveId, agentId: '1000002', token: v.token, aesKey: v.encodingAESKey, secret: '' }, xml);
    expect(opened).to.deep.equal({ content: '已记录：晨检 36.5℃ ]]> 正常', toUser: 'ChenJiaShun', fromUser: v.receiveId });
  });
});
