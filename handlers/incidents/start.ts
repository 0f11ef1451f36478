import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { openByHand } from '../../bot/incidents/manual';
import { incidentMessages } from '../../bot/incidents/messages';
import { typedNote } from './args';

/** `启动应急 <情况>` (leader, SPEC §11): opens an incident by hand, about no staff member. */
export const startIncidentCommand: Command = {
  name: '启动应急',
  keywords: ['启动应急', '启动应急处置'],
  roles: LEADERS,
  help: '启动应急：启动应急 门口一名群众体温 38.5℃（领导小组：人工启动应急处置流程）',
  async run(ctx) {
    // The situation is kept as typed: normalising (for parsing) would turn its ，（）℃ into ASCII.
    const situation = typedNote(ctx, ctx.args);
    if (!situation) throw new UserError(incidentMessages.startUsage());
    return openByHand(ctx.sql, ctx.services, { situation, by: ctx.sender, now: ctx.now });
  },
};
