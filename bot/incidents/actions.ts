import type { Action } from '../outbox/actions';
import type { StepName } from './steps';
import type { ProposedVisitor } from './visitor-contacts';

/**
 * The taps an incident asks for (SPEC §16), each the typed command the message
 * shows: 完成 for a step (its note 已完成), 确认 / 排除 for each proposed contact,
 * 已处置 and 查看 on a critical alert. A reading needs a value: it has no button.
 */
export const incidentActions = {
  /** 完成 for each step, named when there are several. */
  steps: (items: { id: number; step: StepName }[]): Action[] =>
    items.map(({ id, step }) => ({ label: items.length === 1 ? '完成' : `完成 #${id} ${step}`, command: `进展 ${id} ${step} 已完成`, done: '已完成' })),
  /** 确认 / 排除 for each proposed person; a visitor is named with the phone's last four digits, as the text asks. */
  contacts: (id: number, staff: string[], visitors: ProposedVisitor[] = []): Action[] =>
    [...staff, ...visitors.map((v) => `${v.name}${v.phoneMasked.slice(-4)}`)].flatMap((name) => [
      { label: `确认 ${name}`, command: `密接 ${id} 确认 ${name}`, done: `已确认 ${name}` },
      { label: `排除 ${name}`, command: `密接 ${id} 排除 ${name}`, done: `已排除 ${name}` },
    ]),
  /** On a critical alert: settle it as the plan says, or open the incident's checklist. */
  critical: (id: number): Action[] => [
    { label: '已处置', command: `处置 ${id} 已按预案处置`, done: '已处置' },
    { label: '查看', command: `应急 ${id}` },
  ],
};
