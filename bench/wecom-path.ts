import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { PRODUCTION_FLAGS } from './child';
import { nextWecomRequest } from './wecom-load';

/**
 * The WeCom path benchmark (SPEC §9): a bare Koa handler and the full WeCom
 * path under the same load, 10 connections, each request a new encrypted text
 * message. Each server runs in its own process; the load comes from this one.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The full path's sustained run (issue 24: the same cost whatever the sender sent before), read in 10-s windows. */
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 60);
const WINDOW_SECONDS = 10;
const CONNECTIONS = 10;
const BARS = { ratio: 0.1, rps: 1000, p99Ms: 50 };

interface Figures {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function startServer(file: string): Promise<{ child: ChildProcess; port: number }> {
  const root = new URL('..', import.meta.url).pathname;
  const child = spawn(process.execPath, [...PRODUCTION_FLAGS, `${root}dist/bench/${file.replace(/^\.\//, '').replace(/\.ts$/, '.js')}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^ready (\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, port };
}

async function load(port: number, seconds: number, perSecond: number[] = []): Promise<Figures> {
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        setupRequest: (req) => ({ ...req, ...nextWecomRequest() }),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, done) => (err ? reject(err) : resolve(done)));
    // autocannon emits 'tick' each second with that second's count (its typings leave it out).
    (instance as unknown as EventEmitter).on('tick', ({ counter }: { counter: number }) => perSecond.push(counter));
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

async function measure(name: string, file: string): Promise<Figures> {
  const { child, port } = await startServer(file);
  try {
    await load(port, 2);
    const figures = await load(port, SECONDS);
    process.stdout.write(`${name.padEnd(16)} ${figures.rps.toFixed(0).padStart(7)} req/s   p99 ${String(figures.p99).padStart(4)} ms   errors ${figures.errors}   non-2xx ${figures.non2xx}\n`);
    return figures;
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * The full path under load for {@link SUSTAINED_SECONDS}: its first and last
 * 10-s windows in requests per second, and the server's peak resident memory.
 */
async function sustained(file: string): Promise<{ first: number; last: number; peakMb: number }> {
  const { child, port } = await startServer(file);
  try {
    const perSecond: number[] = [];
    await load(port, SUSTAINED_SECONDS, perSecond);
    const window = (from: number) => perSecond.slice(from, from + WINDOW_SECONDS).reduce((a, b) => a + b, 0) / WINDOW_SECONDS;
    const first = window(0);
    const last = window(Math.max(0, perSecond.length - WINDOW_SECONDS));
    const peakMb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    process.stdout.write(`sustained ${SUSTAINED_SECONDS} s: first window ${first.toFixed(0)} req/s, last window ${last.toFixed(0)} req/s (${((100 * last) / first).toFixed(0)}%), peak RSS ${peakMb.toFixed(0)} MB\n`);
    return { first, last, peakMb };
  } finally {
    child.kill('SIGTERM');
  }
}

/** SPEC §9, first bar: the full WeCom path against a bare Koa handler under the same load. */
export async function wecomPath(): Promise<[string, boolean][]> {
  const on = process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'SQLite';
  process.stdout.write(`\n## WeCom path on ${on}: ${CONNECTIONS} connections, ${SECONDS} s each after a 2 s warm-up, a fresh encrypted message per request\n`);
  const bare = await measure('bare Koa', './bare-server.ts');
  const full = await measure('full WeCom path', './full-server.ts');
  const ratio = full.rps / bare.rps;
  process.stdout.write(`full / bare ratio: ${ratio.toFixed(3)}\n`);
  const kept = await sustained('./full-server.ts');
  return [
    [`WeCom path keeps ${((100 * kept.last) / kept.first).toFixed(0)}% of its first 10-s window in its last (bar ≥ 80%)`, kept.last >= 0.8 * kept.first],
    [`WeCom path peak RSS ${kept.peakMb.toFixed(0)} MB over ${SUSTAINED_SECONDS} s (bar < 200 MB)`, kept.peakMb < 200],
    [`WeCom path ratio ${ratio.toFixed(3)} (bar ≥ ${BARS.ratio})`, ratio >= BARS.ratio],
    [`WeCom path ${full.rps.toFixed(0)} req/s (bar ≥ ${BARS.rps})`, full.rps >= BARS.rps],
    [`WeCom path p99 ${full.p99} ms (bar < ${BARS.p99Ms} ms)`, full.p99 < BARS.p99Ms],
    [`WeCom path: no errors or non-2xx answers`, full.errors + full.non2xx === 0],
  ];
}
