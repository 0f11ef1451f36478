import { belowThreshold } from '../../supplies/stock';
import { briefMessages } from '../messages';
import type { BriefSection } from '../section';

/** Supplies below their threshold (SPEC §13), with the days they last at this week's use. */
export const suppliesSection: BriefSection = {
  title: '防疫物资',
  async lines({ sql, local }) {
    const low = await belowThreshold(sql, local.date);
    if (low.length === 0) return [briefMessages.stockFine()];
    return low.map((s) => briefMessages.lowStock(s));
  },
};
