/**
 * The SQL an alert list uses for whom an alert is about (SPEC §11): a staff
 * member's name and window, or the subject text of an alert about no staff
 * member (启动应急). Drill numbers (kind `drill`) are never listed.
 * Used with the alert aliased `a` and `ALERT_SUBJECT_JOIN` in the FROM.
 */
export const ALERT_SUBJECT_JOIN = 'LEFT JOIN staff s ON s.id = a.staff_id';
export const ALERT_SUBJECT_NAME = 'COALESCE(s.name, a.subject)';
export const ALERT_SUBJECT_WINDOW = "COALESCE(s.window_name, '')";
export const REAL_ALERT = "a.subject_kind <> 'drill'";
