import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { Hall } from '../support/hall';

/** 张三 does the rounds (消毒防疫组); 周八 keeps the supplies (综合协调组); 王五 leads. */
const GROUPS = 'group,name\n消毒防疫组,张三\n综合协调组,周八\n';
/** A hall with two areas whose names share 服务区, and the public area also called 大厅 or 大堂. */
const AREAS = '公共区域(大厅|大堂),税务区,便民服务区,自助服务区,网办区';

async function hall(): Promise<Hall> {
  const opened = await Hall.open({ now: '2026-11-23T08:30:00+08:00', env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DISINFECTION_AREAS: AREAS } });
  const imported = await importGroups(opened.service.db, GROUPS, { now: opened.clock.now() });
  expect(imported.ok, JSON.stringify(imported.errors)).to.equal(true);
  return opened;
}

/** Issue 22 item 9: the newer commands understand a hall's phrasing. */
describe('disinfection as a hall says it', () => {
  let h: Hall;
  beforeEach(async () => (h = await hall()));
  afterEach(() => h.close());

  const logged = async () =>
    (await h.service.db.all<{ area: string; routine: unknown; note: string }>('SELECT area, routine, note FROM disinfection_log ORDER BY id')).map((r) => `${r.area}|${Boolean(r.routine)}|${r.note}`);

  for (const [text, area] of [
    ['税务区消杀完毕', '税务区'],
    ['便民服务区已消杀', '便民服务区'],
    ['税务区 已消毒', '税务区'],
    ['网办区消毒完成', '网办区'],
    ['大厅已经消毒了', '公共区域'],
    ['大堂消杀好了', '公共区域'],
    ['消杀 大厅 完成', '公共区域'],
    ['消杀网办区完成', '网办区'],
    ['消杀 自助 完成', '自助服务区'],
    ['税务区，已消杀。', '税务区'],
    ['税务区已完成消杀', '税务区'],
    ['税务区消杀已完成', '税务区'],
  ] as const) {
    it(`${JSON.stringify(text)} logs ${area} in the current round`, async () => {
      const { reply } = await h.send('zhangsan', text);
      expect(reply).to.contain(`已登记消杀：${area}（08:00 轮次`);
      expect(await logged()).to.deep.equal([`${area}|true|完成`]);
    });
  }

  it('keeps what is said after the area as its note: 税务区已消毒 擦拭柜台、门把手', async () => {
    await h.send('zhangsan', '税务区已消毒 擦拭柜台、门把手');
    expect(await logged()).to.deep.equal(['税务区|true|擦拭柜台、门把手']);
  });

  it('logs several areas named at once, either way round, saying which were already logged', async () => {
    await h.send('zhangsan', '消杀 网办区 完成');
    const both = await h.send('zhangsan', '消杀 税务区、网办区 完成');
    expect(both.reply).to.contain('已登记消杀：税务区（08:00 轮次').and.contain('网办区 本轮（08:00）已由 张三');
    expect((await h.send('zhangsan', '大厅 便民服务区已消杀')).reply).to.contain('已登记消杀：公共区域、便民服务区');
    expect(await logged()).to.deep.equal(['网办区|true|完成', '税务区|true|完成', '公共区域|true|完成', '便民服务区|true|完成']);
    expect((await h.send('zhangsan', '消杀 税务区 服务区 完成')).reply).to.contain('对应多个消杀区域');
  });

  it('logs every area left with the area-first 全部消杀完毕', async () => {
    await h.send('zhangsan', '消杀 税务区 完成');
    expect((await h.send('zhangsan', '全部消杀完毕')).reply).to.contain('已登记消杀：公共区域、便民服务区、自助服务区、网办区').and.contain('本轮各区域已全部完成');
  });

  for (const text of ['消杀 服务区 完成', '服务区已消杀', '消杀 区 完成']) {
    it(`asks which area ${JSON.stringify(text)} means, listing the candidates, and logs nothing`, async () => {
      const { reply } = await h.send('zhangsan', text);
      expect(reply).to.contain('对应多个消杀区域').and.contain('便民服务区').and.contain('自助服务区').and.contain('未登记');
      expect(await logged()).to.deep.equal([]);
    });
  }

  it('logs a place that names no area nor alias as ad hoc, and says so plainly', async () => {
    const { reply } = await h.send('zhangsan', '会议室已消毒');
    expect(reply).to.contain('已登记临时消杀：会议室 — 已消毒').and.contain('「会议室」不是例行消杀区域，不计入本轮');
    expect(await logged()).to.deep.equal(['会议室|false|已消毒']);
    const status = (await h.send('zhangsan', '消杀状态')).reply!;
    expect(status).to.contain('08:00 轮次：已完成 0/5').and.contain('➕ 临时 会议室');
  });

  for (const text of ['今天消杀情况', '今天的消杀情况', '今日消毒做了吗', '今天消杀了吗', '今天消杀做完了没有', '消杀 情况', '消杀情况怎么样', '消杀做完了吗', '哪些区域还没消杀', '还有哪些地方没消毒', '消杀进度', '消毒记录', '查看消杀情况']) {
    it(`${JSON.stringify(text)} shows today’s rounds`, async () => {
      await h.send('zhangsan', '税务区消杀完毕');
      expect((await h.send('sunqi', text)).reply).to.contain('【消杀状态】').and.contain('✅ 税务区 — 张三');
      expect(await logged()).to.have.length(1);
    });
  }

  it('refuses the area-first phrasing from someone outside 消毒防疫组 and the leadership, logging nothing', async () => {
    expect((await h.send('sunqi', '税务区消杀完毕')).reply).to.contain('消杀登记由消毒防疫组成员或领导小组成员进行');
    expect(await logged()).to.deep.equal([]);
  });

  it('leaves readings and other sentences alone', async () => {
    expect((await h.send('zhangsan', '36.5')).reply).to.contain('已记录');
    expect((await h.send('zhangsan', '我已消毒')).reply).to.contain('没看懂');
    expect(await logged()).to.deep.equal([]);
  });
});

describe('supplies with Chinese numerals', () => {
  let h: Hall;
  beforeEach(async () => (h = await hall()));
  afterEach(() => h.close());

  const stock = async (item: string) => {
    const [row] = await h.service.db.all<{ quantity: unknown; unit: string }>('SELECT quantity, unit FROM supply_item WHERE name = ?', [item]);
    return row && `${Number(row.quantity)} ${row.unit}`;
  };

  for (const [text, item, expected] of [
    ['入库 口罩 两箱', '口罩', '2 箱'],
    ['入库 酒精 十瓶', '酒精', '10 瓶'],
    ['入库 口罩 一百个', '口罩', '100 个'],
    ['入库 酒精 二十四瓶', '酒精', '24 瓶'],
    ['入库 防护服 三百五十套', '防护服', '350 套'],
    ['入库 口罩 两千', '口罩', '2000 个'],
    ['入库 口罩 一千二', '口罩', '1200 个'],
    ['入库 手套 一百零五副', '手套', '105 副'],
    ['入库 口罩 一万', '口罩', '10000 个'],
    ['入库 口罩两百个', '口罩', '200 个'],
    ['入库 口罩 五百 个', '口罩', '500 个'],
  ] as const) {
    it(`${JSON.stringify(text)} receives ${expected} of ${item}`, async () => {
      expect((await h.send('zhouba', text)).reply).to.contain(`已入库：${item} ${expected}`);
      expect(await stock(item)).to.equal(expected);
    });
  }

  it('takes and counts with Chinese numerals too', async () => {
    await h.send('zhouba', '入库 酒精 十瓶');
    expect((await h.send('zhouba', '领用 酒精 两瓶')).reply).to.contain('已领用：酒精 2 瓶，现有 8 瓶');
    expect((await h.send('wangwu', '盘点 酒精 七瓶')).reply).to.contain('已盘点：酒精 7 瓶（账面 8 瓶，盘亏 1 瓶）');
    expect((await h.send('wangwu', '盘点 酒精 零')).reply).to.contain('已盘点：酒精 0 瓶');
  });

  for (const text of ['入库 口罩 1e308', '入库 口罩 1e3', '入库 口罩 0x10', '入库 口罩 0b1010', '入库 口罩 2.5', '入库 口罩 -3', '入库 口罩 一千万']) {
    it(`refuses ${JSON.stringify(text)} as no whole number, storing nothing`, async () => {
      expect((await h.send('zhouba', text)).reply).to.contain('数量「').and.contain('不对');
      expect(await h.count('supply_item')).to.equal(0);
      expect(await h.count('supply_movement')).to.equal(0);
    });
  }
});
