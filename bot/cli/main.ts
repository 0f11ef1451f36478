import { ConfigError, environmentWithDotenv, loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { maskUrlsIn, maskUserinfo } from '../http/userinfo';
import { CLI_COMMANDS, usageLines } from './commands';
import { CliError, type CliCommand } from './context';

const HELP = new Set(['--help', '-h']);

async function usage(only?: CliCommand): Promise<string> {
  return ['usage:', ...(await usageLines(only)).map((u) => `  npm run cli -- ${u}`)].join('\n');
}

/** Runs one command line; resolves to the exit code: 0 ok, 1 a user or data error, 2 a usage error. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || HELP.has(name)) {
    process.stdout.write(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(CLI_COMMANDS, name) ? CLI_COMMANDS[name] : undefined;
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
