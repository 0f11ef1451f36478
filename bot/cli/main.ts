import { ConfigError, environmentWithDotenv, loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { maskUrlsIn, maskUserinfo } from '../http/userinfo';
import { CliError, type CliCommand } from './context';

/**
 * Every family of `npm run cli -- …`, by name; adding one is a line here. Each
 * is loaded only when run, so `staff list` does not load the whole service.
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  staff: async () => (await import('./staff')).staffCommand,
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

const HELP = new Set(['--help', '-h']);

async function usage(only?: CliCommand): Promise<string> {
  const commands = only ? [only] : await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return ['usage:', ...commands.flatMap((c) => c.usage.split(' | ').map((u) => `  npm run cli -- ${u}`))].join('\n');
}

/** Runs one command line; resolves to the exit code: 0 ok, 1 a user or data error, 2 a usage error. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || HELP.has(name)) {
    process.stdout.write(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`unknown command "${name}"\n${await usage()}\n`);
    return 2;
  }
  const command = await load();
  if (rest.some((arg) => HELP.has(arg))) {
    process.stdout.write(`${await usage(command)}\n`);
    return 0;
  }
  const config = loadConfig(environmentWithDotenv());
  const db = await openDatabase(config.databaseUrl).catch((err: Error) => {
    throw new CliError(`cannot open the database of DATABASE_URL (${maskUserinfo(config.databaseUrl)}): ${maskUrlsIn(err.message)}`);
  });
  try {
    await command.run(rest, { config, db, out: (line) => process.stdout.write(`${line}\n`) });
    return 0;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
      throw new CliError(`${(err as Error).message}\n${await usage(command)}`, 2);
    }
    throw err;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError || err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err instanceof CliError ? err.exitCode : 1);
    }
    process.stderr.write(`${maskUrlsIn(err instanceof Error ? String(err.stack) : String(err))}\n`);
    process.exit(1);
  },
);
