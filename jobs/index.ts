import { alertEscalation } from './alert-escalation';
import { backup } from './backup';
import { calendarWarning } from './calendar-warning';
import { contactReadings } from './contact-readings';
import { dailyBrief } from './daily-brief';
import { disinfectionCheck } from './disinfection-check';
import { disinfectionReminder } from './disinfection-reminder';
import { incidentDeadlines } from './incident-deadlines';
import type { Job, JobName } from './job';
import { morningNudge } from './morning-nudge';
import { morningSummary } from './morning-summary';
import { rosterDeadline } from './roster-deadline';
import { privacyPurge } from './privacy-purge';
import { rosterReminder } from './roster-reminder';

/** Every scheduled job. */
export const JOBS: Job[] = [morningNudge, morningSummary, rosterReminder, rosterDeadline, alertEscalation, calendarWarning, incidentDeadlines, contactReadings, disinfectionReminder, disinfectionCheck, privacyPurge, dailyBrief, backup];

export function findJob(name: string): Job | undefined {
  return JOBS.find((j) => j.name === (name as JobName));
}
