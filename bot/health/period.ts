import type { Config } from '../config';
import type { ObservedContact } from '../incidents/contact-types';
import type { ObservedAnomaly } from './observation';

/** What the cross-check reads besides the people: today, and how long an anomaly counts. */
export interface HealthCheckScope {
  today: string;
  observationDays: number;
  timezone: string;
}

/** The cross-check's scope on a local date, from the configuration. */
export function checkScope(config: Pick<Config, 'observationDays' | 'timezone'>, today: string): HealthCheckScope {
  return { today, observationDays: config.observationDays, timezone: config.timezone };
}

/** What a summary shows of the observation period: the anomalous readings, and the close contacts under observation (SPEC §11). */
export interface ObservedPeriod {
  anomalies: ObservedAnomaly[];
  contacts: ObservedContact[];
  scope: HealthCheckScope;
}
