import { LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { openByHand } from '../../bot/incidents/manual';
import { incidentMessages } from '../../bot/incidents/messages';

const TYPED = /启动应急(?:处置)?[\s,，、:：]*([\s\S]*)$/;

/** `启动应急 <情况>` (leader, SPEC §11): opens an incident by hand, about no staff member. */
export const startIncidentCommand: Command = {
  name: '启动应急',
  keywords: ['启动应急', '启动应急处置'],
  roles: LEADERS,
  help: '启动应急：启动应急 门口一名群众体温 38.5℃（领导小组：人工启动应急处置流程）',
  async run({ sql, services, sender, args, message, now }) {
    // The situation is kept as typed: normalising (for parsing) would turn its ，（）℃ into ASCII.
    const situation = (TYPED.exec(message.text)?.[1] ?? args).trim();
    if (!situation) throw new UserError(incidentMessages.startUsage());
    return openByHand(sql, services, { situation: situation.slice(0, 500), by: sender, now });
  },
};
