import { DOOR, type Command } from '../../bot/command';
import { doorMessages } from '../../bot/door/messages';
import { doorDay } from '../../bot/door/store';
import { localClock } from '../../bot/time';

/** `今日访客` (SPEC §12): today's registrations by hour and every visitor anomaly, phones masked. Guards and leaders. */
export const todayVisitorsCommand: Command = {
  name: '今日访客',
  keywords: ['今日访客', '今天访客', '访客统计', '访客情况', '访客汇总', 'visitors'],
  roles: DOOR,
  help: '今日访客：发送「今日访客」查看今天登记的访客人数（按小时）和全部异常访客',
  async run({ sql, services, local }) {
    const timezone = services.config.timezone;
    const day = await doorDay(sql, local.date, timezone);
    return doorMessages.today(day, (v) => localClock(new Date(v.registeredAt), timezone));
  },
};
