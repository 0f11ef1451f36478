import type { Role } from '../entities';
import type { WorkCalendar } from './calendar';
import type { Config } from './config';
import type { Database, Sql } from './db/database';
import type { Directory, Person } from './directory/directory';
import type { StepName } from './incidents/steps';
import type { Logger } from './log';
import type { IncomingMessage } from './message';
import type { Notifier } from './notify';
import type { Clock, LocalTime } from './time';

/** What every handler may use; built once by the service. */
export interface Services {
  config: Config;
  db: Database;
  directory: Directory;
  notifier: Notifier;
  calendar: WorkCalendar;
  clock: Clock;
  log: Logger;
}

/** One command invocation: the sender, the text, and the message's transaction. */
export interface CommandContext {
  services: Services;
  /** The transaction of this message: the claim, the records and the outbox rows commit together. */
  sql: Sql;
  sender: Person;
  /** The message; its text as typed, with phone and ID numbers masked unless the command {@link Command.readsNumbers}. */
  message: IncomingMessage;
  /** The keyword the text was routed by, lower case ('' for text with no keyword). */
  keyword: string;
  /** The normalised text from the keyword on (polite openings and brackets before it dropped); phone and ID numbers masked unless the command {@link Command.readsNumbers}. */
  text: string;
  /** The text after the command's keyword and the colon, comma or bracket after it, trimmed. */
  args: string;
  /** The server's receive time, and its reading in the hall's time zone. */
  now: Date;
  local: LocalTime;
}

/** Who reads `帮助`: the sender, their working groups, the group owning each step, the settings and the next workday (for examples that name them). */
export interface HelpReader {
  person: Person;
  groups: ReadonlySet<string>;
  owners: ReadonlyMap<StepName, string>;
  config: Config;
  /** The next workday, YYYY-MM-DD. */
  nextWorkday: string;
  /** A window the examples may name and people in it: a lead's own and colleagues, else the hall's first window. */
  sample: { window: string; names: string[] };
  /** The numbers the examples name: the latest open alert and incident (not a drill's), else 12. */
  open: { alert: number; incident: number };
}

/**
 * A command declares its keywords and the roles allowed, and returns the reply
 * (Koishi's `ctx.command`). It throws {@link UserError} for what the sender can fix.
 */
export interface Command {
  name: string;
  /** Leading keywords, Chinese first; matched longest first, case-insensitively. */
  keywords: string[];
  roles: Role[];
  /** The roles `帮助` lists it for, when narrower than `roles` (a command that refuses some roles itself). */
  listedFor?: Role[];
  /**
   * The working groups whose members may use it besides `listedFor` (its run
   * checks membership): 消杀 for 消毒防疫组, 进展 for the groups owning a step.
   */
  groups?: (owners: ReadonlyMap<StepName, string>) => string[];
  /** For the command that answers text with no keyword: whether it takes this text. */
  accepts?(text: string): boolean;
  /**
   * Reads phone and ID numbers in full: the door's registration, which keeps
   * a visitor's phone in the visitor record, its one home (SPEC §12). Every
   * other command sees them masked.
   */
  readsNumbers?: boolean;
  /**
   * One line for `帮助`: `名称：例句（说明）`, each example one this reader may
   * send as it stands (test/help-by-role.test.ts sends them); a function when
   * the example depends on the reader (their step, the hall's areas).
   */
  help: string | ((reader: HelpReader) => string);
  /**
   * The reply carries nothing personal and may be read by a whole group chat
   * (帮助). Otherwise — links, records, statistics, anything about a person —
   * a reply to a group message goes to the sender one-to-one, and the group is
   * only told it was sent privately.
   */
  groupSafe?: boolean;
  run(ctx: CommandContext): Promise<string>;
}

export const EVERYONE: Role[] = ['staff', 'lead', 'leader', 'admin', 'guard'];
/** Who registers visitors at the door (SPEC §12): guards and leaders. */
export const DOOR: Role[] = ['guard', 'leader', 'admin'];
export const LEADS: Role[] = ['lead', 'leader', 'admin'];
export const LEADERS: Role[] = ['leader', 'admin'];
