import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { dingtalkSign, signedWebhookUrl, verifyCallback } from '../../../bot/adapters/dingtalk/sign';

const vector = JSON.parse(readFileSync(new URL('../../fixtures/dingtalk-vectors.json', import.meta.url), 'utf8')).robotSign;

describe('DingTalk signatures', () => {
  it('reproduces the public signing vector exactly, raw and URL-encoded', () => {
    expect(dingtalkSign(vector.timestamp, vector.secret)).to.equal(vector.signBase64);
    expect(encodeURIComponent(dingtalkSign(vector.timestamp, vector.secret))).to.equal(vector.signUrlEncoded);
  });

  it('puts the sign into a robot webhook URL encoded exactly once', () => {
    const url = signedWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', vector.secret, new Date(Number(vector.timestamp)));
    expect(url).to.equal(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${vector.timestamp}&sign=${vector.signUrlEncoded}`);
  });

  describe('callback verification', () => {
    const now = new Date(Number(vector.timestamp) + 30 * 60_000);
    it('accepts a fresh timestamp with its sign', () => expect(verifyCallback(vector.timestamp, vector.signBase64, vector.secret, now)).to.equal(true));
    it('refuses a sign off by one character', () => {
      const off = `${vector.signBase64.slice(0, -2)}${vector.signBase64.at(-2) === 'A' ? 'B' : 'A'}=`;
      expect(verifyCallback(vector.timestamp, off, vector.secret, now)).to.equal(false);
    });
    it('refuses a timestamp two hours old', () => expect(verifyCallback(vector.timestamp, vector.signBase64, vector.secret, new Date(Number(vector.timestamp) + 2 * 3600_000))).to.equal(false));
    it('refuses a timestamp in seconds', () => {
      const seconds = vector.timestamp.slice(0, -3);
      expect(verifyCallback(seconds, dingtalkSign(seconds, vector.secret), vector.secret, now)).to.equal(false);
    });
    it('refuses missing headers', () => {
      expect(verifyCallback(undefined, vector.signBase64, vector.secret, now)).to.equal(false);
      expect(verifyCallback(vector.timestamp, undefined, vector.secret, now)).to.equal(false);
    });
  });
});
