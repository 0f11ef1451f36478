import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { incidentDeadlines } from '../../jobs/incident-deadlines';
import { DOOR_PEOPLE } from './door';
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

/** Says a text as someone at a local time of Monday 2026-11-23 and checks that the reply contains what it should. */
function saying(hall: Hall) {
  return saysOn(hall, '2026-11-23');
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

/** The unit a report names in the tests (HALL_NAME). */
export const HALL_NAME = '台州市行政服务中心';

/**
 * A visitor's case from the door to 结案, all by chat, in a hall named
 * HALL_NAME: 钱门卫 registers 陈病 at 09:10 with a fever and a cough, 住址 and
 * 行程 (incident #1 of kind visitor: the guard, 2号窗口's staff and a visitor
 * near the time proposed as contacts); the steps are reported, the guard is
 * confirmed and reports 36.6, and 王五 closes it at 16:00.
 */
export async function visitorCaseClosed(options: Parameters<typeof Hall.open>[0] = {}): Promise<Hall> {
  const hall = await hallWithGroups({ people: DOOR_PEOPLE, now: '2026-11-23T08:30:00+08:00', ...options, env: { HALL_NAME, ...options.env } });
  const said = saying(hall);
  await said('08:40', 'qianmw', '登记 陈前 13800001002 36.5', '已登记访客');
  await said('09:10', 'qianmw', '登记 陈病 13800001003 住址 幸福小区3栋2单元 行程 11月20日自武汉返回 38.4 咳嗽 办理 2号窗口', '告警 #1');
  await said('09:20', 'lisi', '进展 1 隔离 已劝至门岗临时隔离区', '已记录 #1 2. 迅速隔离');
  await said('09:50', 'zhouba', '送医 1 120已接走，送市人民医院发热门诊', '已记录 #1 3. 定点送医');
  await said('10:00', 'zhouba', '密接 1 确认 钱门卫 陈前', '已确认 #1 密接');
  await said('10:05', 'qianmw', '体温 36.6 绿码 无症状', '36.6');
  await said('10:30', 'wangwu', '进展 1 上报 已电话报告市指挥部和疾控中心', '已记录 #1 5. 如实上报');
  await said('16:00', 'wangwu', '结案 1 核酸阴性，排除感染，解除隔离', '【应急 #1 结案】');
  return hall;
}
