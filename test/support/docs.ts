import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt, { type Token } from 'markdown-it';

/** The markdown-it token, as its parser hands it out. */
export type MdToken = Token;

/** The repository's root directory (with a trailing slash). */
export const ROOT = new URL('../..', import.meta.url).pathname;

/** Bare addresses count as links too: GitHub shows them as links. */
const markdown = new MarkdownIt({ linkify: true });

/** The README and every Markdown file under docs/, relative to the root. */
export function documentFiles(): string[] {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

/** A document's tokens. */
export function parseDocument(file: string): MdToken[] {
  return markdown.parse(readFileSync(join(ROOT, file), 'utf8'), {});
}

/** Every token of a document, inline children included, in order. */
export function allTokens(tokens: MdToken[]): MdToken[] {
  return tokens.flatMap((t) => [t, ...(t.children ?? [])]);
}

/** The files git tracks, relative to the root: what "in the repository" means. */
export function trackedFiles(): Set<string> {
  return new Set(execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean));
}

/** Whether a path (relative to the root, no trailing slash) is a tracked file or a directory holding one. */
export function inRepository(path: string, tracked: Set<string>): boolean {
  const clean = path.replace(/\/+$/, '');
  return clean === '' || tracked.has(clean) || [...tracked].some((f) => f.startsWith(`${clean}/`));
}

/** A path relative to the root, for messages. */
export function fromRoot(path: string): string {
  return relative(ROOT, path);
}

/**
 * GitHub's anchor of a heading: lower case, punctuation dropped (CJK kept),
 * spaces to hyphens.
 */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a document's headings. */
export function anchorsOf(file: string): Set<string> {
  const tokens = parseDocument(file);
  return new Set(tokens.flatMap((t, i) => (t.type === 'heading_open' ? [headingSlug(tokens[i + 1].content)] : [])));
}

/** One example of a role guide: the text to send, the command its table row names (none in prose), where it stands. */
export interface GuideExample {
  text: string;
  claim?: string;
  /** The `##` heading it stands under ('' before the first). */
  section: string;
  line: number;
}

/** A row of a guide's command table: the command it names and its examples. */
export interface GuideRow {
  claim: string;
  examples: string[];
  section: string;
  line: number;
}

const COMMAND_COLUMN = '命令';
const EXAMPLE_COLUMN = '例句';

/**
 * The examples of a role guide. A table with the columns 命令 and 例句 is a
 * command table: every code span of its 例句 cell is a message to send, the
 * command its 命令 cell names. Any other code span that has the shape of an
 * example (`isExample`) is one too, with no command named.
 */
export function guideContent(file: string, isExample: (text: string) => boolean): { rows: GuideRow[]; examples: GuideExample[] } {
  const tokens = parseDocument(file);
  const rows: GuideRow[] = [];
  const examples: GuideExample[] = [];
  let section = '';
  let header: string[] = [];
  let cells: MdToken[] = [];
  let inHead = false;
  let rowLine = 0;
  const codes = (inline: MdToken) => (inline.children ?? []).filter((c) => c.type === 'code_inline').map((c) => c.content.trim());
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.tag === 'h2') section = tokens[i + 1].content.trim();
    else if (t.type === 'thead_open') [inHead, header] = [true, []];
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') [cells, rowLine] = [[], (t.map?.[0] ?? 0) + 1];
    else if ((t.type === 'th_open' || t.type === 'td_open') && tokens[i + 1].type === 'inline') {
      if (inHead) header.push(tokens[i + 1].content.trim());
      else cells.push(tokens[i + 1]);
    } else if (t.type === 'tr_close' && !inHead) {
      const claimAt = header.indexOf(COMMAND_COLUMN);
      const examplesAt = header.indexOf(EXAMPLE_COLUMN);
      cells.forEach((cell, at) => {
        if (at === examplesAt && claimAt >= 0) return;
        for (const text of codes(cell).filter(isExample)) examples.push({ text, section, line: rowLine });
      });
      if (claimAt >= 0 && examplesAt >= 0) {
        const claim = cells[claimAt]?.content.trim() ?? '';
        const said = cells[examplesAt] ? codes(cells[examplesAt]) : [];
        rows.push({ claim, examples: said, section, line: rowLine });
        for (const text of said) examples.push({ text, claim, section, line: rowLine });
      }
    } else if (t.type === 'inline' && tokens[i - 1]?.type !== 'th_open' && tokens[i - 1]?.type !== 'td_open' && tokens[i - 1]?.type !== 'heading_open') {
      for (const text of codes(t).filter(isExample)) examples.push({ text, section, line: (t.map?.[0] ?? 0) + 1 });
    }
  }
  return { rows, examples };
}
