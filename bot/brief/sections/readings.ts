import { attendance, dayTotals, SLOTS, type WindowDay } from '../../health/attendance';
import { SLOT_LABEL } from '../../labels';
import { briefMessages } from '../messages';
import type { BriefSection } from '../section';

/** Windows listed one by one, at most (a city deployment has hundreds): the rest are counted. */
const MAX_WINDOWS = 30;

/** `晨检 3/6，午检 2/6，离岗 0/6` */
const bySlot = (count: (slot: (typeof SLOTS)[number]) => number, of: number) => SLOTS.map((s) => `${SLOT_LABEL[s]} ${count(s)}/${of}`).join('，');
const window = (d: WindowDay) => `${d.window}：${bySlot((s) => d.reported[s].size, d.expected.length)}`;

/** Today's readings by slot, reported / expected, for the hall and for each window (SPEC §5's figures). */
export const readingsSection: BriefSection = {
  title: '今日体温上报（已报/应报）',
  async lines({ sql, people, local }) {
    const days = await attendance(sql, people, local.date);
    const totals = dayTotals(days);
    const hall = bySlot((s) => totals.reported[s], totals.expected);
    const lines = [`全大厅：${hall}`, ...days.slice(0, MAX_WINDOWS).map(window)];
    if (days.length > MAX_WINDOWS) lines.push(briefMessages.moreWindows(days.length - MAX_WINDOWS));
    return lines;
  },
};
