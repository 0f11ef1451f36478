import type { DisinfectionPlan } from './plan';

/** What a word names among the hall's areas: one area, several (to ask which), or none (a place of its own). */
export type AreaMatch = { kind: 'area'; area: string } | { kind: 'several'; areas: string[] } | { kind: 'none' };

/**
 * The configured area a word names (SPEC §13): an area or one of its aliases
 * by name (大厅 → 公共区域); else the areas whose name or alias contains the
 * word (网办 → 网办区) — one is that area, several are asked about and never
 * taken for a place of their own (服务区 → 便民服务区 or 自助服务区?).
 */
export function matchArea(plan: Pick<DisinfectionPlan, 'areas' | 'aliases'>, word: string): AreaMatch {
  const names = (area: string) => [area, ...(plan.aliases[area] ?? [])];
  const exact = plan.areas.find((area) => names(area).includes(word));
  if (exact) return { kind: 'area', area: exact };
  const near = plan.areas.filter((area) => names(area).some((name) => name.includes(word)));
  if (near.length === 1) return { kind: 'area', area: near[0] };
  return near.length ? { kind: 'several', areas: near } : { kind: 'none' };
}

/** `公共区域（大厅、大堂）`: an area as a list shows it, with the other names it answers to. */
export function areaWithAliases(plan: Pick<DisinfectionPlan, 'aliases'>, area: string): string {
  const others = plan.aliases[area];
  return others?.length ? `${area}（${others.join('、')}）` : area;
}
