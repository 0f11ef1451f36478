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
  help: '应急：应急 12（查看 12 号应急处置的清单）',
  async run({ sql, services, sender, message, args, now, local }) {
    const id = /^#?(\d{1,9})$/.exec(args.trim())?.[1];
    const incident = id ? await findIncident(sql, Number(id)) : undefined;
    if (!incident) throw new UserError(incidentMessages.unknownIncident(args.trim() || '?'));
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

/** `结案 12 <总结>` (leader): closes incident 12, listing any step not done. */
export const closeCommand: Command = {
  name: '结案',
  keywords: ['结案'],
  roles: LEADERS,
  help: '结案：结案 12 排除感染，解除隔离（结束 12 号应急处置）',
  async run({ sql, services, sender, args, now }) {
    const m = /^#?(\S+)\s+([\s\S]+)$/.exec(args);
    if (!m) throw new UserError(incidentMessages.closeUsage());
    return closeIncident(sql, services, { idText: m[1], summary: m[2].trim(), by: sender, now });
  },
};
