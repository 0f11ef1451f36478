import { DRILL_MARK } from '../drills/mark';

/** UTF-8 size of a text, as the platforms count their limits (a Chinese character is 3 bytes, an emoji 4). */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** User-perceived characters: an emoji with modifiers or joiners, or a letter with its accents, stays whole. */
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** The smallest room a part must leave for text: one code point of 4 bytes. */
const MIN_ROOM = 4;

/**
 * Text whose every code unit is a character of its own: ASCII, Latin, CJK and
 * their punctuation, with nothing that joins or combines (no marks, joiners,
 * variation selectors, surrogates). Most messages are such text; they are cut
 * without segmenting graphemes (a long roster line is thousands of them).
 */
const SIMPLE = /^[\t\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2100-\u214f\u2190-\u23ff\u2460-\u24ff\u2500-\u25ff\u3000-\u3029\u3030-\u303f\u3040-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uff9d\uffa0-\uffef]*$/;

/** Cuts simple text (see {@link SIMPLE}) into pieces of at most `maxBytes`, counting UTF-8 bytes per code unit. */
function cutSimpleLine(line: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const unit = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (i > start && size + unit > maxBytes) {
      pieces.push(line.slice(start, i));
      start = i;
      size = 0;
    }
    size += unit;
  }
  pieces.push(line.slice(start));
  return pieces;
}

/**
 * Cuts one over-long line into pieces of at most `maxBytes`, between characters.
 * A single character longer than the limit (a long joined emoji sequence) is cut
 * between its code points, which never splits a surrogate pair.
 */
function cutLine(line: string, maxBytes: number): string[] {
  if (SIMPLE.test(line)) return cutSimpleLine(line, maxBytes);
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  const add = (unit: string) => {
    const unitSize = byteLength(unit);
    if (piece && size + unitSize > maxBytes) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += unit;
    size += unitSize;
  };
  for (const { segment } of graphemes.segment(line)) {
    if (byteLength(segment) <= maxBytes) add(segment);
    else for (const codePoint of segment) add(codePoint);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Packs lines greedily, in order, into chunks of at most `maxBytes` each (lines joined by newlines). */
function pack(lines: string[], maxBytes: number): string[] {
  const chunks: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines.flatMap((l) => (byteLength(l) > maxBytes ? cutLine(l, maxBytes) : [l]))) {
    const lineSize = byteLength(line);
    if (chunk.length && size + 1 + lineSize > maxBytes) {
      chunks.push(chunk.join('\n'));
      chunk = [];
    }
    size = chunk.length ? size + 1 + lineSize : lineSize;
    chunk.push(line);
  }
  if (chunk.length) chunks.push(chunk.join('\n'));
  return chunks;
}

/**
 * Splits a message over the platform's byte limit at line boundaries into
 * numbered parts, `(1/3) ` first, each within the limit (SPEC §2); a single
 * line longer than the limit is cut between characters, never inside one. A
 * message within the limit comes back whole. Joining the parts' texts (prefix
 * removed, and a drill's 【演练】 carried on later parts) with newlines gives
 * back the message, up to where long lines were cut.
 */
export function splitMessage(body: string, maxBytes: number): string[] {
  if (byteLength(body) <= maxBytes) return [body];
  const lines = body.split('\n');
  // A drill's every message is marked (SPEC §11): each part after the first carries the mark again.
  const mark = body.startsWith(DRILL_MARK) ? DRILL_MARK : '';
  // The prefix grows with the number of parts ((9/9) vs (10/12)): pack for a width, widen until it holds.
  for (let digits = 1; ; ) {
    const room = maxBytes - byteLength(`(${'9'.repeat(digits)}/${'9'.repeat(digits)}) ${mark}`);
    if (room < MIN_ROOM) throw new RangeError(`a message limit of ${maxBytes} bytes leaves no room for text`);
    const chunks = pack(lines, room);
    const width = String(chunks.length).length;
    if (width <= digits) return chunks.map((chunk, i) => `(${i + 1}/${chunks.length}) ${i > 0 ? mark : ''}${chunk}`);
    digits = width;
  }
}

/** Between merged messages: a visible rule on a line of its own. */
const SEPARATOR = '\n——————\n';

/**
 * Packs several messages (each within the limit) into as few bodies of at most
 * `maxBytes` as the limit allows, keeping their order. A body carrying several
 * starts with the line `header(count)` and separates them with a rule; a
 * message alone is left as it was. Each result lists the indexes it carries.
 */
export function mergeMessages(bodies: string[], maxBytes: number, header: (count: number) => string): { body: string; members: number[] }[] {
  const render = (members: number[]) =>
    members.length === 1 ? bodies[members[0]] : `${header(members.length)}\n${members.map((i) => bodies[i]).join(SEPARATOR)}`;
  const sizeOf = (count: number, bodyBytes: number) =>
    count === 1 ? bodyBytes : byteLength(header(count)) + 1 + bodyBytes + (count - 1) * byteLength(SEPARATOR);

  const packs: { body: string; members: number[] }[] = [];
  let members: number[] = [];
  let bodyBytes = 0;
  bodies.forEach((body, index) => {
    const size = byteLength(body);
    if (members.length && sizeOf(members.length + 1, bodyBytes + size) > maxBytes) {
      packs.push({ body: render(members), members });
      members = [];
      bodyBytes = 0;
    }
    members.push(index);
    bodyBytes += size;
  });
  if (members.length) packs.push({ body: render(members), members });
  return packs;
}
