import { dateLabel } from '../text';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The daily brief's sentences (SPEC §13). */
export const briefMessages = {
  heading: (date: string, clock: string) => `【每日研判简报】${dateLabel(date)} ${clock}，供每日分析研判会议使用`,
  section: (index: number, title: string) => `${NUMERALS[index] ?? String(index + 1)}、${title}`,
  chartFollows: (days: number) => `附图：近 ${days} 天上报、异常走势（见下一条消息）。`,
  chartCaption: (days: number, date: string) => `近 ${days} 天防疫数据走势（截至 ${dateLabel(date)}）`,
  anomalyCount: (total: number, handled: number, open: number) => (total === 0 ? '今日无异常。' : `今日异常 ${total} 次：已处置 ${handled}，待处置 ${open}。`),
  more: (n: number) => `…另有 ${n} 条`,
  moreWindows: (n: number) => `…另有 ${n} 个窗口，详见看板`,
  olderOpen: (n: number) => `此前仍未处置的告警 ${n} 条，请在群内「处置 编号 处置情况」。`,
  noIncidents: () => '无进行中的应急处置。',
  incidentLine: (a: { id: number; subject: string; situation: string; done: number; total: number; overdue: string[] }) =>
    `#${a.id} ${a.subject}：${a.situation} — 已完成 ${a.done}/${a.total} 步${a.overdue.length ? `；超时：${a.overdue.join('、')}` : ''}`,
  closedToday: (ids: number[]) => `今日结案：${ids.map((id) => `#${id}`).join('、')}`,
  done: (sections: number, chart: boolean) => `简报 ${sections} 节${chart ? '，附近 14 天走势图' : ''}`,
};
