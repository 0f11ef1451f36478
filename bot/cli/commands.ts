import type { CliCommand } from './context';

/**
 * Every family of `npm run cli -- …`, by name; adding one is a line here. Each
 * is loaded only when run, so `staff list` does not load the whole service.
 */
export const CLI_COMMANDS: Record<string, () => Promise<CliCommand>> = {
  staff: async () => (await import('./staff')).staffCommand,
  halls: async () => (await import('./halls')).hallsCommand,
  export: async () => (await import('./export')).exportCommand,
  jobs: async () => (await import('./jobs')).jobsCommand,
  calendar: async () => (await import('./calendar')).calendarCommand,
  outbox: async () => (await import('./outbox')).outboxCommand,
  seed: async () => (await import('./seed')).seedCommand,
  demo: async () => (await import('./demo')).demoCommand,
  groups: async () => (await import('./groups')).groupsCommand,
  procedure: async () => (await import('./procedure')).procedureCommand,
  supplies: async () => (await import('./supplies')).suppliesCommand,
  audit: async () => (await import('./audit')).auditCommand,
  incident: async () => (await import('./incident')).incidentCommand,
  backup: async () => (await import('./backup')).backupCommand,
  restore: async () => (await import('./backup')).restoreCommand,
};

/** The usage lines of some commands (default: all), one per form: `staff import <file.csv> [--prune]`, `staff list [--all]`, … */
export async function usageLines(only?: CliCommand): Promise<string[]> {
  const commands = only ? [only] : await Promise.all(Object.values(CLI_COMMANDS).map((load) => load()));
  return commands.flatMap((c) => c.usage.split(' | '));
}
