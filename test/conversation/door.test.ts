import { expect } from 'chai';
import { doorHall } from '../support/door';
import { PLATFORMS, type Hall } from '../support/hall';

interface VisitorStored {
  name: string;
  phone: string;
  address: string | null;
  travel: string | null;
  window_name: string | null;
  temperature: number | null;
  health_code: string | null;
  symptoms: string | null;
  status: string;
}

async function lastVisitor(hall: Hall): Promise<VisitorStored> {
  const [row] = await hall.service.db.all<VisitorStored>('SELECT * FROM visitor ORDER BY id DESC LIMIT 1');
  return { ...row, temperature: row.temperature === null ? null : Number(row.temperature) };
}

for (const platform of PLATFORMS) {
  describe(`the door: visitor registration by chat (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await doorHall({ platform, now: '2026-11-23T09:05:00+08:00' });
    });
    afterEach(() => hall.close());

    it('registers a visitor with every field, masks the phone in the reply, and lets a normal one in', async () => {
      const { reply, group } = await hall.send('qianmw', '登记 陈一 13812341111 住址 幸福小区3栋 行程 武汉 长沙 窗口 2号窗口 36.5 绿码 无症状');
      expect(reply).to.contain('已登记访客：陈一（138****1111）').and.contain('办理：2号窗口').and.contain('住址：幸福小区3栋').and.contain('行程：武汉 长沙');
      expect(reply).to.contain('体温 36.5℃').and.contain('绿码').and.contain('无症状').and.contain('可以进入').and.not.contain('13812341111');
      expect(group).to.deep.equal([]);
      expect(await lastVisitor(hall)).to.include({ name: '陈一', phone: '13812341111', address: '幸福小区3栋', travel: '武汉 长沙', window_name: '2号窗口', temperature: 36.5, health_code: 'green', symptoms: '', status: 'normal' });
    });

    it('tells the guard the door instruction and alerts the leadership group on a fever, with the phone masked', async () => {
      const { reply, group } = await hall.send('qianmw', '访客 陈二 139-0000-2222 现住 朝阳区 去过 北京 办理 2号窗口 37.4');
      expect(reply).to.contain('预警').and.contain('暂停进入').and.contain('劝至隔离区').and.contain('复测').and.contain('已上报领导小组');
      const push = group.find((t) => t.includes('【访客告警'));
      expect(push, group.join('\n---\n')).to.contain('陈二（139****2222）').and.contain('体温 37.4℃').and.contain('钱门卫').and.contain('2号窗口');
      expect(group.join()).to.not.contain('13900002222');
    });

    it('marks above 37.5 ℃ or a red code as critical', async () => {
      const fever = await hall.send('qianmw', '登记 陈三 13700003333 37.8');
      expect(fever.reply).to.contain('严重').and.contain('启动应急处置流程');
      expect(fever.group.join()).to.contain('【访客告警 #1｜严重】');
      const red = await hall.send('wangwu', '登记 陈四 13600004444 36.6 红码');
      expect(red.reply).to.contain('严重').and.contain('暂停进入');
      const yellow = await hall.send('qianmw', '登记 陈五 13500005555 36.6 黄码');
      expect(yellow.reply).to.contain('预警').and.contain('核查行程');
    });

    it('opens an incident on a visitor’s high fever, with the guards on duty, the window’s staff and the visitors near the time as contacts', async () => {
      await hall.send('wangwu', '排班 2026-11-23 2号窗口 孙七');
      hall.clock.set('2026-11-23T08:30:00+08:00');
      await hall.send('qianmw', '登记 陈前 13800001002 36.5');
      hall.clock.set('2026-11-23T09:10:00+08:00');
      const fever = await hall.send('qianmw', '登记 陈病 13800001003 38.4 红码 办理 2号窗口');
      expect(fever.reply).to.contain('严重').and.contain('告警 #1').and.contain('门岗处置：暂停进入，劝至隔离区，复测，拨打120，启动应急处置流程。');
      expect(fever.reply!.match(/暂停进入/g), 'the door instruction said once').to.have.length(1);
      const push = fever.group.join('\n---\n');
      expect(push).to.contain('【访客告警 #1｜严重】').and.contain('陈病（138****1003）').and.contain('【应急处置 #1】');
      expect(push).to.contain('· 钱门卫（当日门岗）').and.contain('· 孙七（2号窗口当日排班）').and.contain('· 周八（2号窗口负责人）').and.contain('陈前（访客 138****1002，前后60分钟内到访）');
      expect(push.match(/暂停进入/g), 'the door instruction said once in the push').to.have.length(1);
      const proposed = await hall.service.db.all<{ name: string; reason: string }>(
        "SELECT s.name, c.reason FROM incident_contact c JOIN staff s ON s.id = c.staff_id WHERE c.incident_id = 1 AND c.status = 'proposed' ORDER BY s.name",
      );
      expect(proposed.map((c) => `${c.name}（${c.reason}）`).sort()).to.deep.equal(['周八（2号窗口负责人）', '孙七（2号窗口当日排班）', '钱门卫（当日门岗）'].sort());
      expect(push).to.not.match(/1[3-9]\d{9}/);
      expect((await hall.send('wangwu', '应急 1')).reply).to.contain('访客 陈病（138****1003）');
      expect((await hall.send('wangwu', '密接 1 确认 钱门卫')).reply).to.contain('已确认 #1 密接：钱门卫');
      expect((await hall.send('wangwu', '处置 1 已劝至隔离区，120 已接走')).reply).to.contain('#1');
      expect((await hall.send('wangwu', '今日访客')).reply).to.contain('#1 09:10 陈病（138****1003）');
    });

    it('proposes, for a staff member’s incident, the visitors who came for their window that day', async () => {
      await hall.send('qianmw', '登记 陈甲 13800001007 36.5 窗口1');
      await hall.send('qianmw', '登记 陈乙 13800001008 36.5 2号窗口');
      const fever = await hall.send('zhangsan', '体温 38.6');
      const proposal = fever.group.find((t) => t.includes('【应急 #1 密接排查】'));
      expect(proposal, fever.group.join('\n---\n')).to.contain('陈甲（访客 138****1007，当日到访1号窗口）').and.not.contain('陈乙');
    });

    it('refuses a missing phone, a bad phone, a missing name and an implausible temperature, storing nothing', async () => {
      expect((await hall.send('qianmw', '登记 陈六 36.5')).reply).to.contain('没有找到手机号');
      expect((await hall.send('qianmw', '登记 陈六 1381234111 36.5')).reply).to.contain('手机号不正确').and.contain('10 位');
      expect((await hall.send('qianmw', '登记 陈六 12812341111')).reply).to.contain('手机号不正确');
      expect((await hall.send('qianmw', '登记 13812341111 36.5')).reply).to.contain('访客姓名');
      expect((await hall.send('qianmw', '登记 陈六 13812341111 45.2')).reply).to.contain('超出合理范围');
      expect((await hall.send('qianmw', '登记 陈六 13812341111 365')).reply).to.contain('36.5');
      expect((await hall.send('qianmw', '登记 陈六 13812341111 13912341111')).reply).to.contain('多个手机号');
      expect(await hall.count('visitor')).to.equal(0);
    });

    it('refuses a staff member or a lead who tries to register, while 登记 36.5 stays their own reading', async () => {
      const refused = await hall.send('zhangsan', '登记 陈七 13812341111 36.5');
      expect(refused.reply).to.contain('门岗或领导小组成员');
      expect((await hall.send('lisi', '访客 陈七 13812341111')).reply).to.contain('门岗或领导小组成员');
      expect(await hall.count('visitor')).to.equal(0);
      expect((await hall.send('zhangsan', '登记 36.5')).reply).to.contain('已记录').and.contain('36.5℃');
      expect(await hall.count('report')).to.equal(1);
    });

    it('lets a guard report their own reading, and lists 访客登记 in a guard’s help but not in a staff member’s', async () => {
      expect((await hall.send('qianmw', '晨检 36.5')).reply).to.contain('已记录');
      expect((await hall.send('qianmw', '帮助')).reply).to.contain('钱门卫（门岗）').and.contain('访客登记').and.contain('今日访客');
      expect((await hall.send('zhangsan', '帮助')).reply).to.not.contain('访客登记');
      expect((await hall.send('zhangsan', '今日访客')).reply).to.contain('不在工作人员可用的命令中');
    });

    it('今日访客 counts today by hour and lists every anomaly with masked phones', async () => {
      await hall.send('qianmw', '登记 陈一 13812341111 36.5 绿码');
      hall.clock.set('2026-11-23T09:40:00+08:00');
      await hall.send('qianmw', '登记 陈二 13900002222 无码 36.4');
      hall.clock.set('2026-11-23T10:15:00+08:00');
      await hall.send('qianmw', '登记 陈三 13700003333 37.8 窗口2');
      const { reply } = await hall.send('wangwu', '今日访客');
      expect(reply).to.contain('共 3 人').and.contain('未出示健康码 2 人').and.contain('09时 2').and.contain('10时 1');
      expect(reply).to.contain('异常 1 人').and.contain('10:15 陈三（137****3333） 体温 37.8℃').and.contain('办理 2号窗口');
      expect(reply).to.not.match(/1[3-9]\d{9}/);
    });
  });
}

describe('the door: tolerated phrasings', () => {
  let hall: Hall;
  before(async () => {
    hall = await doorHall({ now: '2026-11-23T09:05:00+08:00' });
  });
  after(() => hall.close());

  const cases: [string, Partial<VisitorStored>][] = [
    ['登记 陈一 13812341111 现住幸福小区', { address: '幸福小区' }],
    ['登记 陈一 13812341111 居住地：朝阳区', { address: '朝阳区' }],
    ['登记 陈一 13812341111 住址 幸福小区', { address: '幸福小区' }],
    ['登记 陈一 13812341111 旅居史 无', { travel: '无' }],
    ['登记 陈一 13812341111 去过北京', { travel: '北京' }],
    ['登记 陈一 13812341111 行程 上海 杭州', { travel: '上海 杭州' }],
    ['登记 陈一 13812341111 办理 2号窗口', { window_name: '2号窗口' }],
    ['登记 陈一 13812341111 窗口2', { window_name: '2号窗口' }],
    ['登记 陈一 13812341111 窗口 3', { window_name: '3号窗口' }],
    ['登记 陈一 13812341111 社保窗口', { window_name: '社保窗口' }],
    ['登记 陈一 13812341111 无码', { health_code: null }],
    ['登记 陈一 13812341111 健康码绿色', { health_code: 'green' }],
    ['登记陈一13812341111体温36.6', { name: '陈一', temperature: 36.6 }],
    ['登记 陈一 +86 138 1234 1111', { phone: '13812341111' }],
    ['登记 陈一 138-1234-1111', { phone: '13812341111' }],
    ['登记 陈一 １３８１２３４１１１１ 体温３６．８℃', { phone: '13812341111', temperature: 36.8 }],
    ['访客登记 陈一 13812341111 36.5 乏力 头痛', { symptoms: '乏力、头痛', status: 'warning' }],
    ['访客：陈一，13812341111，37.6', { temperature: 37.6, status: 'critical' }],
    ['登记 刘奶奶 (+86)138 1234 5662 36.5 无码', { name: '刘奶奶', phone: '13812345662', temperature: 36.5, health_code: null }],
    ['登记 刘奶奶 （+86）138 1234 5662 36.5', { phone: '13812345662', temperature: 36.5 }],
    ['登记 陈一 0086-138-1234-1111 36.6', { phone: '13812341111', temperature: 36.6 }],
    ['登记 赵六 138,2222,3333 36.6 绿码', { name: '赵六', phone: '13822223333', temperature: 36.6, health_code: 'green' }],
    ['登记 钱七 138、4444、5555 36.5', { phone: '13844445555', temperature: 36.5 }],
    ['登记 陈一 138\u200b1234\u200b1111 36.5', { phone: '13812341111', temperature: 36.5 }],
    ['登记 陈一 138。1234。1111 36.5', { phone: '13812341111', temperature: 36.5 }],
    ['登记 孙八 13866667777 身份证 110101199003071234 36.6 绿码', { name: '孙八', phone: '13866667777', temperature: 36.6, address: null }],
  ];
  for (const [text, expected] of cases) {
    it(`reads 「${text}」`, async () => {
      const { reply } = await hall.send('qianmw', text);
      expect(reply).to.contain('已登记访客').and.not.contain('未识别');
      expect(await lastVisitor(hall)).to.include(expected);
    });
  }

  it('leaves a resident ID number out of the record and the reply, and says so', async () => {
    const { reply } = await hall.send('qianmw', '登记 孙九 13866667778 身份证号：11010119900307123X 36.6');
    expect(reply).to.contain('身份证号码无需登记，未保存').and.not.contain('110101');
    const stored = JSON.stringify(await lastVisitor(hall));
    expect(stored).to.not.contain('110101').and.not.contain('123X');
  });
});
