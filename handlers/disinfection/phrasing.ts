/**
 * How a hall says it disinfected a place or asks how the rounds stand (SPEC
 * §13), beyond `消杀 <区域> 完成`: the place first (`税务区消杀完毕`,
 * `便民服务区已消杀`, `税务区 已消毒`), and questions (`今天消杀情况`,
 * `哪些区域还没消杀`). Read on the normalised text.
 */

/** The words saying it is done: `已消杀`, `消毒完毕`, `已经消毒了`, `都消杀好了`, `已完成消杀`, `消杀已完成`. */
const DONE =
  '(?:已经?|都已?经?|已全部|全部)?\\s*(?:完成了?|做完了?|做好了?)?\\s*(?:消杀|消毒|杀毒|清洁消毒)(?:工作)?\\s*(?:已经?完成|已做|过了|完毕|完成|完了|好了|结束|了|过)?';
/** `税务区消杀完毕`, `税务区 网办区已消杀`: the places (words), then the words saying it is done, then anything more as the note. */
const PLACE_FIRST = new RegExp(`^(\\S+?(?:\\s\\S+?)*?)\\s*的?\\s*(${DONE})(?:\\s+(\\S[\\s\\S]*))?$`);
/** Words that are no place: a person or a time (`我已消毒`, `刚才消毒了`). */
const NOT_A_PLACE = /^(?:我|我们|咱们|他|她|他们|已|都|刚|刚刚|刚才|现在|今天|今日|上午|下午|晚上|中午|已经|全员|人员)$/;
/** A word after 消杀 that ends the place glued to it: `消杀网办区完成`. */
const GLUED_DONE = /^(\S+?)(已经?完成|已完成|完成了?|完毕|好了|结束|已消杀|已消毒)$/;

/**
 * When a text says a place was disinfected, the place first: the place, what
 * was said from the words saying it is done on (`已消杀`, `消毒完毕 擦拭柜台`)
 * and what was said after those words (`擦拭柜台`), both tails of the text.
 */
export function placeFirst(text: string): { places: string[]; said: string; more: string } | undefined {
  const m = PLACE_FIRST.exec(text);
  const places = m?.[1].split(' ') ?? [];
  if (!m || places.length > 8 || places.some((p) => /^#?\d/.test(p) || NOT_A_PLACE.test(p) || p.length > 16)) return undefined;
  return { places, said: text.slice(text.indexOf(m[2], m[1].length)).trim(), more: m[3] ?? '' };
}

/** `网办区完成` → 网办区 and 完成 (the note a tail of the word). */
export function splitGluedDone(word: string): { place: string; note: string } | undefined {
  const m = GLUED_DONE.exec(word);
  return m ? { place: m[1], note: m[2] } : undefined;
}

/** How a question about the rounds ends: `怎么样`, `做了吗`, `完成了没有`, `都做完了吗`. */
const ASKED = '怎么样了?|如何|查询|查一下|都?(?:做|完成|搞|弄)?(?:完|好)?了(?:吗|没有?)|(?:做|完成)(?:了)?没有?|齐了吗';

/** After 消杀: a question about the rounds rather than a place (`消杀 情况`, `消杀 做了吗`). */
const QUERY_AFTER = new RegExp(`^的?(?:(?:情况|状态|进度|记录|完成情况|登记情况)(?:${ASKED})?|${ASKED})[?吗呢]*$`);
/** A question on its own: `今天消杀情况`, `今日消毒做了吗`, `哪些区域还没消杀`. */
const QUERY = [
  new RegExp(`^(?:今天|今日|本日|当天|本轮|这轮|目前|现在)的?(?:消杀|消毒)(?:的?(?:情况|状态|进度|记录|完成情况|登记情况))?(?:${ASKED})?[?吗呢]*$`),
  /^(?:还有)?(?:哪些|哪个|什么)(?:区域|地方)?还?没有?(?:消杀|消毒)(?:完|好)?[?吗呢]*$/,
];

/** Whether the words after 消杀 ask how the rounds stand. */
export function asksAfterKeyword(args: string): boolean {
  return QUERY_AFTER.test(args);
}

/** Whether a text without a keyword asks how today's rounds stand. */
export function asksRounds(text: string): boolean {
  return QUERY.some((q) => q.test(text));
}
