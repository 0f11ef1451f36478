import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { FakeWecom } from './support/fake-wecom';
import { freePort } from './support/ports';
import { wecomEnv } from './support/wecom-client';

const root = new URL('..', import.meta.url).pathname;

/** A new, empty SQLite file: these tests read the start-up log of a fresh install, whatever database the suite runs on. */
const freshDatabase = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'hg-start-')), 'hall.sqlite')}`;

/**
 * Starts the service's entry point as `npm start` does (without the bundle
 * step) and collects its log lines until `wanted` have all appeared.
 */
async function startAndRead(env: Record<string, string>, wanted: RegExp[]): Promise<{ lines: { msg: string; host?: string }[]; port: number }> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['HOST', 'PUBLIC_URL', 'SIMULATOR'].includes(k) && !/^(WECOM|DINGTALK)_/.test(k)));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { cwd: root, env: { ...inherited, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: { msg: string; host?: string }[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      const check = () => wanted.every((w) => lines.some((l) => w.test(l.msg))) && resolve();
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const complete = buffered.split('\n');
        buffered = complete.pop()!;
        for (const line of complete) if (line.trim()) lines.push(JSON.parse(line));
        check();
      });
      const logged = () => lines.map((l) => l.msg).join(' / ');
      child.once('exit', (code) => reject(new Error(`the service exited (${code}) before logging ${wanted.join(', ')}; it logged: ${logged()}`)));
      timer = setTimeout(() => reject(new Error(`no ${wanted.join(', ')} in the log within 20 s; it logged: ${logged()}`)), 20_000);
    });
  } finally {
    clearTimeout(timer);
    child.kill('SIGTERM');
  }
  return { lines, port };
}

describe('npm start', function () {
  this.timeout(30_000);

  it('with no platform configured, says so, binds the simulator to loopback and prints its address', async () => {
    const { lines, port } = await startAndRead({ DATABASE_URL: freshDatabase() }, [/local simulator/, /名单为空/]);
    const listening = lines.find((l) => l.msg.startsWith('HallGuard listening'))!;
    expect(listening.host).to.equal('127.0.0.1');
    expect(lines.map((l) => l.msg)).to.include(`本地模拟器 / local simulator: http://127.0.0.1:${port}/`);
    expect(lines.some((l) => /no platform configured/.test(l.msg))).to.equal(true);
    expect(lines.find((l) => /名单为空/.test(l.msg))!.msg).to.contain('载入演示数据');
  });

  it('warns when a platform is on but 看板 links would point at this machine', async () => {
    const fake = await FakeWecom.start();
    try {
      const { lines } = await startAndRead({ ...wecomEnv(fake.url), DATABASE_URL: freshDatabase() }, [/PUBLIC_URL/]);
      expect(lines.find((l) => l.msg.startsWith('HallGuard listening'))!.host).to.equal('0.0.0.0');
      expect(lines.find((l) => /PUBLIC_URL/.test(l.msg))!.msg).to.contain('看板');
    } finally {
      await fake.close();
    }
  });
});

/** Runs `npm start`'s entry point with its stdout on a terminal (a pseudo-terminal from script(1)) until `wanted` shows; answers all it printed. */
async function startOnTerminal(env: Record<string, string>, wanted: RegExp): Promise<string> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['HOST', 'PUBLIC_URL', 'SIMULATOR'].includes(k) && !/^(WECOM|DINGTALK)_/.test(k)));
  const child = spawn('script', ['-qfec', `${process.execPath} --import tsx bot/main.ts`, '/dev/null'], {
    cwd: root,
    env: { ...inherited, ...env, PORT: String(port) },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let printed = '';
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        if (wanted.test(printed)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited (${code}) before printing ${wanted}: ${printed}`)));
      timer = setTimeout(() => reject(new Error(`no ${wanted} within 20 s: ${printed}`)), 20_000);
    });
  } finally {
    clearTimeout(timer);
    process.kill(-child.pid!, 'SIGTERM');
  }
  return printed.replace(/\r/g, '');
}

describe('npm start for a person at a terminal', function () {
  this.timeout(30_000);

  it('prints one readable line with the address to open beside the JSON log', async () => {
    const printed = await startOnTerminal({ DATABASE_URL: freshDatabase() }, /HallGuard 已启动[^\n]*\n/);
    const readable = printed.split('\n').filter((l) => l.trim() && !l.startsWith('{'));
    expect(readable).to.have.length(1);
    expect(readable[0]).to.match(/HallGuard 已启动：在浏览器中打开 http:\/\/127\.0\.0\.1:\d+\/ 使用本地模拟器/);
  });

  it('keeps the log JSON lines only when stdout is piped', async () => {
    const { lines } = await startAndRead({ DATABASE_URL: freshDatabase() }, [/local simulator/, /名单为空/]);
    expect(lines.every((l) => typeof l.msg === 'string')).to.equal(true);
    expect(lines.some((l) => /已启动/.test(l.msg))).to.equal(false);
  });

  it('prints a generated simulator token once, on stderr and never in the JSON log, when listening beyond loopback', async () => {
    const printed = await startOnTerminal({ DATABASE_URL: freshDatabase(), HOST: '0.0.0.0' }, /simulator token \(shown once\): (\S+)/);
    const link = /simulator token \(shown once\): (\S+)/.exec(printed)![1];
    const token = new URL(link).searchParams.get('token')!;
    expect(token).to.have.length.above(20);
    expect(printed.split(token)).to.have.length(2);
    expect(printed.split('\n').filter((l) => l.startsWith('{')).join('\n')).to.not.contain(token);
  });
});
