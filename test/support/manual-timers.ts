import FakeTimers from '@sinonjs/fake-timers';
import type { Timers } from '../../bot/adapters/long-connection';

/** Long-connection timers a test moves by hand: heartbeats and reconnect backoff fire only on `tick`. */
export function manualTimers(): Timers & { tick(ms: number): void } {
  const clock = FakeTimers.createClock();
  return {
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle as ReturnType<typeof clock.setTimeout>),
    tick: (ms) => void clock.tick(ms),
  };
}

/** Longer than the longest reconnect backoff (60 s plus jitter). */
export const PAST_BACKOFF = 75_000;

/** GET /healthz: its status and the long connections it lists. */
export async function healthOf(url: string): Promise<{ status: number; body: { connections: { name: string; connected: boolean; since: string; reconnects: number }[] } }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
}
