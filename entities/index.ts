import { Alert } from './Alert';
import { AppMeta } from './AppMeta';
import { AuditEntry } from './AuditEntry';
import { CalendarNotice } from './CalendarNotice';
import { CalendarNoticeDay } from './CalendarNoticeDay';
import { CalendarOverride } from './CalendarOverride';
import { DashboardRevocation } from './DashboardRevocation';
import { DisinfectionLog } from './DisinfectionLog';
import { DrillReading } from './DrillReading';
import { GroupMember } from './GroupMember';
import { Incident } from './Incident';
import { IncidentContact } from './IncidentContact';
import { IncidentStep } from './IncidentStep';
import { InboundMessage } from './InboundMessage';
import { JobFiring } from './JobFiring';
import { OutboxMessage } from './OutboxMessage';
import { ProcedureOwner } from './ProcedureOwner';
import { Report } from './Report';
import { Roster } from './Roster';
import { RosterEntry } from './RosterEntry';
import { Staff } from './Staff';
import { SupplyItem } from './SupplyItem';
import { SupplyMovement } from './SupplyMovement';
import { Sweep } from './Sweep';
import { SweepPerson } from './SweepPerson';
import { Visitor } from './Visitor';

/** Every entity, for the DataSource. */
export const entities = [Staff, InboundMessage, Report, Alert, OutboxMessage, Roster, RosterEntry, AppMeta, JobFiring, CalendarOverride, CalendarNotice, CalendarNoticeDay, GroupMember, ProcedureOwner, Incident, IncidentStep, IncidentContact, DashboardRevocation, DrillReading, Sweep, SweepPerson, DisinfectionLog, SupplyItem, SupplyMovement, Visitor, AuditEntry];

export { Alert, AppMeta, AuditEntry, CalendarNotice, CalendarNoticeDay, CalendarOverride, DashboardRevocation, DisinfectionLog, DrillReading, SupplyItem, SupplyMovement, GroupMember, ProcedureOwner, Incident, IncidentContact, IncidentStep, InboundMessage, JobFiring, OutboxMessage, Report, Roster, RosterEntry, Staff, Sweep, SweepPerson, Visitor };
export type { FiringOutcome } from './JobFiring';
export type { Role, Platform } from './Staff';
export type { DailySlot, Slot, HealthCode, Severity } from './Report';
export type { OutboxStatus } from './OutboxMessage';
export type { AlertStatus, SubjectKind } from './Alert';
export type { SweepOutcome, SweepRunning } from './Sweep';
export type { SupplyMovementKind } from './SupplyMovement';
export type { AuditAction } from './AuditEntry';
