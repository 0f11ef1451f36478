import type { CommandContext, HelpReader } from '../../bot/command';
import { checkedNote } from '../../bot/free-text';
import { typedTail } from '../../bot/normalise';
import { STEPS, stepNamed, type Step, type StepName } from '../../bot/incidents/steps';

/**
 * The grammar shared by the commands about a numbered alert or incident
 * (处置, 应急, 进展, 隔离 …, 密接, 结案, 消杀 12): the number as people type it
 * (`12`, `#12`, `12号`, glued to the command or the word after it, a colon or
 * comma after it), and the free text after, kept as typed.
 */

/** What may follow a number, between it and the next word: spaces, a colon, a comma, a dash. */
const AFTER = /^[\s:=,.!?~-]+/;

/**
 * A number at the start of `text`: 1–9 plain decimal digits (`#` before,
 * `号`, `号告警`, `号事件` after allowed), ending at a space, a punctuation
 * mark or a Chinese word.
 * `0x7`, `1e1`, `0b1010`, `7.0` and ten digits are no number: undefined, so the
 * caller answers with its usage line. `rest` is what follows, a tail of `text`.
 */
export function numberFirst(text: string): { id: number; rest: string } | undefined {
  const m = /^#?(\d+)(?:\s?号)?(?:告警|事件|应急事件)?/.exec(text);
  if (!m || m[1].length > 9) return undefined;
  const after = text.slice(m[0].length);
  if (/^[\p{L}\p{N}_]/u.test(after) && !/^\p{Script=Han}/u.test(after)) return undefined;
  if (/^[.,\u201a]\d/.test(after)) return undefined;
  return { id: Number(m[1]), rest: after.replace(AFTER, '') };
}

/** Whether a text starts like a number (a digit or `#` and a digit), so a word that fails {@link numberFirst} is a bad number, not a name. */
export function startsLikeNumber(text: string): boolean {
  return /^#?\d/.test(text);
}

/** Ways to name a step beyond its name, heading and number: `第2步`, `第二步`, `步骤2`. */
const ORDINAL = /^(?:第([2-7二三四五六七])步|步骤([2-7]))/;
const CHINESE_DIGIT: Record<string, string> = { 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7' };

/** The step named at the start of `text` (`隔离`, `迅速隔离`, `2`, `第二步`), glued to the note or not, and the rest. */
export function stepFirst(text: string): { step: Step; rest: string } | undefined {
  const ordinal = ORDINAL.exec(text);
  if (ordinal) {
    const digit = ordinal[1] ?? ordinal[2];
    return { step: stepNamed(CHINESE_DIGIT[digit] ?? digit)!, rest: text.slice(ordinal[0].length).replace(AFTER, '') };
  }
  for (const word of STEP_WORDS) {
    if (!text.startsWith(word)) continue;
    const after = text.slice(word.length);
    // A step's number (2–7) is a word of its own: `2 已送`, not `22` or `2.5`.
    if (/^\d$/.test(word) && /^[\d.]/.test(after)) return undefined;
    return { step: stepNamed(word)!, rest: after.replace(AFTER, '') };
  }
  return undefined;
}

/** Every word a step goes by, longest first (迅速隔离 before 隔离). */
const STEP_WORDS = ['隔离', '送医', '排查', '上报', '消杀', '善后', '报告', '迅速隔离', '定点送医', '准确排查', '如实上报', '消杀消毒', '组织善后', '及时报告', '2', '3', '4', '5', '6', '7']
  .filter((w) => stepNamed(w))
  .sort((a, b) => b.length - a.length);

/** The first word of a text (for a refusal that names it). */
export function firstWord(text: string): string {
  return text.split(/\s+/)[0] ?? '';
}

/**
 * The free text at the end of the message — the note, summary or situation
 * after the command's words — as the sender typed it: punctuation, brackets
 * and full-width characters kept (only the command words are parsed). At most
 * {@link checkedNote}'s length.
 */
export function typedNote(ctx: Pick<CommandContext, 'message'>, tail: string): string {
  return checkedNote(typedTail(ctx.message.text, tail));
}

/** The working groups that own a step someone reports (every step but 报告, which the opening push does). */
export function stepOwnerGroups(owners: ReadonlyMap<StepName, string>): string[] {
  return [...new Set(STEPS.filter((s) => s.name !== '报告').map((s) => owners.get(s.name)!))];
}

/** A note fit for each step, for examples. */
const STEP_NOTES: Record<StepName, string> = {
  报告: '已报告领导小组',
  隔离: '已送隔离室',
  送医: '已联系120送发热门诊',
  排查: '已排查同窗口人员',
  上报: '已电话报告区疾控',
  消杀: '已终末消毒',
  善后: '已通知家属',
};

/** The step a reader's `进展` example names: the first one their group owns (a leader: 隔离), with a note fit for it. */
export function stepExample(reader: Pick<HelpReader, 'person' | 'groups' | 'owners'>): { step: StepName; note: string } {
  const leads = reader.person.role === 'leader' || reader.person.role === 'admin';
  const own = STEPS.find((s) => s.name !== '报告' && reader.groups.has(reader.owners.get(s.name)!));
  const step = leads || !own ? '隔离' : own.name;
  return { step, note: STEP_NOTES[step] };
}
