import { expect } from 'chai';
import { Hall } from '../support/hall';
import { buildWecomPost, TEST_WECOM } from '../support/wecom-client';

describe('conversation: bad input', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open()));
  afterEach(() => hall.close());

  const nothingStored = async (tables = ['report', 'alert', 'outbox']) => {
    for (const table of tables) expect(await hall.count(table), table).to.equal(0);
    expect(hall.fake.calls, 'outbound calls').to.deep.equal([]);
  };

  const answers: [string, string[]][] = [
    ['365', ['365', '是否想上报 36.5℃']],
    ['98.6', ['华氏', '37.0℃']],
    ['体温 102', ['华氏']],
    ['45.2', ['45.2', '超出合理范围']],
    ['30', ['超出合理范围']],
    ['36.5 36.8', ['多个体温']],
    ['36.5 绿码 红码', ['健康码只能填一种']],
    ['晨检 绿码', ['没有找到体温']],
  ];
  for (const [text, facts] of answers) {
    it(`answers "${text}" helpfully and stores no report`, async () => {
      const { status, reply } = await hall.send('zhangsan', text);
      expect(status).to.equal(200);
      for (const fact of facts) expect(reply).to.contain(fact);
      await nothingStored();
    });
  }

  const post = (query: string, body: string) => fetch(`${hall.url}/wecom/callback?${query}`, { method: 'POST', body });
  const valid = () => buildWecomPost(TEST_WECOM, { from: 'zhangsan', content: '36.5', msgId: '1001' });
  const refusals: [string, () => { query: string; body: string }, number][] = [
    ['a forged signature', () => ({ ...valid(), query: valid().query.replace(/msg_signature=\w+/, `msg_signature=${'a'.repeat(40)}`) }), 401],
    ['a wrong corp id', () => buildWecomPost(TEST_WECOM, { from: 'zhangsan', content: '36.5', msgId: '1002' }, 'wwsomeothercorp0000'), 401],
    ['malformed XML', () => ({ query: valid().query, body: '<xml><Encrypt>' }), 400],
    ['an oversized body', () => ({ query: valid().query, body: `<xml><Encrypt>${'x'.repeat(65 * 1024)}</Encrypt></xml>` }), 413],
  ];
  for (const [what, build, status] of refusals) {
    it(`refuses ${what} with ${status}, leaving no trace`, async () => {
      const { query, body } = build();
      expect((await post(query, body)).status).to.equal(status);
      await hall.deliver();
      await nothingStored(['inbound_message', 'report', 'alert', 'outbox']);
    });
  }

  it('answers a picture with a hint to send text, and records nothing but the message', async () => {
    const { query, body } = buildWecomPost(TEST_WECOM, { from: 'zhangsan', msgType: 'image', msgId: '2001' });
    const res = await post(query, body);
    expect(res.status).to.equal(200);
    await nothingStored();
  });
});
