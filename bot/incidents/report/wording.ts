import type { HealthCode } from '../../../entities';
import { celsius, CODE_LABEL, SLOT_LABEL } from '../../labels';
import { localIso } from '../../time';
import type { Reading } from './readings';

/** How the report and the 应急处置 panel word an incident's facts. */

/** 2026-11-23T00:12:00Z → 2026-11-23 08:12 in the hall's zone. */
export function stamp(iso: string, timezone: string): string {
  return localIso(new Date(iso), timezone).slice(0, 16).replace('T', ' ');
}

export const codeText = (code: HealthCode | null) => (code ? CODE_LABEL[code] : '未申报');

/** '' was declared none; null was not mentioned. */
export const symptomsText = (symptoms: string | null) => (symptoms === null ? '未提及' : symptoms === '' ? '无' : symptoms);

/** One reading on a line: 11-23 08:01 晨检 36.5℃ 绿码 症状：无. */
export function readingText(r: Reading, timezone: string): string {
  const slot = r.slot ? SLOT_LABEL[r.slot] ?? r.slot : '演练';
  const flag = r.status === 'warning' || r.status === 'critical' ? ' ⚠异常' : '';
  return `${stamp(r.receivedAt, timezone).slice(5)} ${slot} ${celsius(r.temperature)} ${codeText(r.healthCode)} 症状：${symptomsText(r.symptoms)}${flag}`;
}

export const CONTACT_STATUS = { confirmed: '已确认', proposed: '待核实', excluded: '已排除' } as const;

/** 75 → 1小时15分钟 */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}小时${m ? `${m}分钟` : ''}` : `${m}分钟`;
}
