/** One directive of an nginx configuration: its name, arguments and block. */
export interface NginxDirective {
  name: string;
  args: string[];
  block?: NginxDirective[];
}

/** Parses an nginx configuration file into its directives (comments dropped, quotes kept off). */
export function parseNginx(text: string): NginxDirective[] {
  const tokens = [...text.replace(/#[^\n]*/g, '').matchAll(/"([^"]*)"|'([^']*)'|([{};])|([^\s{};]+)/g)].map((m) => ({ word: m[1] ?? m[2] ?? m[4], punct: m[3] }));
  let at = 0;
  const block = (): NginxDirective[] => {
    const out: NginxDirective[] = [];
    while (at < tokens.length && tokens[at].punct !== '}') {
      const words: string[] = [];
      while (at < tokens.length && tokens[at].word !== undefined) words.push(tokens[at++].word!);
      const end = tokens[at++]?.punct;
      if (!words.length || (end !== ';' && end !== '{')) throw new Error(`nginx: unexpected ${end ?? 'end of file'} after "${words.join(' ')}"`);
      const [name, ...args] = words;
      if (end === '{') {
        out.push({ name, args, block: block() });
        if (tokens[at++]?.punct !== '}') throw new Error(`nginx: block "${words.join(' ')}" is not closed`);
      } else out.push({ name, args });
    }
    return out;
  };
  const top = block();
  if (at < tokens.length) throw new Error('nginx: a "}" closes nothing');
  return top;
}

/** The directives of a block with this name. */
export function directives(block: NginxDirective[] | undefined, name: string): NginxDirective[] {
  return (block ?? []).filter((d) => d.name === name);
}

/**
 * The location of a server block that nginx picks for a path, when the
 * server has no regular-expression locations: an exact (`=`) match, else the
 * longest prefix (`^~` or plain).
 */
export function locationFor(server: NginxDirective[], path: string): NginxDirective | undefined {
  const locations = directives(server, 'location');
  const exact = locations.find((l) => l.args[0] === '=' && l.args[1] === path);
  if (exact) return exact;
  const prefixes = locations.filter((l) => l.args.length === 1 || l.args[0] === '^~').map((l) => ({ l, prefix: l.args[l.args.length - 1] }));
  return prefixes.filter((p) => path.startsWith(p.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0]?.l;
}
