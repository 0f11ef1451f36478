import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports';

const root = new URL('../..', import.meta.url).pathname;

/** Every instance started, so that even a failed start is stopped. */
export const started: ChildProcess[] = [];

/** Starts `npm start`'s entry point as its own process and resolves once it answers /healthz. */
export async function startInstance(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  started.push(child);
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  // A start takes seconds alone and tens of seconds on a loaded CI machine (tsx compiles on the fly).
  await untilAsync('the instance to answer', async () => !exited && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)), 50_000);
  if (exited) throw new Error('the instance exited');
  return { child, url };
}

/** Waits, up to a deadline, for the instances to bring something about. */
export async function untilAsync(what: string, condition: () => Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same, for a condition known without waiting on anything. */
export const until = (what: string, condition: () => boolean, deadlineMs?: number) => untilAsync(what, async () => condition(), deadlineMs);

/** Stops (SIGTERM) every started instance still running; one already killed has nothing to wait for. */
export async function stopStarted(): Promise<void> {
  const running = started.filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
}
