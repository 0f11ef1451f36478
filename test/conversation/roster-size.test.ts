import { expect } from 'chai';
import { MAX_NAMES } from '../../handlers/rosters/submit';
import { Hall, PEOPLE, PLATFORMS } from '../support/hall';

const EXTRA = Array.from({ length: 250 }, (_, i) => ({ name: `员工${i}`, window: '1号窗口', role: 'staff', wecomUserId: `w${i}`, dingtalkUserId: `d${i}` }));

for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: how many people one roster message may name`, () => {
    let hall: Hall;
    beforeEach(async () => (hall = await Hall.open({ platform, now: '2026-11-23T10:00:00+08:00', people: [...PEOPLE, ...EXTRA] })));
    afterEach(() => hall.close());
    const names = (n: number, from = EXTRA) => from.slice(0, n).map((p) => p.name).join(' ');

    it(`accepts a roster of ${MAX_NAMES} people`, async () => {
      const { reply } = await hall.send('lisi', `明日排班 ${names(MAX_NAMES)}`);
      expect(reply).to.contain('排班');
      expect(await hall.count('roster_entry')).to.equal(MAX_NAMES);
    });

    it(`refuses ${MAX_NAMES + 1} names with a reply that says the limit, saving nothing`, async () => {
      const { status, reply } = await hall.send('lisi', `明日排班 ${names(MAX_NAMES + 1)}`);
      expect(status).to.equal(200);
      expect(reply).to.contain(String(MAX_NAMES)).and.contain(String(MAX_NAMES + 1)).and.contain('未保存');
      expect(await hall.count('roster')).to.equal(0);
    });

    it('refuses a message of thousands of names (DingTalk delivers 20,000 bytes) at once, saving nothing', async () => {
      const many = Array.from({ length: 2500 }, (_, i) => `路人${i}`).join(' ');
      const { status, reply } = await hall.send('wangwu', `明日排班 1号窗口 ${many}`);
      expect(status).to.equal(200);
      expect(reply).to.contain(String(MAX_NAMES)).and.contain('2500');
      expect(reply, 'the names are not listed back').not.to.contain('路人1');
      expect(await hall.count('roster')).to.equal(0);
    });
  });
}

describe('conversation: namesakes in a roster, looked up by the name index', () => {
  let hall: Hall;
  const NAMESAKES = [
    { name: '刘洋', window: '1号窗口', role: 'staff', wecomUserId: 'liuyang1' },
    { name: '刘洋', window: '2号窗口', role: 'staff', wecomUserId: 'liuyang2' },
    { name: '陈晨', window: '3号窗口', role: 'staff', wecomUserId: 'chenchen3' },
    { name: '陈晨', window: '4号窗口', role: 'staff', wecomUserId: 'chenchen4' },
  ];
  beforeEach(async () => (hall = await Hall.open({ now: '2026-11-23T10:00:00+08:00', people: [...PEOPLE, ...NAMESAKES] })));
  afterEach(() => hall.close());

  it("takes the namesake of the roster's own window", async () => {
    await hall.send('lisi', '明日排班 刘洋 张三');
    const [row] = await hall.service.db.all<{ wecom: string }>(
      `SELECT s.wecom_userid AS wecom FROM roster_entry e JOIN staff s ON s.id = e.staff_id WHERE s.name = '刘洋'`,
    );
    expect(row.wecom).to.equal('liuyang1');
  });

  it('refuses a name two people of other windows share, naming their windows', async () => {
    const { reply } = await hall.send('lisi', '明日排班 陈晨 张三');
    expect(reply).to.contain('陈晨').and.contain('3号窗口').and.contain('4号窗口');
    expect(await hall.count('roster')).to.equal(0);
  });
});
