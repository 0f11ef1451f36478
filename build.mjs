// `npm run build`: the service as one ESM bundle in dist/ (packages stay in node_modules),
// run by `npm start` with plain Node — leaner than compiling TypeScript at every start.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
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
  for (const file of ['simulator.html', 'simulator.js', 'simulator.css']) copyFileSync(`bot/adapters/local/${file}`, `dist/bot/${file}`);
  // Files read beside a module at run time land beside the bundle, at the same relative path.
  cpSync('bot/dashboard/assets', 'dist/bot/assets', { recursive: true });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundle(process.argv.length > 2 ? process.argv.slice(2) : undefined);
