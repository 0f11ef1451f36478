import type { BriefSection, ChartProvider } from '../section';
import { anomaliesSection } from './anomalies';
import { incidentsSection } from './incidents';
import { readingsSection } from './readings';
import { readingsTrend } from './readings-trend';

/**
 * The daily brief's sections, in the order the meeting goes through them. A
 * domain joins the brief with one line here (门岗 visitors, 消杀 rounds,
 * 物资 below threshold), its section in a file of its own beside these.
 */
export const BRIEF_SECTIONS: BriefSection[] = [readingsSection, anomaliesSection, incidentsSection];

/** What the brief's chart of the last 14 days shows; the door's checks join with one line. */
export const CHART_PROVIDERS: ChartProvider[] = [readingsTrend];
