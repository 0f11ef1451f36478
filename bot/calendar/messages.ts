import type { DaySource, DayVerdict } from './work-calendar';
import { withWeekday } from './days';

const SOURCE_LABEL: Record<DaySource, string> = {
  override: '管理员设定 (override)',
  notice: '已导入通知 (notice)',
  package: 'chinese-days 官方数据 (package)',
  statutory: '法定节假日推算 (statutory)',
  week: '周末 (weekend)',
};

/** The calendar's sentences: warnings, status and listings (the operator's and the administrators'). */
export const calendarMessages = {
  /** The warning of a missing year: what it means and exactly what to run. */
  missing: (years: number[]) =>
    `⚠️ 尚未载入 ${years.join('、')} 年的节假日安排（国务院办公厅《关于${years[0]}年部分节假日安排的通知》）。` +
    `在此之前按《全国年节及纪念日放假办法》推算法定节假日，调休上班日无法得知。` +
    `请管理员从中国政府网复制通知全文，保存为文本文件后运行：npm run cli -- calendar import 通知.txt（先加 --dry-run 核对）。`,

  sourceLabel: (source: DaySource) => SOURCE_LABEL[source],

  /** One line of `calendar list --year`: 2027-02-05（周五）  休息  春节  法定节假日推算 (statutory). */
  dayLine: (v: DayVerdict) => `${withWeekday(v.date)}  ${v.workday ? '上班 workday' : '休息 holiday'}  ${v.name || '—'}  ${SOURCE_LABEL[v.source]}`,
};
