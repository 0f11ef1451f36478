import { EVERYONE, LEADERS, type Command, type CommandContext } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { groupMembers, mayActFor } from '../../bot/groups/members';
import { parseAmount } from '../../bot/supplies/amount';
import { suppliesMessages as say } from '../../bot/supplies/messages';
import { findItem, newlyBelow, recordMovement, stockList, SUPPLIES_GROUP } from '../../bot/supplies/stock';
import { defaultUnit } from '../../bot/supplies/units';
import type { SupplyMovementKind } from '../../entities';

/**
 * 入库, 领用 and 盘点 (SPEC §13), by members of 综合协调组, leaders and
 * administrators: one line of the ledger each. An item keeps the unit of its
 * first entry; a drop below its threshold is told to the group and the
 * leadership group once.
 */
async function move(ctx: CommandContext, kind: SupplyMovementKind): Promise<string> {
  const { sql, services, sender, args, now, local } = ctx;
  const amount = parseAmount(args, kind === 'count' ? 0 : 1);
  if ('problem' in amount) {
    if (amount.problem === 'quantity') throw new UserError(say.badQuantity(amount.text));
    if (amount.problem === 'unit') throw new UserError(say.badUnit(amount.text));
    throw new UserError(say.usage(kind));
  }
  if (!(await mayActFor(sql, SUPPLIES_GROUP, sender))) throw new UserError(say.notAllowed());
  const known = await findItem(sql, amount.item);
  if (!known && kind === 'out') throw new UserError(say.unknownItem(amount.item, (await stockList(sql, local.date)).map((s) => s.item)));
  const unit = known?.unit ?? amount.unit ?? defaultUnit(amount.item);
  if (amount.unit && amount.unit !== unit) throw new UserError(say.wrongUnit({ item: amount.item, unit, given: amount.unit }));

  const moved = await recordMovement(sql, { item: amount.item, kind, quantity: amount.quantity, unit, byId: sender.id, date: local.date, at: now });
  if (!moved) throw new UserError(say.notEnough({ item: amount.item, quantity: amount.quantity, have: known?.quantity ?? 0, unit }));
  const reply = say.recorded({ kind, item: amount.item, quantity: amount.quantity, unit, ...moved });
  if (!(await newlyBelow(sql, amount.item, now))) return reply;

  const view = (await stockList(sql, local.date)).find((s) => s.item === amount.item)!;
  const notice = say.low(view);
  const members = (await groupMembers(sql)).get(SUPPLIES_GROUP) ?? [];
  await services.notifier.toPeople(sql, members.map((person) => ({ person, body: notice })), 'notice');
  await services.notifier.toLeaders(sql, notice, 'notice');
  return `${reply}\n${say.lowTold(view.threshold!, unit)}`;
}

const movement = (kind: SupplyMovementKind, keywords: string[], help: string): Command => ({
  name: say.kindLabel(kind),
  keywords,
  roles: EVERYONE,
  listedFor: LEADERS,
  groups: () => [SUPPLIES_GROUP],
  help,
  run: (ctx) => move(ctx, kind),
});

export const receiveCommand = movement('in', ['入库'], '入库：入库 口罩 500；入库 消毒液 二十瓶（数量可写汉字，可带单位；综合协调组、领导小组）');
export const takeCommand = movement('out', ['领用', '出库'], '领用：领用 口罩 50（综合协调组、领导小组）');
export const stocktakeCommand = movement('count', ['盘点'], '盘点：盘点 口罩 320（按实有数量设定库存；综合协调组、领导小组）');
