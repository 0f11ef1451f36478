import { expect } from 'chai';
import { signedIn } from '../support/dashboard';
import { Hall } from '../support/hall';
import { deadlinesAt, hallWithGroups } from '../support/incident-hall';

/**
 * Issue 22 item 5, SPEC §11: one run of incident-deadlines sends each person
 * at most one message listing all their overdue steps, and the leadership
 * group at most one listing the steps that reached twice their due time in
 * that run; a step is escalated once, then carried by 今日统计 and the brief.
 * Three incidents overdue at once: 张三's fever (#1), 孙七's (#2) and a case
 * opened by hand (#3). 应急处置组 is 李四 and 周八, 综合协调组 王五; 消毒防疫组
 * has no members, so 消杀 falls to the leadership group.
 */
describe('incident-deadlines with three incidents overdue at once', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({ now: '2026-11-23T08:05:00+08:00' });
    await hall.send('zhangsan', '体温 38.2 咳嗽');
    hall.clock.set('2026-11-23T08:06:00+08:00');
    await hall.send('sunqi', '体温 38.5');
    hall.clock.set('2026-11-23T08:07:00+08:00');
    await hall.send('wangwu', '启动应急 门口一名群众体温 38.5℃，已在门岗等候');
    expect(await hall.count('incident', "status = 'open'")).to.equal(3);
  });
  afterEach(() => hall.close());

  const to = (run: { direct: { to: string; text: string }[] }, who: string) => run.direct.filter((d) => d.to === who).map((d) => d.text);

  it('sends each owner one message listing every overdue step, then the leaders one listing every escalation, and never escalates a step twice', async () => {
    const late = await deadlinesAt(hall, '2026-11-23T08:30:00+08:00');
    expect(late.direct.map((d) => d.to).sort(), 'one message per person').to.deep.equal(['lisi', 'zhouba']);
    for (const who of ['lisi', 'zhouba']) {
      const [text] = to(late, who);
      expect(text).to.contain('您负责的 3 个步骤已超时');
      for (const id of [1, 2, 3]) expect(text).to.contain(`· #${id} 2. 迅速隔离`);
    }
    expect(late.group, 'nothing for the leaders before twice the due time').to.deep.equal([]);

    const twice = await deadlinesAt(hall, '2026-11-23T08:40:00+08:00');
    expect(twice.direct, 'owners are reminded once').to.deep.equal([]);
    expect(twice.group, 'one message to the leaders').to.have.length(1);
    expect(twice.group[0]).to.contain('【应急处置严重超时】3 个步骤已超过时限一倍，请督办');
    for (const id of [1, 2, 3]) expect(twice.group[0]).to.match(new RegExp(`· #${id} 2\\. 迅速隔离（.+，应急处置组）应于 08:2\\d 前完成，已超时 \\d+分钟`));

    const next = await deadlinesAt(hall, '2026-11-23T08:45:00+08:00');
    expect(next.group, 'no second escalation of the same steps').to.deep.equal([]);
    expect(next.direct).to.deep.equal([]);

    const { page } = await signedIn(hall, 'wangwu');
    expect(/<tr class="overdue" data-step="隔离">[\s\S]*?<\/tr>/.exec(page)?.[0], 'the dashboard carries the escalated step').to.contain('已报领导小组督办');
    const stats = (await hall.send('wangwu', '今日统计')).reply!;
    expect(stats, '今日统计 carries the escalated steps').to.contain('应急处置进行中 3 起').and.match(/#1 张三（1号窗口）.*超时：隔离 \d+分钟（1 步已报领导小组督办）/);
  });

  it('catches up after hours down with one message per person and one to the leaders, a step of a group without members listed once', async () => {
    const run = await deadlinesAt(hall, '2026-11-23T12:30:00+08:00');
    expect(run.direct.map((d) => d.to).sort()).to.deep.equal(['lisi', 'wangwu', 'zhouba']);
    const [lisi] = to(run, 'lisi');
    expect(lisi).to.contain('您负责的 9 个步骤已超时');
    for (const step of ['2. 迅速隔离', '3. 定点送医', '4. 准确排查']) expect(lisi.split(step).length - 1, step).to.equal(3);
    const [wangwu] = to(run, 'wangwu');
    expect(wangwu).to.contain('您负责的 3 个步骤已超时').and.contain('5. 如实上报').and.not.contain('6. 消杀消毒');

    expect(run.group).to.have.length(1);
    const leaders = run.group[0];
    // 隔离, 送医, 上报 and 消杀 of each incident are past twice their due time; 排查 (due 12:05, twice 16:05) is not.
    expect(leaders).to.contain('【应急处置严重超时】12 个步骤已超过时限一倍');
    expect(leaders.split('6. 消杀消毒').length - 1, '消杀 of each incident once, as escalated').to.equal(3);
    expect(leaders).to.contain('领导小组（消毒防疫组无成员）').and.not.contain('4. 准确排查');
    expect(leaders).to.match(/已超时 4小时\d+分钟/);
    expect(run.result.detail).to.contain('上报领导小组 12 个');

    const again = await deadlinesAt(hall, '2026-11-23T12:35:00+08:00');
    expect(again.group).to.deep.equal([]);
    expect(again.direct).to.deep.equal([]);
  });

  it('lists a step of a group without members to the leaders once when it is only overdue', async () => {
    // 消杀 is due at 10:05–10:07: at 10:30 it is overdue, not yet twice (12:05).
    await hall.send('lisi', '进展 1 隔离 已送隔离室');
    const run = await deadlinesAt(hall, '2026-11-23T10:30:00+08:00');
    expect(run.group).to.have.length(1);
    expect(run.group[0]).to.contain('由领导小组负责（负责组无成员）的 3 个步骤已超时').and.contain('6. 消杀消毒');
  });
});
