import type { Severity } from '../../entities';
import type { SweepRow } from './store';

/** A person's answer to a 全员测温: their first 加测 reading while it ran. */
export interface SweepAnswer {
  staffId: number;
  name: string;
  window: string;
  temperature: number;
  /** null: a drill reading, never evaluated (nor counted anywhere). */
  status: Severity | null;
  /** When it was received, ISO 8601 UTC. */
  at: string;
  alertId: number | null;
}

/** A 全员测温 with who was asked, who answered (and how) and who is missing, by window then name. */
export interface SweepResult extends SweepRow {
  asked: number;
  answered: SweepAnswer[];
  missing: { staffId: number; name: string; window: string }[];
}

/** Today's latest 全员测温 as a dashboard shows it, counted within a window for a lead. */
export interface SweepView {
  id: number;
  incidentId: number | null;
  running: boolean;
  asked: number;
  answered: number;
  /** Names still missing, by window. */
  missing: string[];
}
