import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { incidentDeadlines } from '../../jobs/incident-deadlines';
import { Hall } from './hall';

const GROUPS = 'group,name\n应急处置组,李四\n应急处置组,周八\n综合协调组,王五\n';

/** A hall whose working groups are loaded; 消毒防疫组 has no members, so 消杀 falls to the leadership group. */
export async function hallWithGroups(options: Parameters<typeof Hall.open>[0]): Promise<Hall> {
  const hall = await Hall.open({ ...options, env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders', ...options?.env } });
  const imported = await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() });
  expect(imported.ok, JSON.stringify(imported.errors)).to.equal(true);
  return hall;
}

/** A day's conversation: at a local time (`08:05`) a person says a text and the reply must contain `expected`. */
export function saysOn(hall: Hall, date: string): (at: string, who: string, text: string, expected: string) => Promise<void> {
  return async (at, who, text, expected) => {
    hall.clock.set(`${date}T${at}:00+08:00`);
    const { reply } = await hall.send(who, text);
    expect(reply, `${who}: ${text}`).to.contain(expected);
  };
}

/** Fires the deadline job at a local time and returns what it delivered. */
export async function deadlinesAt(hall: Hall, local: string) {
  hall.clock.set(local);
  const mark = hall.mark();
  const result = await hall.service.jobs.runner.fire(incidentDeadlines, hall.clock.now(), { trigger: 'scheduler' });
  await hall.deliver();
  return { result, ...hall.deliveredSince(mark) };
}

/**
 * Incident #1 under way by 09:10, all by chat: 张三's 38.2 and cough at 08:05
 * opens it; 李四 isolates at 08:12, 周八 has 送医 done at 08:40, confirms 赵六
 * as a contact (who reports 36.6 at 09:05) while 王五 excludes 李四 and
 * acknowledges the alert. 排查, 上报, 消杀 and 善后 are still to do.
 */
export async function incidentUnderWay(hall: Hall): Promise<void> {
  const said = saysOn(hall, '2026-11-23');
  await said('08:05', 'zhangsan', '体温 38.2 咳嗽', '38.2');
  await said('08:12', 'lisi', '进展 1 隔离 已送隔离室', '已记录 #1 2. 迅速隔离');
  await said('08:40', 'zhouba', '送医 1 已联系120送市人民医院发热门诊', '已记录 #1 3. 定点送医');
  await said('09:00', 'zhouba', '密接 1 确认 赵六', '已确认 #1 密接：赵六');
  await said('09:01', 'wangwu', '密接 1 排除 李四', '已排除 #1 密接：李四');
  await said('09:05', 'zhaoliu', '体温 36.6 绿码', '36.6');
  await said('09:10', 'wangwu', '处置 1 已送医，等待核酸结果', '#1');
}
