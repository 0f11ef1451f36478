import type { Command } from '../bot/command';
import { acknowledgeCommand } from './alerts/acknowledge';
import { dashboardLinkCommand } from './dashboard/link';
import { disinfectionCommand, placeFirstCommand } from './disinfection/log';
import { disinfectionStatusCommand } from './disinfection/status';
import { receiveCommand, stocktakeCommand, takeCommand } from './supplies/move';
import { stockCommand } from './supplies/stock';
import type { Services } from '../bot/command';
import type { Person } from '../bot/directory/directory';
import { localTime } from '../bot/time';
import { helpCommand, helpExamples, helpReader } from './conversation/help';
import { checklistCommand, closeCommand } from './incidents/checklist';
import { contactsCommand } from './incidents/contacts';
import { drillCommand } from './drills/drill';
import { startIncidentCommand } from './incidents/start';
import { progressCommand, stepFirstCommand } from './incidents/progress';
import { recordsCommand } from './health/records';
import { rosterStatusCommand } from './rosters/status';
import { submitRosterCommand } from './rosters/submit';
import { smallTalkCommand } from './conversation/smalltalk';
import { statsCommand } from './health/stats';
import { sweepCommand } from './sweep/sweep';
import { behalfCommand } from './health/behalf';
import { reportCommand } from './health/report';
import { registerVisitorCommand } from './door/register';
import { todayVisitorsCommand } from './door/today';

/**
 * Every command, in the order `帮助` lists them; text with no keyword is small
 * talk when it is only that, a disinfection question or log with the place
 * first (`今天消杀情况`, `税务区消杀完毕`), else a report when it looks like one.
 */
export function allCommands(): { commands: Command[]; fallbacks: Command[] } {
  const commands: Command[] = [reportCommand, behalfCommand, recordsCommand, submitRosterCommand, rosterStatusCommand, statsCommand, acknowledgeCommand, startIncidentCommand, progressCommand, checklistCommand, contactsCommand, sweepCommand, closeCommand, drillCommand, disinfectionCommand, disinfectionStatusCommand, receiveCommand, takeCommand, stocktakeCommand, stockCommand, registerVisitorCommand, todayVisitorsCommand, dashboardLinkCommand];
  return { commands: [...commands, stepFirstCommand, helpCommand(() => commands)], fallbacks: [smallTalkCommand, disinfectionStatusCommand, placeFirstCommand, reportCommand] };
}

/** The examples a person's `帮助` shows, one per command, most used first (the simulator's chips). */
export async function helpExamplesFor(services: Services, person: Person): Promise<string[]> {
  const reader = await helpReader(services.db, services, person, localTime(services.clock.now(), services.config.timezone).date);
  return helpExamples(allCommands().commands, reader);
}
