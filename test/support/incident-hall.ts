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

/** Fires the deadline job at a local time and returns what it delivered. */
export async function deadlinesAt(hall: Hall, local: string) {
  hall.clock.set(local);
  const mark = hall.mark();
  const result = await hall.service.jobs.runner.fire(incidentDeadlines, hall.clock.now(), { trigger: 'scheduler' });
  await hall.deliver();
  return { result, ...hall.deliveredSince(mark) };
}
