// `npm run build`: the service and its CLI as ESM bundles in dist/ (packages stay in node_modules),
// run by `npm start` and `npm run cli` with plain Node — leaner than compiling TypeScript at every start.
import { cpSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The service's entry points; the CLI's is bundled beside it, from the same sources. */
export const ENTRIES = ['bot/main.ts', 'bot/cli/main.ts'];

/** What a bundle is made of: these folders and this script. */
const SOURCES = ['bot', 'handlers', 'entities', 'jobs', 'migrations'];

/**
 * Package data read as JSON (`import … with { type: 'json' }`) is bundled:
 * kept external, esbuild would drop the import attribute Node requires.
 */
const bundledJson = {
  name: 'bundled-json',
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => ({ path: createRequire(join(args.resolveDir, 'index.js')).resolve(args.path) }));
  },
};

/**
 * Bundles entry points (default: the service and the CLI) into dist/,
 * mirroring their paths. Each file is written beside its place and renamed
 * into it, chunks (named by their content) before the entry points that load
 * them, so a CLI run starting meanwhile never loads half a bundle.
 */
export async function bundle(entries = ENTRIES) {
  // Loaded here: a CLI run whose bundle is up to date does not load esbuild at all.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: 'dist',
    outbase: '.',
    bundle: true,
    // A command's modules, and the packages only they use, load when it runs (`npm run cli -- staff list` loads no Koa or ExcelJS).
    // Chunks sit beside dist/bot/main.js, so files read beside a module (assets) resolve the same from any chunk.
    splitting: true,
    chunkNames: 'bot/chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Stack traces need the mappings, not a second copy of every source: Node keeps each loaded map in memory.
    sourcesContent: false,
    logLevel: 'warning',
    write: false,
    plugins: [bundledJson],
  });
  const entriesLast = [...result.outputFiles].sort((a, b) => Number(!a.path.includes('/chunk-')) - Number(!b.path.includes('/chunk-')));
  for (const file of entriesLast) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  // Files read beside a module at run time land beside the bundle, at the same relative path.
  for (const folder of ['bot/dashboard/assets', 'bot/simulator/assets']) cpSync(join(root, folder), join(root, 'dist/bot/assets'), { recursive: true });
}

function newestIn(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), stat.mtimeMs);
}

/** Whether the bundle of an entry point (`bot/cli/main.ts` → dist/bot/cli/main.js) exists and is newer than every source. */
export function isFresh(entry) {
  let built;
  try {
    built = statSync(join(root, 'dist', entry.replace(/\.ts$/, '.js'))).mtimeMs;
  } catch {
    return false;
  }
  return [...SOURCES, 'build.mjs'].every((source) => newestIn(join(root, source)) < built);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bundle(process.argv.length > 2 ? process.argv.slice(2) : undefined);
