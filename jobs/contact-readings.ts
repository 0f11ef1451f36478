import { checkScope } from '../bot/health/health-check';
import { contactMessages } from '../bot/incidents/contact-messages';
import { observedContacts } from '../bot/incidents/observation';
import type { Job } from './job';

/**
 * Twice a day, every day (SPEC §11; default 08:00 and 14:00): each confirmed
 * close contact is asked for a reading on every day of their observation
 * period — the day of confirmation (when they were also asked at once) to day
 * OBSERVATION_DAYS. An incident's 结案 ends the procedure, not the contacts'
 * observation: an epidemic officer keeps watching a contact for their whole
 * period unless released: `密接 <编号> 排除 <姓名>` (also after 结案, e.g.
 * once the case is ruled out) ends it. Excluded contacts are never asked; a
 * person who is a contact of two incidents is asked once.
 */
export const contactReadings: Job = {
  name: 'contact-readings',
  cron: (config) => config.cron.contactReadings,
  grace: { minutes: 120 },
  everyDay: true,
  async run({ sql, services, now, local }) {
    const scope = checkScope(services.config, local.date);
    const contacts = (await observedContacts(sql, scope)).filter((c) => Date.parse(c.confirmedAt) <= now.getTime());
    if (contacts.length === 0) return '没有观察期内的密接';
    const byPerson = new Map<number, typeof contacts>();
    for (const c of contacts) byPerson.set(c.staffId, [...(byPerson.get(c.staffId) ?? []), c]);
    const messages = [];
    for (const [staffId, own] of byPerson) {
      const person = await services.directory.findById(staffId);
      // The longest-running observation decides the day and the end; the earliest confirmation is day 1.
      const until = own.map((c) => c.until).sort().at(-1)!;
      const from = own.map((c) => c.from).sort()[0];
      const day = Math.round((Date.parse(local.date) - Date.parse(from)) / 86_400_000) + 1;
      const days = Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000) + 1;
      if (person) messages.push({ person, body: contactMessages.askObserved({ incidents: own.map((c) => c.incidentId), day, days, until }) });
    }
    const sent = await services.notifier.toPeople(sql, messages, 'nudge');
    return `观察期内密接 ${byPerson.size} 人，已请 ${sent} 人测温`;
  },
};
