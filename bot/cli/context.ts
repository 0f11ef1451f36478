import type { Config } from '../config';
import type { Database } from '../db/database';

/** What a CLI command gets: the validated configuration and an open database. */
export interface CliContext {
  config: Config;
  db: Database;
  out: (line: string) => void;
}

/** A problem with what the operator typed or supplied: printed without a stack, exit 1 (data) or 2 (usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** One subcommand family of `npm run cli -- …`. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<void>;
}
