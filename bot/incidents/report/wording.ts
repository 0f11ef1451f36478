import type { HealthCode } from '../../../entities';
import { celsius, CODE_LABEL, SLOT_LABEL } from '../../labels';
import { localIso } from '../../time';
import type { Reading } from './readings';

/** How the report and the 应急处置 panel word an incident's facts. */

/** 2026-11-23T00:12:00Z → 2026-11-23 08:12 in the hall's zone. */
export function stamp(iso: string, timezone: string): string {
  return localIso(new Date(iso), timezone).slice(0, 16).replace('T', ' ');
}

/** One reading on a line, as it was reported and nothing more: 11-23 08:01 晨检 36.5℃ 绿码 无症状 (a code or symptoms not given are left out). */
export function readingText(r: Reading, timezone: string): string {
  const slot = r.slot ? SLOT_LABEL[r.slot] ?? r.slot : '演练';
  const flag = r.status === 'warning' || r.status === 'critical' ? ' ⚠异常' : '';
  return [stamp(r.receivedAt, timezone).slice(5), slot, celsius(r.temperature), ...reported(r)].join(' ') + flag;
}

/** The code and symptoms someone gave with a reading: `绿码`, `咳嗽、乏力`, `无症状`; nothing for what they did not mention. */
export function reported(r: { healthCode: HealthCode | null; symptoms: string | null }): string[] {
  return [r.healthCode ? CODE_LABEL[r.healthCode] : '', r.symptoms === '' ? '无症状' : r.symptoms ?? ''].filter(Boolean);
}

export const CONTACT_STATUS = { confirmed: '已确认', proposed: '待核实', excluded: '已排除' } as const;
