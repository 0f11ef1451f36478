/** One step of the emergency procedure (应急处置流程) of the hall's plan. */
export interface Step {
  no: number;
  /** The short name used in chat and in configuration: 隔离. */
  name: StepName;
  /** The plan's heading: 迅速隔离. */
  title: string;
  /** The working group that owns it unless the administrator says otherwise. */
  defaultOwner: string;
  /** A note saying the step was done, as a form suggests one (如：已电话报告区疾控): short enough for a phone's input. */
  example: string;
}

export type StepName = '报告' | '隔离' | '送医' | '排查' | '上报' | '消杀' | '善后';

/** The plan's seven steps, in order (SPEC §11). */
export const STEPS: readonly Step[] = [
  { no: 1, name: '报告', title: '及时报告', defaultOwner: '综合协调组', example: '已报告领导小组' },
  { no: 2, name: '隔离', title: '迅速隔离', defaultOwner: '应急处置组', example: '已送临时隔离室' },
  { no: 3, name: '送医', title: '定点送医', defaultOwner: '应急处置组', example: '已送发热门诊就诊' },
  { no: 4, name: '排查', title: '准确排查', defaultOwner: '应急处置组', example: '已排查同窗口及访客' },
  { no: 5, name: '上报', title: '如实上报', defaultOwner: '综合协调组', example: '已电话报告区疾控' },
  { no: 6, name: '消杀', title: '消杀消毒', defaultOwner: '消毒防疫组', example: '已终末消毒隔离室' },
  { no: 7, name: '善后', title: '组织善后', defaultOwner: '综合协调组', example: '已安排人员顶岗' },
];

/** Minutes from opening by which each step is due, unless PROCEDURE_DUE_MINUTES says otherwise (报告 is done by the opening push itself). */
export const DEFAULT_DUE_MINUTES: Readonly<Partial<Record<StepName, number>>> = { 隔离: 15, 送医: 60, 上报: 120, 消杀: 120, 排查: 240, 善后: 1440 };

/** The step a word names: its short name (隔离), its heading (迅速隔离) or its number (2). */
export function stepNamed(word: string): Step | undefined {
  const w = word.trim();
  return STEPS.find((s) => s.name === w || s.title === w || String(s.no) === w);
}

/**
 * Reads PROCEDURE_DUE_MINUTES (`隔离=15,送医=60`) over the defaults; throws a
 * message naming what is wrong.
 */
export function parseDueMinutes(text: string): Record<StepName, number> {
  const due = { ...DEFAULT_DUE_MINUTES } as Record<StepName, number>;
  for (const part of text.split(/[,，;；\s]+/).filter(Boolean)) {
    const m = /^(.+?)[=:：](\d{1,5})$/.exec(part);
    const step = m ? stepNamed(m[1]) : undefined;
    if (!m || !step) throw new Error(`"${part}" is not <step>=<minutes>; steps: ${STEPS.map((s) => s.name).join(' ')}`);
    if (Number(m[2]) < 1) throw new Error(`${step.name}: minutes must be at least 1`);
    due[step.name] = Number(m[2]);
  }
  return due;
}
