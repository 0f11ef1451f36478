import type { HealthCode, Role, Severity, Slot } from '../entities';
import type { JobName } from '../jobs/job';

/** How slots, codes, severities, roles and jobs read in Chinese (replies, exports, the simulator). */
export const SLOT_LABEL: Record<Slot, string> = { morning: '晨检', midday: '午检', leave: '离岗', extra: '加测' };
export const CODE_LABEL: Record<HealthCode, string> = { green: '绿码', yellow: '黄码', red: '红码' };
export const SEVERITY_LABEL: Record<Severity, string> = { normal: '正常', warning: '预警', critical: '严重' };
export const ROLE_LABEL: Record<Role, string> = { staff: '工作人员', lead: '窗口负责人', leader: '领导小组成员', admin: '管理员', guard: '门岗' };
export const JOB_LABEL: Record<JobName, string> = {
  'morning-nudge': '晨检提醒',
  'morning-summary': '晨检汇总',
  'roster-reminder': '排班提醒',
  'roster-deadline': '排班截止汇总',
  'alert-escalation': '告警升级',
  'calendar-warning': '节假日数据提醒',
  'incident-deadlines': '应急步骤超时与全员测温结果',
  'contact-readings': '密接观察测温',
  'disinfection-reminder': '消杀提醒',
  'disinfection-check': '消杀检查',
  'privacy-purge': '个人信息到期删除',
  'daily-brief': '每日研判简报',
  backup: '数据备份',
};

/** 36.5 → "36.5℃" (always one decimal). */
export function celsius(t: number): string {
  return `${t.toFixed(1)}℃`;
}
