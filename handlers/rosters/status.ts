import { LEADS, type Command } from '../../bot/command';
import { rosterProgress } from '../../bot/health/figures';
import { messages } from '../../bot/messages';

/** `排班状态`: which windows have submitted for the next workday, and who is on each (SPEC §3.3). */
export const rosterStatusCommand: Command = {
  name: '排班状态',
  keywords: ['排班状态', '排班情况', '排班提交情况', '查看排班', '查询排班', '排班查询', '明日排班状态', '明天排班状态', '明日排班情况', '明天排班情况', 'roster status'],
  roles: LEADS,
  help: '排班状态：发送「排班状态」查看下一工作日各窗口的排班提交情况',
  async run({ sql, services, local }) {
    const date = await services.calendar.nextWorkday(local.date, sql);
    const people = await services.directory.active();
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const progress = await rosterProgress(sql, people, date);
    return messages.rosterStatus(
      date,
      progress.rosters.map((r) => ({ window: r.window, date, closed: r.closed, late: r.late, names: r.staffIds.map((id) => nameOf.get(id) ?? `#${id}`) })),
      progress.missing,
    );
  },
};
