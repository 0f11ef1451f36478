import { Alert } from './Alert';
import { AppMeta } from './AppMeta';
import { InboundMessage } from './InboundMessage';
import { OutboxMessage } from './OutboxMessage';
import { Report } from './Report';
import { Roster } from './Roster';
import { RosterEntry } from './RosterEntry';
import { Staff } from './Staff';

/** Every entity, for the DataSource. */
export const entities = [Staff, InboundMessage, Report, Alert, OutboxMessage, Roster, RosterEntry, AppMeta];

export { Alert, AppMeta, InboundMessage, OutboxMessage, Report, Roster, RosterEntry, Staff };
export type { Role, Platform } from './Staff';
export type { Slot, HealthCode, Severity } from './Report';
export type { OutboxStatus } from './OutboxMessage';
export type { AlertStatus } from './Alert';
