import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import type { LocalTime } from '../time';

/** What every part of the daily brief reads from: the firing's transaction and time, and the active directory. */
export interface BriefContext {
  sql: Sql;
  services: Services;
  now: Date;
  local: LocalTime;
  people: Person[];
}

/**
 * One section of the daily brief (门岗, 消杀, 物资 … each domain brings its
 * own): a title and its lines, or null when the section has nothing to say
 * on this hall (e.g. a domain not in use).
 */
export interface BriefSection {
  title: string;
  lines(ctx: BriefContext): Promise<string[] | null>;
}

/** One series of a trend chart (the daily brief's, the dashboard's): a count per day, all on one axis. */
export interface ChartSeries {
  /** With its unit, as the legend shows it: 晨检已报（人）. */
  name: string;
  kind: 'bar' | 'line';
  /** A line to measure the others against (应报): drawn dashed and grey, its points unlabelled. */
  reference?: boolean;
  /** One count per date of the chart, in order; null where there is none (a reference on a day off). */
  values: (number | null)[];
}

/** What a domain adds to the brief's chart of the last days: its series over the given dates. */
export interface ChartProvider {
  series(ctx: BriefContext, dates: string[]): Promise<ChartSeries[]>;
}
