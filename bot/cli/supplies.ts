import { parseAmount } from '../supplies/amount';
import { findItem, setThreshold, stockList } from '../supplies/stock';
import { defaultUnit } from '../supplies/units';
import { localTime } from '../time';
import { CliError, type CliCommand } from './context';
import { formatTable } from './table';

/**
 * `supplies threshold <物品> <数量>` (0 removes it) and `supplies list` (SPEC
 * §13): below its threshold an item is told to 综合协调组 and the leadership
 * group, once until it is back.
 */
export const suppliesCommand: CliCommand = {
  name: 'supplies',
  usage: 'supplies threshold <物品> <数量> | supplies list',
  async run(argv, { db, config, out }) {
    const [action, ...rest] = argv;
    const now = new Date();
    if (action === 'threshold') {
      const amount = parseAmount(rest.join(' '), 0);
      if ('problem' in amount) throw new CliError('usage: supplies threshold <物品> <数量> (a whole number; 0 removes the threshold), e.g. supplies threshold 口罩 200', 2);
      const known = await findItem(db, amount.item);
      const unit = known?.unit ?? amount.unit ?? defaultUnit(amount.item);
      if (amount.unit && amount.unit !== unit) throw new CliError(`${amount.item} is kept in ${unit}, not ${amount.unit}`, 1);
      await setThreshold(db, amount.item, amount.quantity || null, unit, now);
      const quantity = known?.quantity ?? 0;
      if (!amount.quantity) out(`${amount.item}：已取消阈值`);
      else out(`${amount.item}：阈值 ${amount.quantity} ${unit}；现有 ${quantity} ${unit}${quantity < amount.quantity ? '，已低于阈值（下次入库、领用或盘点时通知）' : ''}`);
      return;
    }
    if (action === 'list' && rest.length === 0) {
      const items = await stockList(db, localTime(now, config.timezone).date);
      if (items.length === 0) {
        out('no supplies yet (入库 口罩 500 by chat, or supplies threshold 口罩 200)');
        return;
      }
      const rows = items.map((s) => [
        s.item,
        s.unit,
        String(s.quantity),
        s.threshold === null ? '-' : String(s.threshold),
        s.perDay ? s.perDay.toFixed(1) : '0',
        s.daysLeft === null ? '-' : String(s.daysLeft),
        s.below ? 'below' : '',
      ]);
      for (const line of formatTable(['item', 'unit', 'quantity', 'threshold', 'per_day', 'days_left', 'state'], rows)) out(line);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};
