const encoder = new TextEncoder();

/** UTF-8 size of a text, as the platforms count their limits. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Cuts a text into pieces of at most `maxBytes`, only between characters (never inside a surrogate pair). */
function cutLine(line: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  for (const char of line) {
    const charSize = byteLength(char);
    if (size + charSize > maxBytes && piece) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += char;
    size += charSize;
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** Packs lines greedily into chunks of at most `maxBytes` each (joined by newlines). */
function pack(lines: string[], maxBytes: number): string[] {
  const chunks: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines.flatMap((l) => (byteLength(l) > maxBytes ? cutLine(l, maxBytes) : [l]))) {
    const lineSize = byteLength(line) + (chunk.length ? 1 : 0);
    if (chunk.length && size + lineSize > maxBytes) {
      chunks.push(chunk.join('\n'));
      chunk = [];
      size = 0;
    }
    size += byteLength(line) + (chunk.length ? 1 : 0);
    chunk.push(line);
  }
  if (chunk.length) chunks.push(chunk.join('\n'));
  return chunks;
}

/**
 * Splits a message that is over the platform's byte limit at line boundaries
 * into numbered parts, `(1/3)` first, each within the limit (SPEC §2); a single
 * line longer than the limit is cut between characters. A message within the
 * limit comes back whole.
 */
export function splitMessage(body: string, maxBytes: number): string[] {
  if (byteLength(body) <= maxBytes) return [body];
  const room = maxBytes - byteLength('(99/99) ');
  const chunks = pack(body.split('\n'), room);
  return chunks.map((chunk, i) => `(${i + 1}/${chunks.length}) ${chunk}`);
}

/**
 * Packs several messages (each already within the limit) into as few bodies as
 * the byte limit allows, in order; a body of several starts with
 * `header(count)`. Each result lists the indexes of the messages it carries.
 */
export function mergeMessages(bodies: string[], maxBytes: number, header: (count: number) => string): { body: string; members: number[] }[] {
  const separator = '\n——————\n';
  const out: { body: string; members: number[] }[] = [];
  let members: number[] = [];
  const render = (ids: number[]) => (ids.length === 1 ? bodies[ids[0]] : `${header(ids.length)}\n${ids.map((i) => bodies[i]).join(separator)}`);
  bodies.forEach((_, index) => {
    if (members.length && byteLength(render([...members, index])) > maxBytes) {
      out.push({ body: render(members), members });
      members = [];
    }
    members.push(index);
  });
  if (members.length) out.push({ body: render(members), members });
  return out;
}
