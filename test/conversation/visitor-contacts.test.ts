import { expect } from 'chai';
import { privacyPurge } from '../../jobs/privacy-purge';
import { DashboardVisitor } from '../support/dashboard';
import { DOOR_PEOPLE } from '../support/door';
import { PLATFORMS, type Hall } from '../support/hall';
import { hallWithGroups } from '../support/incident-hall';

/** A mainland mobile number in full: never in a message, a page or an incident's row. */
const FULL_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** A morning at the door: visitors before, within and after 60 minutes of a visitor with a high fever at 09:10 (alert and incident #1). */
async function feverAtTheDoor(hall: Hall) {
  const at = async (local: string, text: string) => {
    hall.clock.set(local);
    expect((await hall.send('qianmw', text)).reply).to.contain('已登记访客');
  };
  await at('2026-11-23T08:05:00+08:00', '登记 陈早 13800001001 36.5');
  await at('2026-11-23T08:30:00+08:00', '登记 陈前 13800001002 36.5');
  await at('2026-11-23T09:50:00+08:00', '登记 陈后 13800001004 36.6');
  await at('2026-11-23T10:20:00+08:00', '登记 陈晚 13800001005 36.6');
  hall.clock.set('2026-11-23T09:10:00+08:00');
  return hall.send('qianmw', '登记 陈病 13800001003 38.4 红码 办理 2号窗口');
}

/** Everything that left or is kept beside the visitor table: outbound messages, stored replies, the incident's visitor contacts. */
async function everythingButTheVisitorTable(hall: Hall): Promise<string> {
  const db = hall.service.db;
  const outbox = await db.all<{ body: string }>('SELECT body FROM outbox');
  const inbound = await db.all<{ text: string; reply: string | null }>('SELECT text, reply FROM inbound_message');
  const contacts = await db.all<Record<string, unknown>>('SELECT * FROM incident_visitor');
  return [...outbox.map((o) => o.body), ...inbound.flatMap((i) => [i.text, i.reply ?? '']), ...contacts.map((c) => JSON.stringify(c))].join('\n');
}

for (const platform of PLATFORMS) {
  describe(`visitors as contacts of an incident (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, people: DOOR_PEOPLE, now: '2026-11-23T08:00:00+08:00' });
    });
    afterEach(() => hall.close());

    it('proposes the visitors within 60 minutes of a visitor’s case to the 排查 owners, masked, and lets them confirm and exclude by name', async () => {
      const fever = await feverAtTheDoor(hall);
      const proposal = fever.direct.find((d) => d.to === 'lisi' && d.text.includes('【应急 #1 密接排查】'));
      expect(proposal?.text, JSON.stringify(fever.direct)).to.contain('陈前（访客 138****1002，前后60分钟内到访）').and.contain('陈后（访客 138****1004，前后60分钟内到访）');
      expect(proposal?.text).to.contain('周八（2号窗口负责人）').and.contain('钱门卫（当日门岗）').and.not.contain('陈早').and.not.contain('陈晚').and.not.contain('陈病（访客');
      expect(fever.direct.filter((d) => d.text.includes('【应急 #1 密接排查】')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);

      const confirmed = await hall.send('lisi', '密接 1 确认 陈前');
      expect(confirmed.reply).to.contain('已确认 #1 密接：访客 陈前（138****1002）').and.contain('系统无法通知').and.contain('电话通知').and.contain('告知所在社区');
      expect(confirmed.direct).to.deep.equal([]);
      expect((await hall.send('zhouba', '密接 1 排除 陈后')).reply).to.contain('已排除 #1 密接：访客 陈后（138****1004）');
      expect((await hall.send('lisi', '密接 1 确认 陈早')).reply).to.contain('名单中没有「陈早」');
      expect((await hall.send('zhangsan', '密接 1 确认 陈后')).reply).to.contain('排查负责组或领导小组成员');

      const checklist = (await hall.send('wangwu', '应急 1')).reply;
      expect(checklist).to.contain('访客密接：已确认 陈前（138****1002）（电话通知本人、告知社区）；待核实 无；已排除 陈后（138****1004）');
      expect(await everythingButTheVisitorTable(hall)).to.not.match(FULL_NUMBER);
    });

    it('asks which one is meant when a staff member and a visitor contact, or two visitor contacts, share a name', async () => {
      hall.clock.set('2026-11-23T08:40:00+08:00');
      await hall.send('qianmw', '登记 张三 13812341111 36.5');
      await hall.send('qianmw', '登记 陈同 13800001111 36.5');
      await hall.send('qianmw', '登记 陈同 13900002222 36.5');
      hall.clock.set('2026-11-23T09:10:00+08:00');
      await hall.send('qianmw', '登记 陈病 13800001003 38.4');

      const staffOrVisitor = await hall.send('lisi', '密接 1 确认 张三');
      expect(staffOrVisitor.reply).to.contain('「张三」有 2 人同名').and.contain('1号窗口').and.contain('访客 张三（138****1111）').and.contain('张三（1号窗口） 或 张三1111');
      const twoVisitors = await hall.send('lisi', '密接 1 确认 陈同 张三1111');
      expect(twoVisitors.reply).to.contain('「陈同」有 2 人同名').and.contain('陈同1111 或 陈同2222');
      expect(await hall.count('incident_visitor', "status = 'confirmed'")).to.equal(0);

      expect((await hall.send('lisi', '密接 1 确认 张三1111 陈同(2222)')).reply).to.contain('访客 张三（138****1111）、访客 陈同（139****2222）');
      expect((await hall.send('lisi', '密接 1 排除 陈同（138****1111）')).reply).to.contain('已排除 #1 密接：访客 陈同（138****1111）');
      const staff = await hall.send('lisi', '密接 1 确认 张三（1号窗口）');
      expect(staff.reply).to.contain('已确认 #1 密接：张三；已通知其立即测温');
      expect(staff.direct.map((d) => d.to)).to.deep.equal(['zhangsan']);
      expect((await hall.send('wangwu', '应急 1')).reply).to.contain('密接：已确认 张三；').and.contain('访客密接：已确认 陈同（139****2222）、张三（138****1111）');
    });

    it('proposes, for a staff member’s case, the visitors who came for their window that day', async () => {
      hall.clock.set('2026-11-23T08:10:00+08:00');
      await hall.send('qianmw', '登记 陈甲 13800001007 36.5 窗口1');
      await hall.send('qianmw', '登记 陈乙 13800001008 36.5 2号窗口');
      hall.clock.set('2026-11-23T09:30:00+08:00');
      const fever = await hall.send('zhaoliu', '体温 38.6');
      const proposal = fever.direct.find((d) => d.to === 'lisi' && d.text.includes('密接排查'));
      expect(proposal?.text, JSON.stringify(fever.direct)).to.contain('陈甲（访客 138****1007，当日到访1号窗口）').and.contain('张三').and.not.contain('陈乙');
      expect((await hall.send('lisi', '密接 1 确认 陈甲 张三')).reply).to.contain('已确认 #1 密接：张三、访客 陈甲（138****1007）').and.contain('告知所在社区');
      expect((await hall.send('wangwu', '应急 1')).reply).to.contain('访客密接：已确认 陈甲（138****1007）');
      // The case himself is no member of a group that handles it: the steps, and no contact's name.
      expect((await hall.send('zhaoliu', '应急 1')).reply).to.contain('1. 及时报告').and.not.contain('陈甲').and.not.contain('张三');
      expect(await everythingButTheVisitorTable(hall)).to.not.match(FULL_NUMBER);
    });
  });
}

describe('confirmed visitor contacts outlive the visitor records (privacy-purge)', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({ people: DOOR_PEOPLE, now: '2026-11-02T08:00:00+08:00', env: { DASHBOARD_TOKEN: 'operator-token-for-tests-0123456789' } });
  });
  afterEach(() => hall.close());

  it('still lists the confirmed contact, masked, on day 29, in the checklist and on the dashboard, and can still exclude it', async () => {
    hall.clock.set('2026-11-02T08:30:00+08:00');
    await hall.send('qianmw', '登记 陈前 13800001002 36.5');
    hall.clock.set('2026-11-02T09:10:00+08:00');
    await hall.send('qianmw', '登记 陈病 13800001003 38.4');
    await hall.send('lisi', '密接 1 确认 陈前');

    const at = new Date('2026-12-01T02:30:00+08:00');
    hall.clock.set(at.toISOString());
    expect((await hall.service.jobs.runner.fire(privacyPurge, at, { trigger: 'scheduler' })).detail).to.contain('访客登记 2 条');
    expect(await hall.count('visitor')).to.equal(0);
    expect(await hall.count('incident_visitor', 'visitor_id IS NULL')).to.equal(1);

    // The case itself was a visitor: the incident keeps its steps, its texts are redacted; the confirmed contact keeps name and masked phone.
    const checklist = (await hall.send('wangwu', '应急 1')).reply;
    expect(checklist).to.contain('（已按保留期限删除）').and.contain('访客密接：已确认 陈前（138****1002）').and.not.contain('陈病');
    const leader = new DashboardVisitor(hall);
    await leader.open(await leader.link('wangwu'));
    const page = await leader.open('/dashboard/incidents/1/contacts');
    expect(page.body).to.contain('陈前（138****1002）').and.contain('已确认（电话通知、告知社区）').and.not.match(FULL_NUMBER);
    expect((await hall.send('lisi', '密接 1 排除 陈前1002')).reply).to.contain('已排除 #1 密接：访客 陈前（138****1002）');
    expect(await everythingButTheVisitorTable(hall)).to.not.match(FULL_NUMBER);
  });
});
