// `npm run build`: the service as one ESM bundle in dist/ (packages stay in node_modules),
// run by `npm start` with plain Node — leaner than compiling TypeScript at every start.
import { copyFileSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Bundles entry points (default: the service) into dist/, mirroring their paths. */
export async function bundle(entries = ['bot/main.ts']) {
  mkdirSync('dist/bot', { recursive: true });
  await build({
    entryPoints: entries,
    outdir: 'dist',
    outbase: '.',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  copyFileSync('bot/adapters/local/simulator.html', 'dist/bot/simulator.html');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundle(process.argv.length > 2 ? process.argv.slice(2) : undefined);
