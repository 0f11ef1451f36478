import { EVERYONE, LEADERS, type Command, type CommandContext } from '../../bot/command';
import { endDrill } from '../../bot/drills/end';
import { marked } from '../../bot/drills/mark';
import { drillMessages } from '../../bot/drills/messages';
import { isDrillContact, recordDrillReading } from '../../bot/drills/readings';
import { openDrill, startDrill } from '../../bot/drills/start';
import { UserError } from '../../bot/errors';
import { answerDrillSweep, drillSweepAwaiting } from '../../bot/sweep/answer';
import { parseReport } from '../health/grammar';
import { problemError } from '../health/problems';

/**
 * `演练 开始 [窗口]` and `演练 结束` (leaders, SPEC §11); `演练 36.5 绿码` is a
 * drill contact's reading, kept apart from reports. Every role reaches it
 * since contacts answer with it.
 */
export const drillCommand: Command = {
  name: '演练',
  keywords: ['演练', '应急演练', 'drill'],
  roles: EVERYONE,
  listedFor: LEADERS,
  help: '演练：演练 开始 1号窗口 / 演练 结束（领导小组发起和结束应急演练，按时限评分并推送领导小组）',
  async run(ctx) {
    const m = /^(开始|启动|结束|停止)\s*([\s\S]*)$/.exec(ctx.args.trim());
    if (!m) return drillReading(ctx);
    if (!LEADERS.includes(ctx.sender.role)) throw new UserError(drillMessages.leadersOnly());
    const { sql, services, sender, now, local } = ctx;
    if (m[1] === '结束' || m[1] === '停止') return endDrill(sql, services, { by: sender, now });
    return startDrill(sql, services, { window: m[2].trim() || undefined, by: sender, date: local.date, now });
  },
};

/**
 * `演练 36.5`: a confirmed contact of the open drill answers its ask, or
 * anyone its 全员测温 asked answers that — the same reading, counted for both.
 */
async function drillReading(ctx: CommandContext): Promise<string> {
  if (!ctx.args.trim()) throw new UserError(drillMessages.usage());
  const drill = await openDrill(ctx.sql);
  if (!drill) throw new UserError(drillMessages.noOpenDrill());
  const asked = (await isDrillContact(ctx.sql, drill.id, ctx.sender.id)) || (await drillSweepAwaiting(ctx.sql, ctx.sender.id))?.id === drill.id;
  if (!asked) throw new UserError(drillMessages.notContact(drill.id));
  const parsed = parseReport(ctx.args, { today: ctx.local.date });
  if (parsed.kind !== 'report') throw new UserError(marked(drill, problemError(parsed).reply));
  const reply = await recordDrillReading(ctx.sql, { drill, staffId: ctx.sender.id, reading: parsed, now: ctx.now });
  const swept = await answerDrillSweep(ctx.sql, ctx.services, { staffId: ctx.sender.id, now: ctx.now, today: ctx.local.date });
  return swept ? `${reply}\n${swept}` : reply;
}
