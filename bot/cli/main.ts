import { ConfigError, environmentWithDotenv, loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { calendarCommand } from './calendar';
import { CliError, type CliCommand } from './context';
import { exportCommand } from './export';
import { jobsCommand } from './jobs';
import { outboxCommand } from './outbox';
import { staffCommand } from './staff';

/** Every family of `npm run cli -- …`; adding one is a line here. */
const COMMANDS: CliCommand[] = [staffCommand, exportCommand, jobsCommand, calendarCommand, outboxCommand];

function usage(): string {
  return ['usage: npm run cli -- <command>', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command || rest.includes('--help')) {
    process.stdout.write(`${usage()}\n`);
    return name === undefined || name === '--help' || rest.includes('--help') ? 0 : 2;
  }
  const config = loadConfig(environmentWithDotenv());
  const db = await openDatabase(config.databaseUrl);
  try {
    await command.run(rest, { config, db, out: (line) => process.stdout.write(`${line}\n`) });
    return 0;
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
    if ((err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`${(err as Error).message}\n${usage()}\n`);
      process.exit(2);
    }
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
