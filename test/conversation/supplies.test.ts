import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { setThreshold } from '../../bot/supplies/stock';
import { Hall, type TestPlatform } from '../support/hall';

/** 周八 keeps the supplies (综合协调组); 王五 leads; 张三 and 李四 are not in the group. */
const GROUPS = 'group,name\n综合协调组,周八\n消毒防疫组,张三\n';
const CHAT_PLATFORMS: TestPlatform[] = ['wecom', 'dingtalk'];

for (const platform of CHAT_PLATFORMS) {
  describe(`supplies by chat (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await Hall.open({ platform, now: '2026-11-23T09:00:00+08:00', env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders' } });
      const imported = await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() });
      expect(imported.ok, JSON.stringify(imported.errors)).to.equal(true);
    });
    afterEach(() => hall.close());

    it('receives, takes and counts, each item in its own unit', async () => {
      expect((await hall.send('zhouba', '入库 口罩 500')).reply).to.contain('已入库：口罩 500 个，现有 500 个');
      expect((await hall.send('zhouba', '入库 消毒液 20瓶')).reply).to.contain('已入库：消毒液 20 瓶，现有 20 瓶');
      expect((await hall.send('wangwu', '入库 额温枪 2')).reply).to.contain('额温枪 2 台');
      expect((await hall.send('zhouba', '入库 口罩 2箱')).reply).to.contain('口罩 以「个」计，本次写的是「箱」');
      expect((await hall.send('wangwu', '领用 口罩 50个')).reply).to.contain('已领用：口罩 50 个，现有 450 个');
      expect((await hall.send('zhouba', '盘点 口罩 320')).reply).to.contain('已盘点：口罩 320 个（账面 450 个，盘亏 130 个）');
      expect((await hall.send('zhouba', '盘点 消毒液 20')).reply).to.contain('账实相符');
      expect(await hall.count('supply_movement')).to.equal(6);
    });

    it('refuses taking more than the stock, an unknown item and a bad amount, recording nothing', async () => {
      await hall.send('zhouba', '入库 口罩 30');
      const more = await hall.send('zhouba', '领用 口罩 50');
      expect(more.reply).to.contain('库存不足：口罩 现有 30 个，不能领用 50 个，未记录').and.contain('盘点 口罩');
      expect((await hall.send('zhouba', '领用 手套 5')).reply).to.contain('没有「手套」的库存记录（现有：口罩）');
      expect((await hall.send('zhouba', '入库 口罩 很多')).reply).to.contain('数量「很多」不对');
      expect((await hall.send('zhouba', '入库 口罩 2.5')).reply).to.contain('数量「2.5」不对');
      expect((await hall.send('zhouba', '入库 口罩 5 吨')).reply).to.contain('不认识的单位「吨」');
      expect((await hall.send('zhouba', '领用')).reply).to.contain('用法：领用 口罩 50');
      expect(await hall.count('supply_movement')).to.equal(1);
      expect(await hall.count('supply_item', 'quantity = ?', [30])).to.equal(1);
    });

    it('refuses people outside 综合协调组 and the leadership politely', async () => {
      for (const [user, text] of [['zhangsan', '入库 口罩 500'], ['lisi', '领用 口罩 5'], ['zhangsan', '盘点 口罩 5'], ['lisi', '库存']]) {
        expect((await hall.send(user, text)).reply, text).to.contain('物资登记由综合协调组成员或领导小组成员进行');
      }
      expect(await hall.count('supply_item')).to.equal(0);
    });

    it('lists every item with its stock, use per day over the last 7 days and days it lasts', async () => {
      expect((await hall.send('zhouba', '库存')).reply).to.contain('还没有物资记录');
      hall.clock.set('2026-11-15T09:00:00+08:00');
      await hall.send('zhouba', '入库 口罩 1000');
      await hall.send('zhouba', '领用 口罩 300');
      await hall.send('zhouba', '入库 消毒液 12');
      hall.clock.set('2026-11-17T09:00:00+08:00');
      await hall.send('zhouba', '领用 口罩 35');
      hall.clock.set('2026-11-23T09:00:00+08:00');
      await hall.send('zhouba', '领用 口罩 35');
      const stock = await hall.send('wangwu', '库存');
      expect(stock.reply).to.contain('【库存】11月23日').and.contain('口罩：630 个，日均领用 10 个，约可用 63 天');
      expect(stock.reply).to.contain('消毒液：12 瓶，近 7 天无领用');
    });

    it('tells 综合协调组 and the leadership group once when the stock drops below its threshold, and again after it was back', async () => {
      await hall.send('zhouba', '入库 口罩 300');
      await setThreshold(hall.service.db, '口罩', 200, '个', hall.clock.now());
      const drop = await hall.send('wangwu', '领用 口罩 110');
      expect(drop.reply).to.contain('现有 190 个').and.contain('已低于阈值 200 个，已通知综合协调组和领导小组');
      expect(drop.direct.map((d) => d.to)).to.deep.equal(['zhouba']);
      expect(drop.direct[0].text).to.contain('【物资预警】口罩 库存 190 个，低于阈值 200 个');
      expect(drop.group).to.have.length(1);
      expect(drop.group[0]).to.contain('【物资预警】口罩');

      const lower = await hall.send('zhouba', '领用 口罩 10');
      expect([...lower.direct, ...lower.group]).to.deep.equal([]);
      expect(lower.reply).to.not.contain('阈值');
      expect((await hall.send('zhouba', '库存')).reply).to.contain('阈值 200（已低于）');

      const back = await hall.send('zhouba', '入库 口罩 100');
      expect([...back.direct, ...back.group]).to.deep.equal([]);
      const again = await hall.send('zhouba', '领用 口罩 90');
      expect(again.group).to.have.length(1);
      expect(again.group[0]).to.contain('口罩 库存 190 个');
    });
  });
}
