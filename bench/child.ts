import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

/** The Node flags of `npm start` (package.json). */
export const PRODUCTION_FLAGS = ['--enable-source-maps', '--max-semi-space-size=4'];

/**
 * Runs a bench entry point as the service runs in production: bundled into
 * dist/ (see build.mjs) and started with plain Node. Resolves with its stdout.
 */
export function runBuilt(entry: string, args: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, `${root}dist/${entry.replace(/\.ts$/, '.js')}`, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${entry} exited with ${code}`))));
  });
}

/** Runs the CLI (`npm run cli -- …`) with the given environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${root}bot/cli/main.ts`, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli ${args[0]} exited with ${code}`))));
  });
}
