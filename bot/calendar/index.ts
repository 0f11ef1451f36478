export { WorkCalendar, type DaySource, type DayVerdict } from './work-calendar';
export { packageCalendar, noOfficialCalendar, type OfficialCalendar } from './package-data';
