import type { Viewer } from './access';
import type { DashboardData } from './data';
import type { DoorView } from './door';

/** What the page needs besides the data. */
export interface PageContext {
  data: DashboardData;
  viewer: Viewer;
  timezone: string;
  /** The unit (HALL_NAME, SPEC §7) heading the page; unset: 大厅. */
  hallName?: string;
  csrf: string | null;
  canAcknowledge: boolean;
  /** Today's door, for leaders looking at the whole hall. */
  door?: DoorView;
  /** A one-line outcome of the last action. */
  flash?: { kind: 'ok' | 'error'; text: string };
}
