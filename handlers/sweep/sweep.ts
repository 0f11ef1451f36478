import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { openIncidentNamed } from '../../bot/incidents/progress';
import { sweepMessages } from '../../bot/sweep/messages';
import { sweepStatus } from '../../bot/sweep/result';
import { startSweep } from '../../bot/sweep/start';
import { latestSweep } from '../../bot/sweep/store';
import { numberFirst } from '../incidents/args';

/**
 * `全员测温` (SPEC §11, leaders): asks every expected person for a reading
 * now; `全员测温 12` does it for incident 12; `全员测温 状态` shows who has
 * answered and who is missing. One runs at a time: a second start shows the
 * running one's status instead.
 */
export const sweepCommand: Command = {
  name: '全员测温',
  keywords: ['全员测温', '全员加测', 'sweep'],
  roles: LEADERS,
  help: ({ open }) => `全员测温：全员测温（通知所有应报人员立即测温，记为加测）/ 全员测温 ${open.incident}（为 ${open.incident} 号应急事件）/ 全员测温 状态`,
  async run({ sql, services, sender, args, now, local }) {
    const word = args.trim();
    if (/^(状态|进度|情况|status)$/i.test(word)) {
      const latest = await latestSweep(sql);
      return latest ? sweepStatus(sql, services, latest.id, local.date) : sweepMessages.none();
    }
    const numbered = word ? numberFirst(word) : undefined;
    if (word !== '' && (!numbered || numbered.rest)) throw new UserError(sweepMessages.usage());
    const incident = numbered ? await openIncidentNamed(sql, String(numbered.id)) : undefined;
    const start = await startSweep(sql, services, { now, by: sender, incidentId: incident?.id, drill: incident?.kind === 'drill' });
    if (start.kind === 'nobody') return sweepMessages.nobody();
    if (start.kind === 'running') return sweepMessages.alreadyRunning(await sweepStatus(sql, services, start.sweep.id, local.date));
    return sweepMessages.started({ ...start.sweep, asked: start.asked, due: start.due });
  },
};
