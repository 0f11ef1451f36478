import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { CliError, type CliCommand, type CliContext } from '../../bot/cli/context';
import type { Hall } from './hall';

const root = new URL('../..', import.meta.url).pathname;

/** Runs `npm run cli -- …` as an operator would (without npm's banner), from the bundle it rebuilds when stale: its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bot/cli/launch.mjs'), ...args], { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs one CLI command in this process against a hall's database: its exit code and what it printed (or its error). */
export function runInHall(hall: Hall, command: CliCommand, argv: string[]): Promise<{ code: number; text: string }> {
  return runCommand({ db: hall.service.db, config: hall.service.services.config }, command, argv);
}

/** Runs one CLI command in this process as bot/cli/main.ts does: its exit code and what it printed, or the CliError it ended with. */
export async function runCommand(ctx: Omit<CliContext, 'out'>, command: CliCommand, argv: string[]): Promise<{ code: number; text: string }> {
  const printed: string[] = [];
  try {
    await command.run(argv, { ...ctx, out: (line) => printed.push(line) });
    return { code: 0, text: printed.join('\n') };
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    return { code: err.exitCode, text: err.message };
  }
}
