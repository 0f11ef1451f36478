import { monthDay } from '../text';
import type { StockView } from './stock';
import { UNITS } from './units';

const KIND = { in: '入库', out: '领用', count: '盘点' } as const;

/** 3.5714 → "3.6"; 25 → "25". */
function perDay(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** `日均领用 25 个，约可用 32 天`, or that nothing was taken lately. */
function use(s: StockView): string {
  return s.daysLeft === null ? '近 7 天无领用' : `日均领用 ${perDay(s.perDay)} ${s.unit}，约可用 ${s.daysLeft} 天`;
}

/** The sentences of the supplies (SPEC §13). */
export const suppliesMessages = {
  kindLabel: (kind: keyof typeof KIND) => KIND[kind],

  recorded: (a: { kind: keyof typeof KIND; item: string; quantity: number; unit: string; before: number; after: number }) => {
    const head = `已${KIND[a.kind]}：${a.item} ${a.quantity} ${a.unit}`;
    if (a.kind !== 'count') return `${head}，现有 ${a.after} ${a.unit}。`;
    const diff = a.after - a.before;
    return `${head}（账面 ${a.before} ${a.unit}${diff === 0 ? '，账实相符' : `，${diff > 0 ? '盘盈' : '盘亏'} ${Math.abs(diff)} ${a.unit}`}）。`;
  },

  lowTold: (threshold: number, unit: string) => `库存已低于阈值 ${threshold} ${unit}，已通知综合协调组和领导小组。`,

  low: (s: StockView) => `【物资预警】${s.item} 库存 ${s.quantity} ${s.unit}，低于阈值 ${s.threshold} ${s.unit}（${use(s)}）。请综合协调组及时补充。`,

  notEnough: (a: { item: string; quantity: number; have: number; unit: string }) =>
    `库存不足：${a.item} 现有 ${a.have} ${a.unit}，不能领用 ${a.quantity} ${a.unit}，未记录。若实物多于账面，请先盘点：盘点 ${a.item} <实有数量>`,

  unknownItem: (item: string, known: string[]) => `没有「${item}」的库存记录${known.length ? `（现有：${known.join('、')}）` : ''}。新物资请先入库：入库 ${item} 100`,

  wrongUnit: (a: { item: string; unit: string; given: string }) => `${a.item} 以「${a.unit}」计，本次写的是「${a.given}」；请换算成「${a.unit}」再登记。`,

  badUnit: (word: string) => `不认识的单位「${word}」：可用 ${UNITS.join(' ')}。`,

  usage: (kind: keyof typeof KIND) =>
    kind === 'in' ? '用法：入库 口罩 500（可带单位：入库 消毒液 20瓶）' : kind === 'out' ? '用法：领用 口罩 50' : '用法：盘点 口罩 320（按实有数量设定库存）',

  badQuantity: (text: string) => `数量「${text}」不对：请写 1 到 1000000 之间的整数（盘点可写 0）。`,

  notAllowed: () => '物资登记由综合协调组成员或领导小组成员进行；您不在综合协调组，如需领用请联系该组。',

  stock: (date: string, items: StockView[]) =>
    items.length === 0
      ? `【库存】${monthDay(date)}：还没有物资记录。入库：入库 口罩 500`
      : [
          `【库存】${monthDay(date)}`,
          ...items.map((s) => `${s.below ? '⚠️' : '·'} ${s.item}：${s.quantity} ${s.unit}，${use(s)}${s.threshold !== null ? `，阈值 ${s.threshold}${s.below ? '（已低于）' : ''}` : ''}`),
        ].join('\n'),
};
