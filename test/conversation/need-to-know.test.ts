import { expect } from 'chai';
import { auditCommand } from '../../bot/cli/audit';
import { importGroups } from '../../bot/groups/import';
import { runInHall } from '../support/cli';
import { doorHall, DOOR_PEOPLE } from '../support/door';
import type { Hall } from '../support/hall';

/** 周八 handles isolation and 排查; 孙七, a staff member, disinfects; 李四 (张三's lead) and the guard are in no group. */
const GROUPS = 'group,name\n应急处置组,周八\n消毒防疫组,孙七\n综合协调组,王五\n';
/** What only those who handle the case may read: who it is, the reading and symptom, the contact, a step's note. */
const CASE_DETAILS = ['张三', '38.2', '咳嗽', '赵六', '已送隔离室'];

for (const platform of ['wecom', 'dingtalk'] as const) {
  describe(`应急 N: the case only for those who handle it (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await doorHall({ platform, people: [...DOOR_PEOPLE, { name: '吴管理', window: '', role: 'admin', wecomUserId: 'wuadmin', dingtalkUserId: 'wuadmin' }] });
      expect((await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() })).ok).to.equal(true);
      await hall.send('zhangsan', '体温 38.2 咳嗽');
      await hall.send('zhouba', '进展 1 隔离 已送隔离室');
      await hall.send('zhouba', '密接 1 确认 赵六');
    });
    afterEach(() => hall.close());

    for (const [role, who] of [
      ['a guard', 'qianmw'],
      ['a staff member (the confirmed contact himself)', 'zhaoliu'],
      ['the case’s own window lead, in no group of the incident', 'lisi'],
    ] as const) {
      it(`${role}: sees the steps’ progress and nothing of the case; nothing is audited`, async () => {
        const { reply } = await hall.send(who, '应急 1');
        expect(reply).to.contain('【应急处置 #1】').and.contain('✅ 2. 迅速隔离').and.contain('⬜ 3. 定点送医').and.contain('仅领导小组、本事件处置工作组成员和管理员可见');
        for (const detail of CASE_DETAILS) expect(reply, detail).to.not.contain(detail);
        expect((await runInHall(hall, auditCommand, [])).text).to.equal('没有审计记录');
      });
    }

    for (const [role, who, name] of [
      ['a member of an owner group, though a staff member', 'sunqi', '孙七'],
      ['a leader', 'wangwu', '王五'],
      ['an administrator', 'wuadmin', '吴管理'],
    ] as const) {
      it(`${role}: sees the whole case, and the view is audited (who, when, which incident, by chat)`, async () => {
        hall.clock.set('2026-11-23T09:30:00+08:00');
        const { reply } = await hall.send(who, '应急 1', 'view-1');
        for (const detail of CASE_DETAILS) expect(reply, detail).to.contain(detail);
        const log = (await runInHall(hall, auditCommand, [])).text.split('\n');
        expect(log).to.have.length(2);
        expect(log[1]).to.contain('2026-11-23 09:30').and.contain(name).and.contain('查看应急病例与密接').and.contain('聊天查看应急 #1').and.contain(platform === 'wecom' ? '企业微信' : '钉钉');
        // A re-delivery of the same message is answered again but was one view.
        await hall.send(who, '应急 1', 'view-1');
        expect((await runInHall(hall, auditCommand, [])).text.split('\n')).to.have.length(2);
      });
    }
  });
}
