import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/config';
import { openDatabase } from '../../bot/db/open';
import { silentLogger } from '../../bot/log';
import type { Database } from '../../bot/db/database';
import { createService, type Service } from '../../bot/service';
import { ManualClock } from '../../bot/time';
import { openTestDatabase, seedStaff, testDatabaseUrl } from './db';
import { PEOPLE } from './hall';

/** An HTTP answer, read whole. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** One delivery of the simulator's feed. */
export interface FeedItem {
  seq: number;
  to: string;
  body: string;
  at: string;
  /** An image message's picture: a signed link of the service's own origin. */
  image?: string;
  /** Its buttons: what each says and the command a tap sends. */
  actions?: { label: string; command: string; done?: string }[];
}

export interface SimulatorHallOptions {
  now?: string;
  /** The directory; defaults to the conversation tests' people. Pass [] for an empty one. */
  people?: { name: string; window?: string; role?: string }[];
  env?: Record<string, string>;
  /** Listen on this port (0: any free one). */
  port?: number;
  /** A database another service can open after this one closes ({@link SimulatorHall.restart}). */
  restartable?: boolean;
}

/**
 * The real service with no platform configured, on a free loopback port and
 * a hand-moved clock: a test drives the local simulator over HTTP as its page
 * does. Requests go through node:http so a test can send any Host header.
 */
export class SimulatorHall {
  private constructor(
    readonly service: Service,
    readonly clock: ManualClock,
    readonly port: number,
    /** Where its database is: a file or PostgreSQL schema a CLI command can open beside it when opened `restartable`. */
    readonly databaseUrl: string,
    private readonly env: Record<string, string>,
  ) {}

  static async open(options: SimulatorHallOptions = {}): Promise<SimulatorHall> {
    const clock = new ManualClock(options.now ?? '2026-11-23T08:05:00+08:00');
    const url = testDatabaseUrl(options.restartable);
    const db = await openTestDatabase(undefined, url);
    // The simulator refuses a directory of platform users (they could be impersonated): its people are local only.
    await seedStaff(db, (options.people ?? PEOPLE).map(({ name, window, role }) => ({ name, window, role })));
    return SimulatorHall.start(db, clock, url, options.env ?? {}, options.port ?? 0);
  }

  private static async start(db: Database, clock: ManualClock, url: string, env: Record<string, string>, port: number): Promise<SimulatorHall> {
    const service = await createService({ config: loadConfig({ ...env }), log: silentLogger, clock, db });
    const server = await service.listen(port, '127.0.0.1', { background: false });
    return new SimulatorHall(service, clock, (server.address() as AddressInfo).port, url, env);
  }

  /** Stops this service and starts a new one on the same database (opened with `restartable`), as a restart of the process would. */
  async restart(): Promise<SimulatorHall> {
    await this.close();
    return SimulatorHall.start(await openDatabase(this.databaseUrl), this.clock, this.databaseUrl, this.env, 0);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Any request; the Host header is 127.0.0.1:port unless `headers.host` says otherwise. */
  request(method: string, path: string, { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method, path, headers: { host: `127.0.0.1:${this.port}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A POST of JSON, as the simulator's page sends it. */
  post(path: string, value: unknown = {}, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request('POST', path, { body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } });
  }

  /** The staff id of a person of the directory, as the page's person picker knows it. */
  async idOf(name: string): Promise<string> {
    const people = (await this.request('GET', '/local/people')).json<{ id: number; name: string }[]>();
    const person = people.find((p) => p.name === name);
    if (!person) throw new Error(`no ${name} in the directory`);
    return String(person.id);
  }

  /** Sends a text as a person (by name) and returns the bot's reply. */
  async say(name: string, text: string): Promise<string | null> {
    const answer = await this.post('/local/message', { userId: await this.idOf(name), text });
    if (answer.status !== 200) throw new Error(`message answered ${answer.status}: ${answer.text}`);
    return answer.json<{ reply: string | null }>().reply;
  }

  /** Lets the outbox deliver what is due (the service's background dispatcher is off in tests). */
  async deliver(): Promise<void> {
    await this.service.outboxDispatcher.drain(5_000);
  }

  /** The simulator's feed, as the page polls it. */
  async feed(since = 0): Promise<FeedItem[]> {
    return (await this.request('GET', `/local/feed?since=${since}`)).json<FeedItem[]>();
  }

  /** What the leadership group received. */
  async group(): Promise<string[]> {
    return (await this.feed()).filter((d) => d.to === 'leaders').map((d) => d.body);
  }

  close(): Promise<void> {
    return this.service.close();
  }
}
