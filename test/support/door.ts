import { Hall, PEOPLE, type HallOptions } from './hall';

/** The hall's people and a door guard (门岗), who reports their own readings like staff. */
export const DOOR_PEOPLE = [...PEOPLE, { name: '钱门卫', window: '门岗', role: 'guard', wecomUserId: 'qianmw', dingtalkUserId: 'qianmw', mobile: '13800000009' }];

/** A hall with a guard and a leadership channel on each platform. */
export function doorHall(options: HallOptions = {}): Promise<Hall> {
  return Hall.open({ people: DOOR_PEOPLE, ...options, env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders', DINGTALK_LEADER_CONVERSATION_ID: 'cid-leaders', ...options.env } });
}
