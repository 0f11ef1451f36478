import { expect } from 'chai';
import { postToDingtalk } from '../support/dingtalk-client';
import { Hall } from '../support/hall';
import { postToWecom, TEST_WECOM } from '../support/wecom-client';

/** A registered sender's message whose platform timestamp is absurd is handled, its platform time stored as unknown. */
describe('conversation: out-of-range platform timestamps', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  const stored = async () => hall.service.db.all<{ platform_time: string | null; received_at: string }>('SELECT platform_time, received_at FROM inbound_message');

  for (const createTime of [99999999999999, 0, 4102444800]) {
    it(`WeCom CreateTime ${createTime}: answered and recorded, platform time unknown`, async () => {
      hall = await Hall.open();
      const { status, reply } = await postToWecom(hall.url, TEST_WECOM, { from: 'zhangsan', content: '晨检 36.5', createTime });
      expect(status).to.equal(200);
      expect(reply).to.contain('36.5℃');
      expect(await hall.count('report')).to.equal(1);
      const [row] = await stored();
      expect(row.platform_time).to.equal(null);
      expect(row.received_at).to.equal('2026-11-23T00:05:00.000Z');
    });
  }

  for (const createAt of [1e20, -1e20, 'soon', 1.5e15]) {
    it(`DingTalk createAt ${createAt}: answered and recorded, platform time unknown`, async () => {
      hall = await Hall.open({ platform: 'dingtalk' });
      const now = hall.clock.now().getTime();
      const { status } = await postToDingtalk(hall.url, { from: 'zhangsan', content: '晨检 36.5', createAt, sessionWebhook: hall.dingtalk.sessionWebhook(), sessionExpiresAt: 1e20 }, now);
      await hall.deliver();
      expect(status).to.equal(200);
      expect(await hall.count('report')).to.equal(1);
      expect((await stored())[0].platform_time).to.equal(null);
      const replies = [...hall.dingtalk.sessionTexts(), ...hall.dingtalk.directTexts().map((d) => d.text)];
      expect(replies).to.have.length(1);
      expect(replies[0]).to.contain('36.5℃');
    });
  }

  it('keeps a plausible platform time beside the receive time', async () => {
    hall = await Hall.open({ platform: 'dingtalk' });
    const now = hall.clock.now().getTime();
    await postToDingtalk(hall.url, { from: 'zhangsan', content: '36.5', createAt: now - 2000 }, now);
    expect((await stored())[0].platform_time).to.equal(new Date(now - 2000).toISOString());
  });
});
