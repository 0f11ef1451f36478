import { LEADS, type Command } from '../../bot/command';
import { messages } from '../../bot/messages';
import { currentRosters, rosterWindows } from '../../bot/rosters';

/** `排班状态`: which windows have submitted for the next workday, and who is on each (SPEC §3.3). */
export const rosterStatusCommand: Command = {
  name: '排班状态',
  keywords: ['排班状态', 'roster status'],
  roles: LEADS,
  help: '排班状态：下一工作日各窗口的排班提交情况',
  async run({ sql, services, local }) {
    const date = await services.calendar.nextWorkday(local.date, sql);
    const people = await services.directory.active();
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const rosters = await currentRosters(sql, date);
    const submitted = new Set(rosters.map((r) => r.window));
    return messages.rosterStatus(
      date,
      rosters.map((r) => ({ window: r.window, date, closed: r.closed, late: r.late, names: r.staffIds.map((id) => nameOf.get(id) ?? `#${id}`) })),
      rosterWindows(people).filter((w) => !submitted.has(w)),
    );
  },
};
