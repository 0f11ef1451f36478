import type { SubjectKind } from '../../entities';

/** The mark every message of a drill carries (SPEC §11). */
export const DRILL_MARK = '【演练】';

/** A message about an incident, marked 【演练】 when the incident is a drill. */
export function marked(incident: { kind: SubjectKind }, text: string): string {
  return incident.kind === 'drill' ? `${DRILL_MARK}${text}` : text;
}
