import type { Finding } from '../../handlers/health/evaluate';
import type { Severity } from '../../entities';
import type { Services } from '../command';
import type { Sql } from '../db/database';
import { localClock } from '../time';
import { doorMessages } from './messages';
import type { VisitorRow } from './store';

/** A visitor's anomaly at the door, as the registration found it. */
export interface VisitorAnomaly {
  visitor: VisitorRow;
  severity: Exclude<Severity, 'normal'>;
  findings: Finding[];
  now: Date;
}

/**
 * The one place a visitor's anomaly opens the procedure (SPEC §12): the
 * visitor row already holds the severity, what was found and the door's
 * instruction; this pushes the alert to the leadership group, in the
 * registration's transaction. Returns the alert number, when alerts about a
 * visitor are numbered (undefined until then).
 */
export async function openVisitorAlert(sql: Sql, services: Services, a: VisitorAnomaly): Promise<number | undefined> {
  const push = doorMessages.visitorAlert(a.visitor, { severity: a.severity, time: localClock(a.now, services.config.timezone) });
  await services.notifier.toLeaders(sql, push, 'alert');
  return undefined;
}
