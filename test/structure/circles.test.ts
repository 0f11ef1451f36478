import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { circles, importGraph, sourceFiles } from './import-graph';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The bundle's inputs (build.mjs bundles bot/main.ts and the CLI from these). */
const FOLDERS = ['bot', 'handlers', 'jobs', 'entities'];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'hg-circles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('imports between rooms', () => {
  it('form no circle in bot/, handlers/, jobs/ and entities/', () => {
    const found = circles(importGraph(ROOT, sourceFiles(ROOT, FOLDERS)));
    expect(found.map((c) => c.join(' → ')), 'import circles').to.deep.equal([]);
  });

  it('finds a circle through a type-only import, an index folder and an `export … from`', () => {
    const root = tree({
      'bot/a.ts': "import type { B } from './b';\nexport const a = 1;\n",
      'bot/b.ts': "export { c } from './c';\nexport type B = number;\n",
      'bot/c/index.ts': "import { a } from '../a';\nexport const c = a;\n",
      'bot/leaf.ts': "import { a } from './a';\nimport ts from 'typescript';\n",
    });
    expect(circles(importGraph(root, sourceFiles(root, ['bot'])))).to.deep.equal([['bot/a.ts', 'bot/b.ts', 'bot/c/index.ts', 'bot/a.ts']]);
  });

  it('finds no circle where imports only go one way', () => {
    const root = tree({ 'bot/a.ts': "import { b } from './b';\n", 'bot/b.ts': "export const b = await import('./c');\n", 'bot/c.ts': 'export {};\n' });
    expect(circles(importGraph(root, sourceFiles(root, ['bot'])))).to.deep.equal([]);
  });
});
