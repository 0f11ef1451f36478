import { encrypt, getSignature } from '@wecom/crypto';
import { expect } from 'chai';
import { createWecomAdapter } from '../../../bot/adapters/wecom';
import { silentLogger } from '../../../bot/log';
import { ManualClock } from '../../../bot/time';
import { mountAdapter } from '../../support/stub-app';
import { buildWecomPost, TEST_WECOM } from '../../support/wecom-client';

const adapter = () =>
  createWecomAdapter({
    config: { ...TEST_WECOM, apiBase: 'http://127.0.0.1:9' },
    log: silentLogger,
    clock: new ManualClock('2026-11-23T00:00:00Z'),
  });

describe('WeCom callback', () => {
  let app: Awaited<ReturnType<typeof mountAdapter>>;
  let failNextDispatch = false;
  beforeEach(async () => {
    failNextDispatch = false;
    app = await mountAdapter(adapter(), () => {
      if (failNextDispatch) throw new Error('database down');
      return { reply: '收到', duplicate: false };
    });
  });
  afterEach(() => app.close());

  const post = (query: string, body: string) => fetch(`${app.url}/wecom/callback?${query}`, { method: 'POST', body });
  const valid = () => buildWecomPost(TEST_WECOM, { from: 'zhangsan', content: '36.5', msgId: '9223372036854775807' });

  it('dispatches a valid message with its 64-bit MsgId intact and answers with an encrypted reply', async () => {
    const { query, body } = valid();
    const res = await post(query, body);
    expect(res.status).to.equal(200);
    expect(await res.text()).to.contain('<Encrypt>');
    expect(app.received[0].messageId).to.equal('9223372036854775807');
  });

  it('reads a message from a group chat as a group message, and a ChatType "single" or no chat as one-to-one', async () => {
    const cases = [
      { chatId: 'wr-group', chatType: 'group' as const, isGroup: true },
      { chatId: 'wr-single', chatType: 'single' as const, isGroup: false },
      { chatId: undefined, chatType: undefined, isGroup: false },
    ];
    for (const [i, c] of cases.entries()) {
      const { query, body } = buildWecomPost(TEST_WECOM, { from: 'zhangsan', content: '36.5', msgId: String(100 + i), chatId: c.chatId, chatType: c.chatType });
      expect((await post(query, body)).status).to.equal(200);
      expect(app.received[i]).to.include({ isGroup: c.isGroup, chatId: c.chatId });
    }
  });

  describe('refuses bad input with no dispatch', () => {
    const cases: [string, () => { query: string; body: string }, number][] = [
      ['a forged signature', () => ({ ...valid(), query: valid().query.replace(/msg_signature=\w+/, `msg_signature=${'0'.repeat(40)}`) }), 401],
      [
        'a signature off by one character',
        () => {
          const v = valid();
          return { ...v, query: v.query.replace(/msg_signature=(\w)/, (_, c) => `msg_signature=${c === 'a' ? 'b' : 'a'}`) };
        },
        401,
      ],
      ['no signature at all', () => ({ ...valid(), query: 'timestamp=1&nonce=2' }), 401],
      ['a message for another corp (wrong receiveid)', () => buildWecomPost(TEST_WECOM, { from: 'zhangsan', content: '36.5' }, 'wwanothercorp000000'), 401],
      ['malformed XML', () => ({ query: valid().query, body: '<xml><Encrypt>abc</Encrypt' }), 400],
      ['XML without Encrypt', () => ({ query: valid().query, body: '<xml><ToUserName>x</ToUserName></xml>' }), 400],
      ['JSON instead of XML', () => ({ query: valid().query, body: '{"Encrypt":"x"}' }), 400],
      [
        'an undecryptable Encrypt with a valid signature',
        () => {
          const garbage = 'AAAAAAAAAAAAAAAAAAAAAA==';
          return { query: `msg_signature=${getSignature(TEST_WECOM.token, '1', '2', garbage)}&timestamp=1&nonce=2`, body: `<xml><Encrypt>${garbage}</Encrypt></xml>` };
        },
        400,
      ],
      ['a body over 64 KiB', () => ({ query: valid().query, body: `<xml><Encrypt>${'A'.repeat(70_000)}</Encrypt></xml>` }), 413],
    ];
    for (const [what, build, status] of cases) {
      it(`answers ${status} to ${what}`, async () => {
        const { query, body } = build();
        const res = await post(query, body);
        expect(res.status).to.equal(status);
        expect(app.received).to.have.length(0);
      });
    }

    it('answers 401 to a URL verification with a forged signature', async () => {
      const echostr = encrypt(TEST_WECOM.aesKey, '12345', TEST_WECOM.corpId);
      const res = await fetch(`${app.url}/wecom/callback?msg_signature=${'f'.repeat(40)}&timestamp=1&nonce=2&echostr=${encodeURIComponent(echostr)}`);
      expect(res.status).to.equal(401);
    });
  });

  it('decodes an enter_agent event with a key of sender, time and event, and answers an empty 200', async () => {
    const quiet = await mountAdapter(adapter());
    try {
      const { query, body } = buildWecomPost(TEST_WECOM, { from: 'zhangsan', msgType: 'event', event: 'enter_agent', createTime: 1795000001 });
      const res = await fetch(`${quiet.url}/wecom/callback?${query}`, { method: 'POST', body });
      expect(res.status).to.equal(200);
      expect(await res.text()).to.equal('');
      expect(quiet.received[0]).to.deep.include({ kind: 'event', text: 'enter_agent', messageId: 'event:zhangsan:1795000001:enter_agent' });
    } finally {
      await quiet.close();
    }
  });

  it('decodes an image as a non-text message', async () => {
    const { query, body } = buildWecomPost(TEST_WECOM, { from: 'zhangsan', msgType: 'image', msgId: '123' });
    await post(query, body);
    expect(app.received[0]).to.deep.include({ kind: 'other', messageId: '123' });
  });

  it('answers 500 when dispatch fails, so WeCom re-delivers, and keeps serving', async () => {
    failNextDispatch = true;
    const first = valid();
    expect((await post(first.query, first.body)).status).to.equal(500);
    failNextDispatch = false;
    const second = valid();
    expect((await post(second.query, second.body)).status).to.equal(200);
  });
});
