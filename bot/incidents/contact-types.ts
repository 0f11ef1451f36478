import type { Severity, Slot } from '../../entities';
import type { Person } from '../directory/person';

/** A contact of an incident with their name, for messages and checklists. */
export interface ContactView {
  person: Person;
  reason: string;
  status: 'proposed' | 'confirmed' | 'excluded';
  /** When it was confirmed or excluded, ISO 8601 UTC; null while proposed. */
  decidedAt: string | null;
}

/** A reading of a contact's, taken after their confirmation. */
export interface ContactReading {
  date: string;
  slot: Slot;
  temperature: number;
  status: Severity;
  /** ISO 8601 UTC. */
  receivedAt: string;
}

/** The observation of a confirmed contact: the local date of the confirmation (day 1) to day OBSERVATION_DAYS. */
export interface ObservationPeriod {
  from: string;
  until: string;
}

/**
 * A confirmed close contact (密接) within their observation period (SPEC §11).
 * One row per incident: someone confirmed by two incidents appears twice. A
 * drill's contacts are never under observation (their readings are drill
 * readings, bot/drills/readings.ts).
 */
export interface ObservedContact extends ObservationPeriod {
  staffId: number;
  name: string;
  window: string;
  incidentId: number;
  /** When the contact was confirmed, ISO 8601 UTC. */
  confirmedAt: string;
  /** Their latest reading since confirmation, or null when none yet. */
  latest: ContactReading | null;
}

/** A contact of an incident with their observation period (confirmed ones) and every reading since confirmation, oldest first. */
export interface ContactWithReadings extends ContactView {
  observation: ObservationPeriod | null;
  readings: ContactReading[];
}
