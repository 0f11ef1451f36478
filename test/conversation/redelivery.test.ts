import { expect } from 'chai';
import { Hall } from '../support/hall';
import { buildWecomPost, decryptPassiveReply, TEST_WECOM } from '../support/wecom-client';

describe('conversation: re-delivery', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await Hall.open()));
  afterEach(() => hall.close());

  it('records a message delivered 5 times at once once, pushes once, and answers every delivery alike', async () => {
    const { query, body } = buildWecomPost(TEST_WECOM, { from: 'zhangsan', content: '37.9 咳嗽', msgId: '18446744073709551615' });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => fetch(`${hall.url}/wecom/callback?${query}`, { method: 'POST', body }).then(async (r) => ({ status: r.status, text: await r.text() }))),
    );
    await hall.deliver();
    expect(responses.map((r) => r.status)).to.deep.equal([200, 200, 200, 200, 200]);
    const replies = responses.map((r) => decryptPassiveReply(TEST_WECOM, r.text)?.content);
    expect(new Set(replies).size).to.equal(1);
    expect(replies[0]).to.contain('37.9℃').and.contain('告警 #1');
    expect(await hall.count('report')).to.equal(1);
    expect(await hall.count('alert')).to.equal(1);
    expect(await hall.count('inbound_message', 'message_id = ?', ['18446744073709551615'])).to.equal(1);
    expect(hall.fake.groupTexts()).to.have.length(1);
    expect(hall.fake.callsTo('/cgi-bin/message/send')).to.deep.equal([]);
  });

  it('answers a later re-delivery with the same reply and does nothing more', async () => {
    const first = await hall.send('zhangsan', '36.6', '3003');
    const again = await hall.send('zhangsan', '36.6', '3003');
    expect(again.reply).to.equal(first.reply);
    expect(await hall.count('report')).to.equal(1);
  });

  it('treats two different messages sent in the same second as two reports', async () => {
    await hall.send('zhangsan', '晨检 36.6', '4004');
    await hall.send('zhaoliu', '晨检 36.7', '4005');
    expect(await hall.count('report')).to.equal(2);
  });
});
