// `npm run cli -- …`: runs the CLI from its esbuild bundle (dist/bot/cli/main.js), rebuilt first
// when any source is newer, so a command's own work, not compiling TypeScript, is what takes time.
import { bundle, isFresh } from '../../build.mjs';

const ENTRY = 'bot/cli/main.ts';

if (!isFresh(ENTRY)) await bundle();
process.setSourceMapsEnabled(true);
await import(new URL('../../dist/bot/cli/main.js', import.meta.url).href);
