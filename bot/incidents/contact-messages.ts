import type { Person } from '../directory/directory';
import type { HealthCheckScope } from '../health/period';
import { celsius, SEVERITY_LABEL, SLOT_LABEL } from '../labels';
import { localWhen } from '../time';
import type { ContactReading, ContactWithReadings, ObservedContact } from './contact-types';
import { visitorContactLabel, type ProposedVisitor, type VisitorContactView } from './visitor-contacts';

/** A contact's reading as every message says it: `11月22日 08:00 晨检 36.5℃（正常）`, the date left out today. */
function reading(r: ContactReading, today: string, timezone: string): string {
  return `${localWhen(new Date(r.receivedAt), today, timezone)} ${SLOT_LABEL[r.slot]} ${celsius(r.temperature)}（${SEVERITY_LABEL[r.status]}）`;
}

/** The flag of a contact under observation, e.g. `密接（事件 #12，观察至 11-25），最新 08:00 晨检 36.5℃（正常）`. */
function observedFlag(c: ObservedContact, scope: Pick<HealthCheckScope, 'today' | 'timezone'>): string {
  return `密接（事件 #${c.incidentId}，观察至 ${c.until.slice(5)}），${c.latest ? `最新 ${reading(c.latest, scope.today, scope.timezone)}` : '确认后尚未上报体温'}`;
}

/** Most contacts named in a summary; the rest are counted. */
const MAX_LISTED = 20;

/** The sentences of contact tracing (排查). */
export const contactMessages = {
  proposed: (id: number, subject: string, found: { person: Person; reason: string }[], visitors: ProposedVisitor[] = []) =>
    found.length || visitors.length
      ? [
          `【应急 #${id} 密接排查】${subject} 的可能密切接触者（来自排班、上报与门岗登记记录）：`,
          ...found.map((c) => `· ${c.person.name}（${c.reason}）`),
          ...visitors.slice(0, MAX_LISTED).map((v) => `· ${v.name}（访客 ${v.phoneMasked}，${v.reason}）`),
          ...(visitors.length > MAX_LISTED ? [`…另有访客 ${visitors.length - MAX_LISTED} 人，见 应急 ${id}`] : []),
          `请核实后回复：密接 ${id} 确认 <姓名…> 或 密接 ${id} 排除 <姓名…>；名单外的人也可直接确认添加。${visitors.length ? '访客同名时写手机尾号，如 张三1111。' : ''}`,
        ].join('\n')
      : `【应急 #${id} 密接排查】系统记录中没有 ${subject} 的同窗口同事或代报人；核实后回复：密接 ${id} 确认 <姓名…>`,
  noneToTrace: (id: number, subject: string) =>
    `【应急 #${id} 密接排查】${subject} 不是系统中的人员，无法从排班推算密接；请核实现场人员后回复：密接 ${id} 确认 <姓名…>`,
  askReading: (id: number) => `您已被确认为 #${id} 号应急事件的密切接触者：请立即测量体温并回复，例如：体温 36.5 绿码。`,
  decided: (id: number, verdict: 'confirmed' | 'excluded', names: string[], visitors: VisitorContactView[] = []) => {
    const all = [...names, ...visitors.map((v) => `访客 ${visitorContactLabel(v)}`)].join('、');
    if (verdict === 'excluded') return `已排除 #${id} 密接：${all}。`;
    const told = names.length ? '已通知其立即测温' : '';
    const byPhone = visitors.length ? '访客不在通讯录中，系统无法通知：请电话通知其立即测温、居家观察，并告知所在社区' : '';
    return `已确认 #${id} 密接：${all}；${[told, byPhone].filter(Boolean).join('；')}。`;
  },
  /** The contacts under a checklist: confirmed, to check, excluded. */
  listed: (contacts: { person: Person; status: 'proposed' | 'confirmed' | 'excluded' }[]) => {
    const of = (status: string) => contacts.filter((c) => c.status === status).map((c) => c.person.name).join('、') || '无';
    return `密接：已确认 ${of('confirmed')}；待核实 ${of('proposed')}；已排除 ${of('excluded')}`;
  },
  /** The visitor contacts under a checklist, masked; a confirmed one is to be told by phone and to the community; nothing when there are none. */
  visitorsListed: (visitors: VisitorContactView[]): string[] => {
    if (visitors.length === 0) return [];
    const of = (status: string) => visitors.filter((v) => v.status === status).map(visitorContactLabel).join('、') || '无';
    return [`访客密接：已确认 ${of('confirmed')}${visitors.some((v) => v.status === 'confirmed') ? '（电话通知本人、告知社区）' : ''}；待核实 ${of('proposed')}；已排除 ${of('excluded')}`];
  },
  observedFlag,

  /** The contacts under observation, under a summary or 今日统计; nothing when there are none. */
  observedLines(contacts: ObservedContact[], scope: Pick<HealthCheckScope, 'today' | 'timezone'>): string[] {
    if (contacts.length === 0) return [];
    const people = new Set(contacts.map((c) => c.staffId)).size;
    const lines = [`密接观察中 ${people} 人：`, ...contacts.slice(0, MAX_LISTED).map((c) => `${c.name}（${c.window || '未分配窗口'}）${observedFlag(c, scope)}`)];
    if (contacts.length > MAX_LISTED) lines.push(`…另有 ${contacts.length - MAX_LISTED} 条`);
    return lines;
  },

  /** Under an alert about a contact under observation: which incidents' contact they are. */
  contactOf: (of: { incidentId: number; until: string }[]) =>
    `密接：${of.map((c) => `#${c.incidentId} 号应急事件的密切接触者（观察至 ${c.until.slice(5)}）`).join('；')}`,

  /** The twice-daily request to a contact under observation (`contact-readings`). */
  askObserved: (a: { incidents: number[]; day: number; days: number; until: string }) =>
    `【密接观察】您是 ${a.incidents.map((id) => `#${id}`).join('、')} 号应急事件的密切接触者，今天是观察期第 ${a.day}/${a.days} 天（观察至 ${a.until.slice(5)}）：请测量体温并回复，例如：体温 36.5 绿码。`,

  /** The confirmed contacts of a checklist with every reading since their confirmation. */
  readings(contacts: ContactWithReadings[], today: string, timezone: string): string[] {
    return contacts
      .filter((c) => c.status === 'confirmed' && c.observation)
      .map((c) => `· ${c.person.name}（观察至 ${c.observation!.until.slice(5)}）：${c.readings.length ? c.readings.map((r) => reading(r, today, timezone)).join('；') : '确认后尚未上报体温'}`);
  },

  usage: () => '用法：密接 12 确认 张三 李四，或 密接 12 排除 王五',
  notTracer: (id: number) => `#${id} 的密接由排查负责组或领导小组成员确认。`,
  unknownName: (name: string) => `名单中没有「${name}」。`,
  /** A name several contacts share, with the way to write each: 张伟（1号窗口）, or a visitor by phone's last 4 digits 张三1111. */
  sharedName: (name: string, ways: { label: string; written: string }[]) =>
    `「${name}」有 ${ways.length} 人同名（${ways.map((w) => w.label).join('、')}）：请写成 ${ways.map((w) => w.written).join(' 或 ')}。`,
};
