import { expect } from 'chai';
import { MESSAGES_PER_MINUTE, READINGS_PER_SLOT } from '../../bot/flood/limits';
import { Hall } from '../support/hall';
import { postToWecom, TEST_WECOM } from '../support/wecom-client';

/** Issue 24: one sender flooding the bot is slowed with a clear answer; nobody else waits for it. */
describe('a flooding sender', () => {
  let hall: Hall;
  afterEach(() => hall?.close());
  let serial = 0;
  const say = (from: string, content: string) => postToWecom(hall.url, TEST_WECOM, { from, content, msgId: String(7_200_000_000_000_000_000n + BigInt(++serial)) });

  it('is told to slow down past 60 messages a minute, what they sent kept, while another sender is answered at once', async () => {
    hall = await Hall.open();
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) expect((await say('zhangsan', '帮助')).status).to.equal(200);
    const flooded = await say('zhangsan', '晨检 36.6');
    expect(flooded.reply).to.contain('一分钟内').and.contain('超过 60 条');
    expect(await hall.count('report')).to.equal(0);
    expect(await hall.count('inbound_message', "sender_id = 'zhangsan' AND text = ?", ['晨检 36.6'])).to.equal(1);

    // A fever is never held back, however fast its sender has been typing; nor a code, nor a report for someone else.
    expect((await say('zhangsan', '晨检 38.3 咳嗽')).reply).to.contain('38.3℃').and.contain('告警');
    expect((await say('zhangsan', '体温 37.9 38.0')).reply).to.not.contain('一分钟内');
    expect((await say('zhangsan', '红码 36.5')).reply).to.contain('红码').and.not.contain('一分钟内');
    expect((await say('zhangsan', '晨检 36.7 绿码')).reply).to.contain('一分钟内');
    expect(await hall.count('report')).to.equal(2);

    const other = await say('zhaoliu', '晨检 36.5');
    expect(other.reply).to.contain('36.5℃');
    expect(await hall.count('report')).to.equal(3);

    // A minute later the sender is heard again.
    hall.clock.advance(61_000);
    expect((await say('zhangsan', '晨检 36.6')).reply).to.contain('36.6℃');
  });

  it('is told to slow down past 30 readings in a slot, the message kept, and a fever still raises its alert', async () => {
    hall = await Hall.open();
    for (let i = 0; i < READINGS_PER_SLOT; i++) {
      hall.clock.advance(2_000);
      expect((await say('zhangsan', `晨检 36.${i % 9}`)).reply).to.contain('℃');
    }
    hall.clock.advance(2_000);
    const capped = await say('zhangsan', '晨检 36.9');
    expect(capped.reply).to.contain(`已报送 ${READINGS_PER_SLOT} 次`);
    expect(await hall.count('report')).to.equal(READINGS_PER_SLOT);
    expect(await hall.count('inbound_message', "sender_id = 'zhangsan' AND text = ?", ['晨检 36.9'])).to.equal(1);

    hall.clock.advance(2_000);
    expect((await say('zhangsan', '晨检 38.2')).reply).to.contain('38.2℃').and.contain('告警');
    expect((await say('zhaoliu', '晨检 36.5')).reply).to.contain('36.5℃');
  });
});
