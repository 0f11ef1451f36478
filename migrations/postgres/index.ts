import { Init1795370867311 } from './1795370867311-Init';
import { CalendarNotice1796155394290 } from './1796155394290-CalendarNotice';
import { WorkingGroups1796157733751 } from './1796157733751-WorkingGroups';
import { Incidents1796158344091 } from './1796158344091-Incidents';
import { DashboardRevocation1796158767614 } from './1796158767614-DashboardRevocation';
import { ReadingsKept1796159077642 } from './1796159077642-ReadingsKept';
import { IncidentContacts1796159923565 } from './1796159923565-IncidentContacts';
import { ClaimPerSender1796161110767 } from './1796161110767-ClaimPerSender';
import { ManualIncidentsAndDrills1796167535478 } from './1796167535478-ManualIncidentsAndDrills';
import { RoutineDisinfectionSupplies1796167561184 } from './1796167561184-RoutineDisinfectionSupplies';
import { DailyBriefImages1796167586600 } from './1796167586600-DailyBriefImages';
import { AllStaffSweep1796169029302 } from './1796169029302-AllStaffSweep';
import { DoorVisitorsAudit1796170333059 } from './1796170333059-DoorVisitorsAudit';
import { IncidentVisitorContacts1796170963199 } from './1796170963199-IncidentVisitorContacts';
import { ClosedIncidentAlertsSettled1796664847272 } from './1796664847272-ClosedIncidentAlertsSettled';
import { SimulatorFeed1796664944492 } from './1796664944492-SimulatorFeed';
import { OutboxActions1796685589325 } from './1796685589325-OutboxActions';
import { FloodIndexes1796685802526 } from './1796685802526-FloodIndexes';
import { Halls1796686461860 } from './1796686461860-Halls';
import { LinkLease1796686862710 } from './1796686862710-LinkLease';
import { SimulatorActions1796687782026 } from './1796687782026-SimulatorActions';

/** Every postgres migration, oldest first. */
export const postgresMigrations: Function[] = [Init1795370867311, CalendarNotice1796155394290, WorkingGroups1796157733751, Incidents1796158344091, DashboardRevocation1796158767614, ReadingsKept1796159077642, IncidentContacts1796159923565, ClaimPerSender1796161110767, ManualIncidentsAndDrills1796167535478, RoutineDisinfectionSupplies1796167561184, DailyBriefImages1796167586600, AllStaffSweep1796169029302, DoorVisitorsAudit1796170333059, IncidentVisitorContacts1796170963199, ClosedIncidentAlertsSettled1796664847272, SimulatorFeed1796664944492, OutboxActions1796685589325, FloodIndexes1796685802526, Halls1796686461860, LinkLease1796686862710, SimulatorActions1796687782026];
