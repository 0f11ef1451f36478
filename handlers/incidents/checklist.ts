import { EVERYONE, LEADERS, type Command } from '../../bot/command';
import { marked } from '../../bot/drills/mark';
import { drillReadingsLine } from '../../bot/drills/readings';
import { UserError } from '../../bot/errors';
import { incidentMessages } from '../../bot/incidents/messages';
import { contactMessages } from '../../bot/incidents/contact-messages';
import { auditCaseView, mayReadCase, stepsOnly } from '../../bot/incidents/need-to-know';
import { incidentContactReadings } from '../../bot/incidents/observation';
import { closeIncident } from '../../bot/incidents/progress';
import { findIncident, incidentSteps } from '../../bot/incidents/store';
import { visitorContacts } from '../../bot/incidents/visitor-contacts';
import { sweepMessages } from '../../bot/sweep/messages';
import { incidentSweepResult } from '../../bot/sweep/result';
import { numberFirst, stepOwnerGroups, typedNote } from './args';

/** What may follow the number of `应急 12`: nothing, or a word asking to see it. */
const VIEW_WORDS = /^(?:清单|详情|情况|进展|状态|进度)?$/;

/**
 * `应急 12`: the checklist of incident 12, with times and who did what, its
 * contacts with their readings since confirmation (a drill's marked 【演练】,
 * with its drill readings), and its visitor contacts, masked — for leaders,
 * administrators and its owner groups' members, audited; anyone else sees
 * only the steps' progress.
 */
export const checklistCommand: Command = {
  name: '应急',
  keywords: ['应急', 'incident'],
  roles: EVERYONE,
  listedFor: LEADERS,
  groups: stepOwnerGroups,
  help: ({ open }) => `应急：应急 ${open.incident}（查看 ${open.incident} 号应急处置的清单）`,
  async run({ sql, services, sender, message, args, now, local }) {
    const numbered = numberFirst(args);
    if (!numbered || !VIEW_WORDS.test(numbered.rest)) throw new UserError(incidentMessages.checklistUsage());
    const incident = await findIncident(sql, numbered.id);
    if (!incident) throw new UserError(incidentMessages.unknownIncident(String(numbered.id)));
    const steps = await incidentSteps(sql, incident, now, services.config.timezone);
    // Need to know (SPEC §11): the case, its readings and its contacts only for those who handle it; each such view audited.
    if (!(await mayReadCase(sql, incident.id, sender))) return marked(incident, stepsOnly(incident, steps));
    await auditCaseView(sql, { viewer: sender, incidentId: incident.id, platform: message.platform, now });
    const contacts = await incidentContactReadings(sql, services, incident.id);
    const lines = [incidentMessages.checklist({ ...incident, status: incident.status === 'open' ? '处置中' : '已结案', steps }), contactMessages.listed(contacts), ...contactMessages.visitorsListed(await visitorContacts(sql, incident.id))];
    if (incident.kind === 'drill') lines.push(await drillReadingsLine(sql, incident.id));
    else lines.push(...contactMessages.readings(contacts, local.date, services.config.timezone));
    const sweep = await incidentSweepResult(sql, incident.id);
    if (sweep) lines.push(sweepMessages.incidentLine(sweep));
    return marked(incident, lines.join('\n'));
  },
};

/** `结案 12 <总结>` (leader): closes incident 12, listing any step not done; the summary is kept as typed. */
export const closeCommand: Command = {
  name: '结案',
  keywords: ['结案'],
  roles: LEADERS,
  help: ({ open }) => `结案：结案 ${open.incident} 排除感染，解除隔离（结束 ${open.incident} 号应急处置）`,
  async run(ctx) {
    const numbered = numberFirst(ctx.args);
    if (!numbered || !numbered.rest) throw new UserError(incidentMessages.closeUsage());
    return closeIncident(ctx.sql, ctx.services, { idText: String(numbered.id), summary: typedNote(ctx, numbered.rest), by: ctx.sender, now: ctx.now });
  },
};
