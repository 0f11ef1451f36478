import { attendance, SLOTS } from '../../health/attendance';
import { SLOT_LABEL } from '../../labels';
import type { BriefSection } from '../section';

/** Today's readings by slot, reported / expected, for the hall and for each window (SPEC §5's figures). */
export const readingsSection: BriefSection = {
  title: '今日体温上报（已报/应报）',
  async lines({ sql, people, local }) {
    const days = await attendance(sql, people, local.date);
    const expected = days.reduce((n, d) => n + d.expected.length, 0);
    const slots = (count: (slot: (typeof SLOTS)[number]) => number, of: number) => SLOTS.map((s) => `${SLOT_LABEL[s]} ${count(s)}/${of}`).join('，');
    const hall = slots((s) => days.reduce((n, d) => n + d.reported[s].size, 0), expected);
    return [`全大厅：${hall}`, ...days.map((d) => `${d.window}：${slots((s) => d.reported[s].size, d.expected.length)}`)];
  },
};
