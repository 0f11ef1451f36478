import type { Command } from '../../bot/command';
import { STEPS } from '../../bot/incidents/steps';

/**
 * The example sentences inside a text the bot prints — a help line, a usage
 * line, `如：…`, `例如：…`, `回复：…`, `发送「…」` — found by their shape, so
 * a new example is found without being listed anywhere: an example starts
 * right after a colon, an opening quote, a `/`, `、`, `；` or `或`, or after
 * 如/例如/发送/回复 and a space, with a command's keyword (or, after those
 * words, a colon or a quote, a reading: `36.5`, `体温 36.5`, `午检 36.5`); it
 * runs to the next bracket, quote, full stop, comma, `；`, `、`, `/` or ` 或 `.
 */
export function examplesIn(text: string, startsCommand: (text: string) => boolean): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(MARKER)) {
    // `/`, `、`, `；` and `或` only continue a list of examples (`全员测温（发起）、全员测温 12`), not a heading (`二、处置步骤`).
    if (CONTINUATION.test(m[0]) && found.length === 0) continue;
    const example = text.slice(m.index + m[0].length).split(END)[0].trim();
    if (!example) continue;
    if (startsCommand(example) || (READING_MARKER.test(m[0]) && READING.test(example))) found.push(example);
  }
  return [...new Set(found)];
}

/**
 * Whether a text standing on its own (a quoted or code-formatted phrase in a
 * guide) has the shape of an example: it starts with a command, or is a
 * reading (`36.5`, `晨检 36.5 绿码`).
 */
export function looksLikeExample(text: string, startsCommand: (text: string) => boolean): boolean {
  return startsCommand(text) || READING.test(text);
}

/** Where an example may start. */
const MARKER = /(?:例如|如|发送|回复|另发|请发)[：\s]\s*|[：「『]\s*|(?:\/|、|；|;|，或|\s或)\s*/gu;
const CONTINUATION = /^(?:\/|、|；|;|，或|\s或)/;
/** Markers after which a bare reading is an example too. */
const READING_MARKER = /^(?:例如|如|发送|回复|另发|请发|「|：)/;
/** A reading as people send it: `36.5`, `体温 36.5`, `晨检 36.5 绿码`. */
const READING = /^(?:(?:体温|晨检|午检|离岗|加测)\s*)?(?:3[5-9]|4[0-2])(?:\.\d)?(?![\d.])/;
/** Where an example ends. */
const END = /[（()）」』。\n，,；;、]|\s\/|\/\s|\s或\s|\s或$/;

/**
 * Whether a text starts with one of the commands `帮助` lists: a keyword
 * written in Chinese (an English alias or `?` is no sign of an example), or
 * an incident step's name followed by a number (`隔离 12 …`; `隔离 送医 …`
 * lists steps).
 */
export function commandStarts(commands: Command[]): (text: string) => boolean {
  const keywords = [...new Set(commands.filter((c) => c.help).flatMap((c) => c.keywords))].filter((k) => /\p{Script=Han}/u.test(k));
  const stepFirst = new RegExp(`^(?:${STEPS.map((s) => s.name).join('|')})\\s*#?(?:\\d|<编号>)`);
  // A keyword ends at a space, a number or the end: `演练 36.5`, not `演练中被确认的密接…`.
  return (text) => keywords.some((k) => text.startsWith(k) && /^(?:$|[\s#\d])/.test(text.slice(k.length))) || stepFirst.test(text);
}
