import { EVERYONE, LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { mayActFor } from '../../bot/groups/members';
import { suppliesMessages } from '../../bot/supplies/messages';
import { stockList, SUPPLIES_GROUP } from '../../bot/supplies/stock';

/** `库存` (SPEC §13): every item with its stock, use per day over the last 7 days and days it lasts. */
export const stockCommand: Command = {
  name: '库存',
  keywords: ['库存', '物资库存'],
  roles: EVERYONE,
  listedFor: LEADERS,
  groups: () => [SUPPLIES_GROUP],
  help: '库存：发送「库存」查看各物资现有数量、近 7 天日均领用、可用天数（综合协调组、领导小组）',
  async run({ sql, sender, local }) {
    if (!(await mayActFor(sql, SUPPLIES_GROUP, sender))) throw new UserError(suppliesMessages.notAllowed());
    return suppliesMessages.stock(local.date, await stockList(sql, local.date));
  },
};
