import type { Command } from './command';

/** Which command a normalised text is for, and how the command sees it. */
export interface Route {
  command: Command;
  /** The keyword matched, lower case; '' for a command that took text with no keyword. */
  keyword: string;
  /** The text from the keyword on (the whole text for a fallback). */
  text: string;
  /** The text after the keyword and its separators. */
  args: string;
}

/** Brackets, list marks and a slash before a command: `【帮助】`, `/help`, `#排班状态`. */
const OPENING = /^[\s【[(「『《<#/*＊·]+/;
/** What may follow a keyword before its arguments: `明日排班：张伟`, `处置，46`, `【帮助】`. */
const AFTER_KEYWORD = /^[\s:=,.!?)\]】」』》>~-]+/;
/** Polite and verb openings people put before a command: `请查看排班状态`, `我要代报 …`. */
const POLITE = ['请帮我', '麻烦', '帮我', '我要', '我想', '请问', '请', '查看一下', '查看', '查询', '查', '看一下', '看看', '看下', '看', '打开', '获取', '提交'];

/**
 * Routes by leading keyword (longest first, case-insensitive), as people say
 * commands: after brackets or a slash, after polite openings (tried one at a
 * time, so `请查看排班` still finds `查看排班` before `排班`), and with a colon,
 * comma or bracket after the keyword. Text with no keyword goes to the first
 * fallback that accepts it.
 */
export function createRouter(commands: Command[], fallbacks: Command[]): (text: string) => Route | null {
  const keyed = commands
    .flatMap((command) => command.keywords.map((keyword) => ({ keyword: keyword.toLowerCase(), command })))
    .sort((a, b) => b.keyword.length - a.keyword.length);

  const byKeyword = (probe: string): Route | null => {
    const lower = probe.toLowerCase();
    const hit = keyed.find((k) => lower.startsWith(k.keyword));
    if (!hit) return null;
    const args = probe.slice(hit.keyword.length).replace(AFTER_KEYWORD, '').trim();
    return { command: hit.command, keyword: hit.keyword, text: probe, args };
  };

  return (text) => {
    let probe = text.replace(OPENING, '');
    for (;;) {
      const route = byKeyword(probe);
      if (route) return route;
      const polite = POLITE.find((p) => probe.startsWith(p));
      if (!polite) break;
      probe = probe.slice(polite.length).replace(OPENING, '');
    }
    const fallback = fallbacks.find((c) => c.accepts?.(text));
    return fallback ? { command: fallback, keyword: '', text, args: text } : null;
  };
}
