import { calendarStatus } from '../bot/calendar/status';
import { addDays } from '../bot/time';
import type { Job } from './job';

/** app_meta key: the local date the administrators were last warned of a missing year. */
const LAST_WARNED = 'calendar_warning_sent_on';
const WEEK = 7;

/**
 * Daily at 09:00, every day: while a year that matters has no official 调休
 * data (next year's from 1 November), the administrators — or the leadership
 * group when the hall has none — are told once a week what to run (SPEC §5).
 */
export const calendarWarning: Job = {
  name: 'calendar-warning',
  cron: (config) => config.cron.calendarWarning,
  grace: 'latest',
  everyDay: true,
  async run({ sql, services, local }) {
    const status = await calendarStatus(services.calendar, sql, local.date);
    if (!status.warning) return '节假日数据齐全';
    const [last] = await sql.all<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', [LAST_WARNED]);
    if (last && addDays(last.value, WEEK) > local.date) return `缺少 ${status.missing.join('、')} 年数据；本周已于 ${last.value} 提醒`;
    const admins = (await services.directory.active()).filter((p) => p.role === 'admin');
    const told = await services.notifier.toPeople(sql, admins.map((person) => ({ person, body: status.warning! })), 'notice');
    const toLeaders = told === 0 && (await services.notifier.toLeaders(sql, status.warning, 'notice'));
    await sql.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [LAST_WARNED, local.date]);
    return `缺少 ${status.missing.join('、')} 年数据：已提醒 ${toLeaders ? '领导小组群' : `${told} 位管理员`}`;
  },
};
