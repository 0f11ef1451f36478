import { dateLabel } from '../text';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The daily brief's sentences (SPEC §13). */
export const briefMessages = {
  /** Headed by the unit (HALL_NAME, SPEC §7) when it is named. */
  heading: (date: string, clock: string, hallName?: string) => `【每日研判简报】${hallName ? `${hallName} ` : ''}${dateLabel(date)} ${clock}，供每日分析研判会议使用`,
  section: (index: number, title: string) => `${NUMERALS[index] ?? String(index + 1)}、${title}`,
  chartFollows: (days: number) => `附图：近 ${days} 天晨检已报/应报人数、异常次数、门岗检查人次走势（见下一条消息）。`,
  chartCaption: (days: number, date: string, hallName?: string) => `${hallName ? `${hallName} ` : ''}近 ${days} 天防疫数据走势（截至 ${dateLabel(date)}）`,
  anomalyCount: (a: { total: number; visitors: number; open: number }) =>
    a.total === 0 ? '今日无异常。' : `今日异常 ${a.total} 次${a.visitors ? `（其中访客 ${a.visitors} 次）` : ''}：已处置 ${a.total - a.open}，待处置 ${a.open}。`,
  more: (n: number) => `…另有 ${n} 条`,
  moreWindows: (n: number) => `…另有 ${n} 个窗口，详见看板`,
  /** Every alert still open, today's and older: the figure of the dashboard's card and 今日统计. */
  openAlerts: (total: number, older: number) => `未处置告警共 ${total} 条${older ? `（其中此前 ${older} 条）` : ''}，请在群内回复「处置 <编号> <处置情况>」。`,
  doorCount: (total: number, anomalies: number, withoutCode: number) =>
    `今日登记访客 ${total} 人次，异常 ${anomalies} 人次${withoutCode ? `，未出示健康码 ${withoutCode} 人次` : ''}。`,
  noRoundYet: () => '今天的消杀轮次尚未开始。',
  round: (a: { round: string; done: number; of: number; missing: string[]; inProgress: boolean; adHoc: string[] }) =>
    `${a.round} 轮：已完成 ${a.done}/${a.of}${a.missing.length ? `，${a.inProgress ? '进行中，尚未登记' : '未完成'}：${a.missing.join('、')}` : ''}${a.adHoc.length ? `；另消杀 ${a.adHoc.join('、')}` : ''}`,
  stockFine: () => '各项物资均不低于预警数量。',
  lowStock: (s: { item: string; unit: string; quantity: number; threshold: number | null; daysLeft: number | null }) =>
    `${s.item} ${s.quantity} ${s.unit}，低于预警数量 ${s.threshold} ${s.unit}${s.daysLeft === null ? '' : `，按近 7 天用量约可用 ${s.daysLeft} 天`}`,
  done: (sections: number, chart: boolean) => `简报 ${sections} 节${chart ? '，附近 14 天走势图' : ''}`,
};
