import type { BriefSection, ChartProvider } from '../section';
import { anomaliesSection } from './anomalies';
import { disinfectionSection } from './disinfection';
import { doorSection, doorTrend } from './door';
import { incidentsSection } from './incidents';
import { readingsSection } from './readings';
import { readingsTrend } from './readings-trend';
import { suppliesSection } from './supplies';

/**
 * The daily brief's sections, in the order the meeting goes through them. A
 * domain joins the brief with one line here, its section in a file of its
 * own beside these.
 */
export const BRIEF_SECTIONS: BriefSection[] = [readingsSection, anomaliesSection, incidentsSection, doorSection, disinfectionSection, suppliesSection];

/** What the brief's chart of the last 14 days shows, one line a domain. */
export const CHART_PROVIDERS: ChartProvider[] = [readingsTrend, doorTrend];
