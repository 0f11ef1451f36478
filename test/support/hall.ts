import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/config';
import { openDatabase } from '../../bot/db/open';
import { silentLogger, type Logger } from '../../bot/log';
import { createService, type Service } from '../../bot/service';
import { ManualClock } from '../../bot/time';
import { openTestDatabase, seedStaff, testDatabaseUrl } from './db';
import type { Timers } from '../../bot/adapters/long-connection';
import { dingtalkBody, dingtalkEnv, postToDingtalk } from './dingtalk-client';
import { FakeDingtalkGateway } from './fake-dingtalk-stream';
import { captureLog } from './capture-log';
import { manualTimers } from './manual-timers';
import { FakeDingtalk } from './fake-dingtalk';
import { FakeWecom } from './fake-wecom';
import { FakeWecomBot, wecomBotEnv } from './fake-wecom-bot';
import { postToWecom, TEST_WECOM, wecomEnv } from './wecom-client';

/**
 * `dingtalk-stream`: DingTalk with messages arriving over the Stream connection instead of the callback route;
 * `wecom-bot`: the WeCom intelligent bot alone, on its long connection.
 */
export type TestPlatform = 'wecom' | 'dingtalk' | 'dingtalk-stream' | 'wecom-bot';

/** The platforms the shared conversation tests run on. */
export const PLATFORMS: TestPlatform[] = ['wecom', 'dingtalk', 'dingtalk-stream', 'wecom-bot'];

/** What one message brought about: the reply the sender saw, and what the outbox delivered. */
export interface Exchange {
  status: number;
  reply: string | null;
  /** Texts pushed to the leadership group. */
  group: string[];
  /** Direct messages delivered, one per recipient (platform user id). */
  direct: { to: string; text: string }[];
}

/** The people most conversation tests use; their user id is the same on WeCom and DingTalk. */
export const PEOPLE = [
  { name: '张三', window: '1号窗口', role: 'staff', wecomUserId: 'zhangsan', dingtalkUserId: 'zhangsan', mobile: '13800000001' },
  { name: '赵六', window: '1号窗口', role: 'staff', wecomUserId: 'zhaoliu', dingtalkUserId: 'zhaoliu', mobile: '13800000004' },
  { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi', dingtalkUserId: 'lisi', mobile: '13800000002' },
  { name: '孙七', window: '2号窗口', role: 'staff', wecomUserId: 'sunqi', dingtalkUserId: 'sunqi', mobile: '13800000005' },
  { name: '周八', window: '2号窗口', role: 'lead', wecomUserId: 'zhouba', dingtalkUserId: 'zhouba', mobile: '13800000006' },
  { name: '王五', window: '领导小组', role: 'leader', wecomUserId: 'wangwu', dingtalkUserId: 'wangwu', mobile: '13800000003' },
];

export interface HallOptions {
  now?: string;
  platform?: TestPlatform;
  env?: Record<string, string>;
  people?: { name: string; window?: string; role?: string; wecomUserId?: string | null; dingtalkUserId?: string | null; mobile?: string | null }[];
  /** A database other connections can reach (a SQLite file rather than memory). */
  shareable?: boolean;
  /**
   * A second instance on this hall's database — through its own connection
   * pool on PostgreSQL; on SQLite through the same connection, since two
   * better-sqlite3 connections in one thread would block each other
   * (separate processes do not: see the CLI tests).
   */
  shareDatabaseWith?: Hall;
  /** A fake intelligent-bot server another hall uses too (two instances of one bot); the hall then neither waits for its own subscription nor closes it. */
  wecomBot?: FakeWecomBot;
  log?: Logger;
  /** Timers of the long connections (fake ones let a test fire heartbeats and reconnects). */
  timers?: Timers;
  /** The port to listen on (default: any free one), for a PUBLIC_URL that must name it. */
  port?: number;
}

/**
 * The real service on a free loopback port, with its platform pointed at a
 * fake platform server and a hand-moved clock: a test talks to it as WeCom or
 * DingTalk would, signed (and on WeCom encrypted) for real (STYLE.md "Tests
 * read like a conversation").
 */
export class Hall {
  private constructor(
    readonly platform: TestPlatform,
    readonly service: Service,
    private readonly peer: FakeWecom | FakeDingtalk | FakeWecomBot,
    readonly clock: ManualClock,
    readonly url: string,
    readonly databaseUrl: string,
    private readonly gateway?: FakeDingtalkGateway,
    private readonly ownsPeer = true,
  ) {}

  static async open(options: HallOptions = {}): Promise<Hall> {
    const platform = options.platform ?? 'wecom';
    const clock = new ManualClock(options.now ?? '2026-11-23T08:05:00+08:00');
    const peer = platform === 'wecom' ? await FakeWecom.start() : platform === 'wecom-bot' ? (options.wecomBot ?? (await FakeWecomBot.start())) : await FakeDingtalk.start();
    const gateway = platform === 'dingtalk-stream' ? await FakeDingtalkGateway.start() : undefined;
    const streamEnv = gateway ? { DINGTALK_MODE: 'stream', DINGTALK_STREAM_ENDPOINT: gateway.url } : {};
    const platformEnv = platform === 'wecom' ? wecomEnv(peer.url) : platform === 'wecom-bot' ? wecomBotEnv(peer.url) : dingtalkEnv(peer.url);
    const config = loadConfig({ ...platformEnv, ...streamEnv, ...options.env });
    const shared = options.shareDatabaseWith;
    // A DATABASE_URL given in env is the hall's database (what the backup job copies); else a scratch one.
    const databaseUrl = shared?.databaseUrl ?? options.env?.DATABASE_URL ?? testDatabaseUrl(options.shareable);
    const db = !shared ? await openTestDatabase(undefined, databaseUrl) : databaseUrl.startsWith('sqlite:') ? shared.service.db : await openDatabase(databaseUrl);
    if (!shared) await seedStaff(db, options.people ?? PEOPLE);
    const service = await createService({ config, log: options.log ?? silentLogger, clock, db, timers: options.timers });
    const server = await service.listen(options.port ?? 0, '127.0.0.1', { background: false });
    await gateway?.connected();
    if (peer instanceof FakeWecomBot) {
      if (!options.wecomBot) await peer.connected();
      // Bot replies go by the outbox as the connection asks; the dispatcher runs so a test can wait for them.
      service.outboxDispatcher.start();
    }
    return new Hall(platform, service, peer, clock, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, databaseUrl, gateway, !options.wecomBot);
  }

  /** The fake WeCom server (WeCom halls). */
  get fake(): FakeWecom {
    if (!(this.peer instanceof FakeWecom)) throw new Error('not a WeCom hall');
    return this.peer;
  }

  /** The fake DingTalk server (DingTalk halls). */
  get dingtalk(): FakeDingtalk {
    if (!(this.peer instanceof FakeDingtalk)) throw new Error('not a DingTalk hall');
    return this.peer;
  }

  /** The fake WeCom intelligent-bot gateway (`wecom-bot` halls). */
  get bot(): FakeWecomBot {
    if (!(this.peer instanceof FakeWecomBot)) throw new Error('not a WeCom bot hall');
    return this.peer;
  }

  /** The fake DingTalk Stream gateway (`dingtalk-stream` halls). */
  get stream(): FakeDingtalkGateway {
    if (!this.gateway) throw new Error('not a DingTalk Stream hall');
    return this.gateway;
  }

  /**
   * Sends a text as a platform user — in a group chat with `group` — lets the
   * outbox deliver, and returns what came of it (`reply`: what the chat it was
   * sent in received).
   */
  async send(from: string, text: string, msgId?: string, { group = false, voice = false } = {}): Promise<Exchange> {
    const before = this.peer.calls.length;
    let status: number;
    let reply: string | null;
    if (this.peer instanceof FakeWecom) {
      ({ status, reply } = await postToWecom(this.url, TEST_WECOM, { from, content: text, msgId, chatId: group ? 'wr-hall-group' : undefined, ...(voice ? { msgType: 'voice' } : {}) }));
      await this.deliver();
    } else if (this.peer instanceof FakeWecomBot) {
      // The connection has no status: an answer on the request stands for the callback's 200.
      reply = await this.peer.message({ from, content: text, msgid: msgId, voice, ...(group ? { chattype: 'group', chatid: 'wr-hall-group' } : {}) });
      status = 200;
      await this.deliver();
    } else {
      const webhook = this.peer.sessionWebhook(group ? 'group' : 'abc');
      const conversationType = group ? '2' : '1';
      const spoken = voice ? { msgtype: 'audio', recognition: text } : {};
      const now = this.clock.now().getTime();
      if (this.gateway) {
        // The stream has no HTTP status: an acknowledged frame stands for the callback's 200.
        const ack = await this.gateway.deliver(dingtalkBody({ from, content: text, msgId, sessionWebhook: webhook, conversationType, ...spoken }, now));
        status = ack.code;
      } else ({ status } = await postToDingtalk(this.url, { from, content: text, msgId, sessionWebhook: webhook, conversationType, ...spoken }, now));
      await this.deliver();
      reply = this.peer.sessionTexts(before).join('\n') || null;
    }
    return { status, reply, ...this.deliveredSince(before) };
  }

  /** Runs the outbox until nothing more is due now. */
  async deliver(): Promise<void> {
    // With the dispatcher running (bot halls), a pass in progress holds its rows: wait for it before draining.
    if (this.peer instanceof FakeWecomBot) await this.service.outboxDispatcher.runOnce();
    await this.service.outboxDispatcher.drain(5_000);
  }

  /** Every call the fake platform received from the service (sends, pushes, replies by API), as it received them. */
  get received(): readonly unknown[] {
    return this.peer.calls;
  }

  /** A mark to pass to {@link deliveredSince}. */
  mark(): number {
    return this.peer.calls.length;
  }

  /** What the outbox delivered to the group and to people after a mark. */
  deliveredSince(before: number): { group: string[]; direct: { to: string; text: string }[] } {
    return { group: this.peer.groupTexts(before), direct: this.peer.directTexts(before) };
  }

  /** Rows in a table, for "nothing stored" checks. */
  async count(table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
    const [row] = await this.service.db.all<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
    return Number(row.n);
  }

  async close(): Promise<void> {
    await this.service.close();
    if (this.ownsPeer) await this.peer.close();
    await this.gateway?.close();
  }
}

/**
 * A hall on a long-connection platform, with hand-moved connection timers and
 * a log the test can wait on (connection events have no HTTP answer to await).
 */
export async function openLinkedHall(platform: TestPlatform): Promise<{ hall: Hall; timers: ReturnType<typeof manualTimers>; logs: ReturnType<typeof captureLog> }> {
  const timers = manualTimers();
  const logs = captureLog();
  return { hall: await Hall.open({ platform, timers, log: logs.log }), timers, logs };
}
