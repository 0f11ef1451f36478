import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect } from 'chai';
import { usageLines } from '../../bot/cli/commands';
import { VARIABLES } from '../../bot/config';
import { allTokens, anchorsOf, documentFiles, inRepository, parseDocument, ROOT, trackedFiles, type MdToken } from '../support/docs';

/**
 * Issue 23 item 7: the README and the docs stand alone. They link only to
 * files of the repository (and headings that exist) or to the platforms'
 * official documentation, and every path, variable, CLI command and npm
 * script they show in code exists.
 */
const OFFICIAL_DOCUMENTATION = ['developer.work.weixin.qq.com', 'open.dingtalk.com'];

const tracked = trackedFiles();
const topLevel = new Set([...tracked].map((f) => f.split('/')[0]));
const packageScripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);

/** Every variable a process of the repository reads: the service's (bot/config.ts) and the tooling's (tests, bench, CI). */
const knownVariables = new Set<string>([
  ...VARIABLES,
  ...[...tracked]
    .filter((f) => /\.(?:ts|mjs|cjs|js)$/.test(f) || f.startsWith('.ci/'))
    .flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|process\.env\[['"]([A-Z][A-Z0-9_]*)['"]\]|\bexport ([A-Z][A-Z0-9_]*)=|\$\{?([A-Z][A-Z0-9_]*)/g)])
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]),
]);

/** What a document shows as code: its code spans and the lines of its code blocks. */
function codeOf(tokens: MdToken[]): string[] {
  return allTokens(tokens).flatMap((t) => (t.type === 'code_inline' ? [t.content] : t.type === 'fence' || t.type === 'code_block' ? t.content.split('\n') : []));
}

/** The repository paths a piece of code names: root-relative paths under a tracked top-level entry, and source or document file names. */
function pathsIn(code: string): string[] {
  return [...code.matchAll(/(?<![\w/.:<-])[\w.@-]*[\w@-](?:\/[\w.@-]*)*/g)]
    .map((m) => m[0])
    .filter((p) => !/[<>…]/.test(p))
    .filter((p) => (p.includes('/') && topLevel.has(p.split('/')[0])) || /^[\w-][\w.-]*\.(?:md|ts|mjs|cjs|service|conf)$/.test(p));
}

/** Whether a path (or a bare file name) exists in the repository. */
function exists(path: string): boolean {
  if (path.includes('/') || tracked.has(path)) return inRepository(path, tracked);
  return [...tracked].some((f) => f.split('/').pop() === path);
}

/** Why a `npm run cli -- …` command line is not one the CLI takes (null when it is). */
function cliProblem(line: string, usages: string[]): string | null {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const [verb, sub] = words;
  // `npm run cli -- …` speaks of every command.
  if (verb === undefined || verb.includes('…')) return null;
  const forms = usages.filter((u) => u.split(/\s+/)[0] === verb);
  if (!forms.length) return `no CLI command "${verb}"`;
  const literal = (w: string | undefined) => w !== undefined && /^[a-z]+$/.test(w);
  const matching = forms.filter((f) => (literal(f.split(/\s+/)[1]) ? f.split(/\s+/)[1] === sub : !literal(sub) || !forms.some((g) => g.split(/\s+/)[1] === sub)));
  if (!matching.length) return `no form "${verb} ${sub}" (${forms.join(' | ')})`;
  const flags = words.filter((w) => /^--[a-z]/.test(w)).map((w) => w.split('=')[0]);
  const unknown = flags.filter((flag) => !matching.some((f) => new RegExp(`(?:^|[\\s[])${flag}(?![\\w-])`).test(f)));
  return unknown.length ? `"${verb}${literal(sub) ? ` ${sub}` : ''}" takes no ${unknown.join(', ')}` : null;
}

describe('the README and docs/ stand alone', function () {
  this.timeout(30_000);
  let usages: string[];
  before(async () => (usages = await usageLines()));

  it('finds the README and the guides', () => {
    expect(documentFiles()).to.include.members(['README.md', 'docs/README.md', 'docs/deployment.md', 'docs/roles/staff.md']);
  });

  it('.env.example lists exactly the variables of bot/config.ts', () => {
    const listed = [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...listed].sort()).to.deep.equal([...VARIABLES].sort());
  });

  for (const file of documentFiles()) {
    describe(file, () => {
      const tokens = parseDocument(file);
      const code = codeOf(tokens);

      it('links only to files of the repository and their headings, or to the platforms’ official documentation', () => {
        const links = allTokens(tokens).flatMap((t) => (t.type === 'link_open' ? [String(t.attrGet('href') ?? '')] : t.type === 'image' ? [String(t.attrGet('src') ?? '')] : []));
        const bad = links.filter((href) => {
          if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return !(href.startsWith('https://') && OFFICIAL_DOCUMENTATION.includes(new URL(href).hostname));
          const [path, anchor] = href.split('#');
          const target = path ? normalize(join(dirname(file), decodeURI(path))) : file;
          if (target.startsWith('..') || !inRepository(target, tracked)) return true;
          return anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(decodeURIComponent(anchor));
        });
        expect(bad, `links leaving the repository or pointing at nothing in ${file}`).to.deep.equal([]);
      });

      it('names in code only repository paths that exist', () => {
        const missing = code.flatMap(pathsIn).filter((p) => !exists(p));
        expect([...new Set(missing)], `paths named in ${file}`).to.deep.equal([]);
      });

      it('names in code only variables that something in the repository reads', () => {
        const names = code.flatMap((c) => [...c.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].map((m) => m[0]));
        expect([...new Set(names.filter((n) => !knownVariables.has(n)))], `variables named in ${file}`).to.deep.equal([]);
      });

      it('shows only CLI commands and npm scripts that exist', () => {
        const cli = code.flatMap((c) => [...c.matchAll(/npm run cli -- ([^#`\n]*)/g)].map((m) => m[1]));
        const problems = cli.map((line) => cliProblem(line, usages)).filter((p): p is string => p !== null);
        const scripts = code.flatMap((c) => [...c.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1])).filter((s) => !packageScripts.includes(s));
        expect([...problems, ...scripts.map((s) => `no npm script "${s}"`)]).to.deep.equal([]);
      });
    });
  }
});
