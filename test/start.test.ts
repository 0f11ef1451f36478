import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../bot/db/open';
import { seedStaff } from './support/db';
import { FakeWecom } from './support/fake-wecom';
import { freePort } from './support/ports';
import { wecomEnv } from './support/wecom-client';

const root = new URL('..', import.meta.url).pathname;

/** A new, empty SQLite file: these tests read the start-up log of a fresh install, whatever database the suite runs on. */
const freshDatabase = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'hg-start-')), 'hall.sqlite')}`;

/** A service started as `npm start` starts it (without the bundle step): its port, its JSON log lines and what it wrote on stderr so far. */
interface Started {
  port: number;
  lines: { msg: string; host?: string; publicUrl?: string; open?: string }[];
  stderr: () => string;
  /** Resolves when stderr has shown `wanted` (the plain line comes after the JSON log). */
  stderrShows: (wanted: RegExp) => Promise<string>;
  stop: () => void;
}

/** Starts the service's entry point and collects its log lines until `wanted` have all appeared; the caller stops it. */
async function start(env: Record<string, string>, wanted: RegExp[]): Promise<Started> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['HOST', 'PUBLIC_URL', 'SIMULATOR'].includes(k) && !/^(WECOM|DINGTALK)_/.test(k)));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { cwd: root, env: { ...inherited, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Started['lines'] = [];
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
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
      child.once('exit', (code) => reject(new Error(`the service exited (${code}) before logging ${wanted.join(', ')}; it logged: ${logged()} ${errors}`)));
      timer = setTimeout(() => reject(new Error(`no ${wanted.join(', ')} in the log within 20 s; it logged: ${logged()}`)), 20_000);
    });
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const stderrShows = (wanted: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const look = () => wanted.test(errors) && (child.stderr!.off('data', look), resolve(errors));
      child.stderr!.on('data', look);
      child.once('exit', () => reject(new Error(`exited before ${wanted} on stderr: ${errors}`)));
      look();
    });
  return { port, lines, stderr: () => errors, stderrShows, stop: () => child.kill('SIGTERM') };
}

/** Starts the service, reads its log until `wanted` have all appeared, and stops it. */
async function startAndRead(env: Record<string, string>, wanted: RegExp[]): Promise<Started> {
  const started = await start(env, wanted);
  started.stop();
  return started;
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

  it('warns in the log and in /healthz when a platform is on but 看板 links would point at this machine', async () => {
    const fake = await FakeWecom.start();
    const started = await start({ ...wecomEnv(fake.url), DATABASE_URL: freshDatabase() }, [/PUBLIC_URL/]);
    try {
      const { lines, port } = started;
      expect(lines.find((l) => l.msg.startsWith('HallGuard listening'))!.host).to.equal('0.0.0.0');
      expect(lines.find((l) => /PUBLIC_URL/.test(l.msg))!.msg).to.contain('看板').and.contain(`http://127.0.0.1:${port}`);
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string; links: { status: string; publicUrl: string; warning?: string } };
      expect(health.status).to.equal('ok');
      expect(health.links).to.include({ status: 'loopback', publicUrl: `http://127.0.0.1:${port}` });
      expect(health.links.warning).to.contain('看板');
      expect(await started.stderrShows(/注意：PUBLIC_URL/)).to.contain('手机');
    } finally {
      started.stop();
      await fake.close();
    }
  });

  it('does not warn about links when PUBLIC_URL is the address people reach', async () => {
    const fake = await FakeWecom.start();
    const started = await start({ ...wecomEnv(fake.url), DATABASE_URL: freshDatabase(), PUBLIC_URL: 'https://hallguard.example.gov.cn' }, [/HallGuard listening/]);
    try {
      const health = (await (await fetch(`http://127.0.0.1:${started.port}/healthz`)).json()) as { links: Record<string, unknown> };
      expect(health.links).to.deep.equal({ status: 'ok', publicUrl: 'https://hallguard.example.gov.cn' });
      expect(started.lines.find((l) => l.msg.startsWith('HallGuard listening'))!.open).to.equal('https://hallguard.example.gov.cn/dashboard');
    } finally {
      started.stop();
      await fake.close();
    }
  });
});

describe('npm start on a port of its own, with no PUBLIC_URL', function () {
  this.timeout(40_000);

  it("gives a leader a 看板 link to the port it listens on, and the link opens the dashboard", async () => {
    const database = freshDatabase();
    const db = await openDatabase(database);
    await seedStaff(db, [{ name: '王五', window: '领导小组', role: 'leader' }]);
    await db.close();
    const started = await start({ DATABASE_URL: database }, [/local simulator/]);
    try {
      const base = `http://127.0.0.1:${started.port}`;
      expect(started.port).to.not.equal(3000);
      const [leader] = (await (await fetch(`${base}/local/people`)).json()) as { id: number }[];
      const answer = await fetch(`${base}/local/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: String(leader.id), text: '看板' }) });
      const { reply } = (await answer.json()) as { reply: string };
      const link = /https?:\/\/\S+\/dashboard\?t=[\w.-]+/.exec(reply)?.[0];
      expect(link, reply).to.match(new RegExp(`^${base}/dashboard\\?t=`));

      const opened = await fetch(link!, { redirect: 'manual' });
      expect(opened.status).to.equal(303);
      const cookie = opened.headers.get('set-cookie')!.split(';')[0];
      const page = await fetch(`${base}${opened.headers.get('location')}`, { headers: { cookie } });
      expect(page.status).to.equal(200);
      expect(await page.text()).to.contain('防疫看板').and.contain('王五');
    } finally {
      started.stop();
    }
  });

  it('prints the address to open in the JSON log and as a plain line, on stderr when stdout is piped', async () => {
    const started = await start({ DATABASE_URL: freshDatabase() }, [/local simulator/]);
    try {
      const base = `http://127.0.0.1:${started.port}`;
      expect(started.lines.find((l) => l.msg.startsWith('HallGuard listening'))).to.include({ publicUrl: base, open: `${base}/` });
      expect(await started.stderrShows(/HallGuard 已启动/)).to.contain(`HallGuard 已启动：在浏览器中打开 ${base}/ 使用本地模拟器`);
    } finally {
      started.stop();
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
