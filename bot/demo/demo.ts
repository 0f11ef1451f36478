import type { DailySlot } from '../../entities';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { recordDelivery } from '../adapters/local/deliveries';
import { createCore } from '../core';
import { importStaff } from '../directory/staff-import';
import { addDays, localTime, ManualClock, zonedInstant } from '../time';

/** What loading the demonstration hall did. */
export interface DemoResult {
  alreadyLoaded: boolean;
  people: number;
  reports: number;
  alerts: number;
  rosters: number;
}

/** The database already holds a real directory: the demo never mixes into one. */
export class DemoRefused extends Error {}

const MARKER = 'demo_loaded_at';

/** Three windows with a lead each, a leadership group, security and cleaning staff, and an administrator. */
const DIRECTORY = `name,window,role,wecom_userid,dingtalk_userid,mobile
刘洋,1号窗口,lead,demo-liuyang,,13900000101
陈静,1号窗口,staff,demo-chenjing,,13900000102
杨帆,1号窗口,staff,demo-yangfan,,13900000103
黄敏,1号窗口,staff,demo-huangmin,,13900000104
赵磊,2号窗口,lead,demo-zhaolei,,13900000201
周婷,2号窗口,staff,demo-zhouting,,13900000202
吴昊,2号窗口,staff,demo-wuhao,,13900000203
徐丽,2号窗口,staff,demo-xuli,,13900000204
孙伟,3号窗口,lead,demo-sunwei,,13900000301
马超,3号窗口,staff,demo-machao,,13900000302
朱琳,3号窗口,staff,demo-zhulin,,13900000303
高洁,3号窗口,staff,demo-gaojie,,13900000304
郭强,后勤保障,staff,demo-guoqiang,,13900000401
何芳,后勤保障,staff,demo-hefang,,13900000402
王建国,领导小组,leader,demo-wangjianguo,,13900000501
李红,领导小组,leader,demo-lihong,,13900000502
系统管理员,,admin,demo-admin,,
`;

const ROSTER_WINDOWS = ['1号窗口', '2号窗口', '3号窗口'];

/** How people type, by slot: loose, as on a phone. `{t}` is the temperature. */
const PHRASES: Record<DailySlot, string[]> = {
  morning: ['晨检 {t}', '体温{t} 绿码', '晨检 {t} 绿码 无症状', '{t}'],
  midday: ['午检 {t}', '午检 {t} 绿码', '体温：{t}℃'],
  leave: ['离岗 {t}', '离岗 {t} 绿码', '离岗 {t} 绿码 无症状', '{t}度'],
};
/** Local time of each slot's first report, in minutes after midnight; people follow a few minutes apart. */
const SLOT_START: Record<DailySlot, number> = { morning: 7 * 60 + 40, midday: 12 * 60 + 5, leave: 17 * 60 + 32 };

/** The anomalies of the week, by workday counted back from the latest (0) and person; the last two stay open. */
const ANOMALIES: { day: number; name: string; slot: DailySlot; text: string; ack?: string }[] = [
  { day: 4, name: '杨帆', slot: 'morning', text: '晨检 37.4', ack: '已安排居家观察，次日复测 36.6℃' },
  { day: 3, name: '吴昊', slot: 'morning', text: '晨检 38.1 咳嗽', ack: '已送定点医院发热门诊，核酸阴性，居家休息' },
  { day: 2, name: '何芳', slot: 'morning', text: '晨检 36.6 黄码', ack: '已核实为行程卡误判，已转绿码' },
  { day: 1, name: '马超', slot: 'midday', text: '午检 36.8 咽痛', ack: '已提醒佩戴口罩，离岗复测正常' },
  { day: 0, name: '朱琳', slot: 'morning', text: '晨检 37.4' },
  { day: 0, name: '周婷', slot: 'morning', text: '晨检 37.9 乏力' },
];

/** One message of the week: a report, a roster, or a leader's 处置 of the alert `person` raised on `date`. */
interface Said {
  at: Date;
  name: string;
  text: string;
  handles?: { person: string; date: string };
}

/**
 * Fills an empty database with a demonstration hall and a week of history
 * ending at `now` (`npm run cli -- demo`, the simulator's 载入演示数据):
 * every report, roster and acknowledgement is a message sent through the real
 * dispatch, in time order, on a hand-moved clock, so the records are what the
 * hall would hold. What the history queued for delivery is marked sent at the
 * time it was queued, right after each message: it is in the past, and a
 * running service's dispatcher must not deliver it as new.
 */
export async function seedDemo({ db, config, log, now }: { db: Database; config: Config; log: Logger; now: Date }): Promise<DemoResult> {
  const [{ n }] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM staff');
  if (Number(n) > 0) {
    const [marker] = await db.all('SELECT value FROM app_meta WHERE key = ?', [MARKER]);
    if (marker) return { alreadyLoaded: true, people: 0, reports: 0, alerts: 0, rosters: 0 };
    throw new DemoRefused('数据库中已有正式人员名单，演示数据不会混入。请换一个数据库试用，例如 DATABASE_URL=sqlite:data/demo.sqlite');
  }
  const imported = await importStaff(db, DIRECTORY, { now });
  if (!imported.ok) throw new Error(`demo directory rejected: ${JSON.stringify(imported.errors)}`);
  await db.run('INSERT INTO app_meta (key, value) VALUES (?, ?)', [MARKER, now.toISOString()]);

  const clock = new ManualClock(now);
  const service = createCore({ config: { ...config, wecom: undefined, wecomBot: undefined, dingtalk: undefined, simulator: true }, log, clock, db });
  const people = new Map((await service.services.directory.active()).map((p) => [p.name, p]));
  const tz = config.timezone;
  const today = localTime(now, tz).date;
  const at = (date: string, minutes: number) => zonedInstant(date, Math.floor(minutes / 60), minutes % 60, tz);

  const calendar = service.services.calendar;
  const todayIsWorkday = await calendar.isWorkday(today);
  // Today belongs to the history once its morning is over; before that, its reports are the newcomer's to send.
  const workdays: string[] = [];
  for (let d = addDays(today, -7); d < today; d = addDays(d, 1)) if (await calendar.isWorkday(d)) workdays.push(d);
  if (todayIsWorkday && localTime(now, tz).hour >= 9) workdays.push(today);
  const next = await calendar.nextWorkday(today);
  const rosterDates = [...new Set([...workdays, ...(todayIsWorkday ? [today] : []), next])];
  const week: Said[] = [];

  // Rosters: each lead names the next workday's people the afternoon before, one colleague off in turn;
  // 2号窗口 is late once, 3号窗口 closed once, and 3号窗口 has not yet sent the next workday's.
  const rosterOf = (window: string, day: number) => {
    const members = [...people.values()].filter((p) => p.window === window);
    if (window === '3号窗口' && day % 4 === 2) return null;
    const off = 1 + ((day + ROSTER_WINDOWS.indexOf(window)) % (members.length - 1));
    return members.filter((_, i) => i !== off);
  };
  for (const [index, date] of rosterDates.entries()) {
    const before = await calendar.previousWorkday(date);
    for (const [w, window] of ROSTER_WINDOWS.entries()) {
      if (date === next && window === '3号窗口') continue;
      const lead = [...people.values()].find((p) => p.window === window && p.role === 'lead')!;
      const members = rosterOf(window, index);
      const late = window === '2号窗口' && index === 1;
      const planned = at(before, late ? 16 * 60 + 20 : 14 * 60 + 30 + w * 11);
      const text = `排班 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${members ? members.map((p) => p.name).join('、') : '不开放'}`;
      // The next workday's rosters are due this afternoon: the leads who already sent theirs did so this morning.
      week.push({ name: lead.name, text, at: planned < now ? planned : new Date(now.getTime() - (30 - w) * 60_000) });
    }
  }

  // Temperature reports: everyone on duty reports each slot, a few forget one; the anomalies above replace a normal reading.
  const everyone = [...people.values()].filter((p) => p.window);
  for (const date of workdays) {
    const day = rosterDates.indexOf(date);
    const back = workdays.length - 1 - workdays.indexOf(date);
    const onDuty = new Set(ROSTER_WINDOWS.flatMap((w) => rosterOf(w, day) ?? []).map((p) => p.id));
    for (const slot of ['morning', 'midday', 'leave'] as DailySlot[]) {
      for (const [i, person] of everyone.entries()) {
        const anomaly = ANOMALIES.find((a) => a.day === back && a.name === person.name && a.slot === slot);
        const off = ROSTER_WINDOWS.includes(person.window) && !onDuty.has(person.id);
        if (!anomaly && (off || (i * 7 + day * 5 + slot.length) % 13 === 0)) continue;
        const t = (36.2 + ((i * 13 + day * 7 + slot.length * 5) % 7) / 10).toFixed(1);
        const phrases = PHRASES[slot];
        const text = anomaly?.text ?? phrases[(i + day) % phrases.length].replace('{t}', t);
        week.push({ name: person.name, text, at: at(date, SLOT_START[slot] + i * 3) });
      }
    }
  }

  // Leaders handle the older anomalies with a note within the hour; the latest workday's stay open for the dashboard.
  for (const a of ANOMALIES) {
    const date = workdays[workdays.length - 1 - a.day];
    if (a.ack && date) week.push({ name: a.day % 2 ? '王建国' : '李红', text: a.ack, at: at(date, SLOT_START[a.slot] + 50), handles: { person: a.name, date } });
  }

  const [{ last }] = await db.all<{ last: unknown }>('SELECT max(id) AS last FROM outbox');
  let sequence = 0;
  for (const said of week.filter((s) => s.at < now).sort((a, b) => a.at.getTime() - b.at.getTime())) {
    let text = said.text;
    if (said.handles) {
      const [alert] = await db.all<{ id: unknown }>(
        `SELECT a.id FROM alert a JOIN staff s ON s.id = a.staff_id JOIN report r ON r.id = a.report_id WHERE s.name = ? AND r.date = ? AND a.status = 'open'`,
        [said.handles.person, said.handles.date],
      );
      if (!alert) continue;
      text = `处置 ${Number(alert.id)} ${text}`;
    }
    clock.set(said.at);
    const message = { platform: 'local', userId: String(people.get(said.name)!.id), isGroup: false, kind: 'text', text } as const;
    await service.dispatch({ ...message, messageId: `demo-${++sequence}`, receivedAt: said.at, platformTime: said.at });
    await db.run(`UPDATE outbox SET status = 'sent', sent_at = created_at WHERE status = 'pending' AND id > ? AND created_at < ?`, [
      Number(last ?? 0),
      now.toISOString(),
    ]);
  }

  await showOpenAlerts(db);
  const count = async (table: string) => Number((await db.all<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const result = { alreadyLoaded: false, people: people.size, reports: await count('report'), alerts: await count('alert'), rosters: await count('roster') };
  log.info(result, 'demo hall loaded');
  return result;
}

/**
 * The history's pushes went out before the page was open, so the leadership
 * pane would start empty: the simulator's feed gets the pushes of the alerts
 * still open, as the group received them, for a newcomer to see what awaits 处置.
 */
async function showOpenAlerts(db: Database): Promise<void> {
  const pushes = await db.all<{ body: string; at: string | Date }>(
    `SELECT o.body, o.created_at AS at FROM outbox o JOIN alert a ON o.body LIKE '【防疫告警 #' || a.id || '｜%'
      WHERE a.status = 'open' AND o.channel = 'local-group' AND o.category = 'alert' ORDER BY o.id`,
  );
  for (const push of pushes) await recordDelivery(db, { to: 'leaders', body: push.body, at: new Date(push.at).toISOString() });
}
