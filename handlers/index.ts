import type { Command } from '../bot/command';
import { acknowledgeCommand } from './alerts/acknowledge';
import { dashboardLinkCommand } from './dashboard-link';
import { helpCommand } from './help';
import { checklistCommand, closeCommand } from './incidents/checklist';
import { contactsCommand } from './incidents/contacts';
import { progressCommand, stepFirstCommand } from './incidents/progress';
import { recordsCommand } from './records';
import { rosterStatusCommand } from './roster/status';
import { submitRosterCommand } from './roster/submit';
import { smallTalkCommand } from './smalltalk';
import { statsCommand } from './stats';
import { behalfCommand } from './temperature/behalf';
import { reportCommand } from './temperature/report';

/**
 * Every command, in the order `帮助` lists them; text with no keyword is small
 * talk when it is only that, else a report when it looks like one.
 */
export function allCommands(): { commands: Command[]; fallbacks: Command[] } {
  const commands: Command[] = [reportCommand, behalfCommand, recordsCommand, submitRosterCommand, rosterStatusCommand, statsCommand, acknowledgeCommand, progressCommand, checklistCommand, contactsCommand, closeCommand, dashboardLinkCommand];
  return { commands: [...commands, stepFirstCommand, helpCommand(() => commands)], fallbacks: [smallTalkCommand, reportCommand] };
}
