/**
 * Bodies are written as plain text; a channel that can only send markdown
 * (the WeCom 智能机器人, DingTalk's markdown messages) sends them through
 * {@link markdownOf}, so that what a person typed — a name, a note, a place —
 * shows as typed and never as a link, a heading or emphasis (SPEC §12).
 * Escapes are CommonMark's backslash escapes.
 */

/** A bare link the bot writes (看板, a chart): kept whole so it stays tappable; it can hold no markup characters. */
const BARE_LINK = /https?:\/\/[^\s<>[\]()*`\\|"'{}^]+/g;
/** Characters that are markup anywhere in a line: emphasis, links and images, code, HTML and autolinks, entities, tables, strikethrough. */
const INLINE = /[\\`*_[\]<>&|~]/g;
/** What makes a line markup by how it starts (a quote's `>` is escaped anywhere): a heading, a list item, a thematic break or a setext underline. */
const LINE_START = /^([ \t]*)(#|[-+=](?=[ \t]|[-=]*[ \t]*$)|\d{1,9}(?=[.)]))/;

/** One line of plain text, escaped. */
function escapeLine(line: string): string {
  let out = '';
  let from = 0;
  for (const link of line.matchAll(BARE_LINK)) {
    out += line.slice(from, link.index).replace(INLINE, '\\$&') + link[0];
    from = link.index + link[0].length;
  }
  out += line.slice(from).replace(INLINE, '\\$&');
  // Four leading spaces would make code: leading blanks become no-break spaces, which look the same.
  const lead = /^[ \t]*/.exec(out)![0];
  out = '\u00a0'.repeat(lead.length) + out.slice(lead.length);
  const start = LINE_START.exec(line);
  if (!start) return out;
  const at = lead.length;
  // An ordered list's marker is the point or bracket after its number; any other marker is its first character.
  if (/^\d/.test(start[2])) return `${out.slice(0, at + start[2].length)}\\${out.slice(at + start[2].length)}`;
  return `${out.slice(0, at)}\\${out.slice(at)}`;
}

/** A plain-text body as a markdown channel carries it: every line shows exactly as written. */
export function markdownOf(plain: string): string {
  return plain.split('\n').map(escapeLine).join('\n');
}
