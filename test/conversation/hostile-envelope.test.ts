import { encrypt, getSignature } from '@wecom/crypto';
import { expect } from 'chai';
import { captureLog } from '../support/capture-log';
import { Hall } from '../support/hall';
import { TEST_WECOM } from '../support/wecom-client';

const nested = (depth: number) => `<xml>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}<Encrypt>abc</Encrypt></xml>`;

/** Unauthenticated XML that once answered 500 with a logged stack: each is a 400, a warning without the body, and leaves no trace. */
const ENVELOPES: [string, string][] = [
  ['a DOCTYPE with nested entities (billion laughs)', '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>'],
  ['an external entity', '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>'],
  ['a <__proto__> field', '<xml><__proto__><polluted>1</polluted></__proto__><Encrypt>abc</Encrypt></xml>'],
  ['a <constructor> field', '<xml><constructor><prototype>x</prototype></constructor><Encrypt>abc</Encrypt></xml>'],
  ['150 nested tags', nested(150)],
  ['5,000 nested tags', nested(5000)],
];

describe('conversation: hostile WeCom XML', () => {
  let hall: Hall;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    const captured = captureLog();
    lines = captured.lines;
    hall = await Hall.open({ log: captured.log });
  });
  afterEach(() => hall.close());

  const nothingKept = async () => {
    for (const table of ['inbound_message', 'report', 'outbox']) expect(await hall.count(table), table).to.equal(0);
    await hall.deliver();
    expect(hall.fake.calls, 'outbound calls').to.deep.equal([]);
  };
  const quietly = (marker: string) => {
    expect(lines.filter((l) => Number(l.level) >= 50), 'error lines').to.deep.equal([]);
    for (const line of lines) {
      expect(JSON.stringify(line)).not.to.contain(marker);
      expect(line).not.to.have.property('err');
      expect(line).not.to.have.property('stack');
    }
    expect(lines.some((l) => l.level === 40 && l.status === 400)).to.equal(true);
  };

  for (const [what, body] of ENVELOPES) {
    it(`answers an envelope with ${what} with 400, logged as a warning without the body`, async () => {
      const res = await fetch(`${hall.url}/wecom/callback?msg_signature=x&timestamp=1&nonce=2`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
      expect(res.status).to.equal(400);
      quietly(body.slice(0, 30));
      await nothingKept();
    });
  }

  it('answers a correctly signed and encrypted message whose inner XML has a <__proto__> field with 400', async () => {
    const inner = `<xml><ToUserName>${TEST_WECOM.corpId}</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1795000000</CreateTime><__proto__><isAdmin>1</isAdmin></__proto__><MsgType>text</MsgType><Content>36.5</Content><MsgId>1</MsgId></xml>`;
    const sealed = encrypt(TEST_WECOM.aesKey, inner, TEST_WECOM.corpId);
    const query = `msg_signature=${getSignature(TEST_WECOM.token, '1', '2', sealed)}&timestamp=1&nonce=2`;
    const res = await fetch(`${hall.url}/wecom/callback?${query}`, { method: 'POST', body: `<xml><Encrypt>${sealed}</Encrypt></xml>` });
    expect(res.status).to.equal(400);
    quietly('isAdmin');
    await nothingKept();
  });
});
