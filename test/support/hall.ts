import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/config';
import { silentLogger, type Logger } from '../../bot/log';
import { createService, type Service } from '../../bot/service';
import { ManualClock } from '../../bot/time';
import { openDatabase } from '../../bot/db/open';
import { openTestDatabase, seedStaff, testDatabaseUrl } from './db';
import { FakeWecom } from './fake-wecom';
import { postToWecom, TEST_WECOM, wecomEnv } from './wecom-client';

/** What one message brought about: the reply the sender saw, and what the outbox delivered. */
export interface Exchange {
  status: number;
  reply: string | null;
  /** Texts pushed to the leadership group. */
  group: string[];
  /** Direct messages delivered, one per recipient (WeCom user id). */
  direct: { to: string; text: string }[];
}

/** The people most conversation tests use. */
export const PEOPLE = [
  { name: '张三', window: '1号窗口', role: 'staff', wecomUserId: 'zhangsan', mobile: '13800000001' },
  { name: '赵六', window: '1号窗口', role: 'staff', wecomUserId: 'zhaoliu', mobile: '13800000004' },
  { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi', mobile: '13800000002' },
  { name: '孙七', window: '2号窗口', role: 'staff', wecomUserId: 'sunqi', mobile: '13800000005' },
  { name: '周八', window: '2号窗口', role: 'lead', wecomUserId: 'zhouba', mobile: '13800000006' },
  { name: '王五', window: '领导小组', role: 'leader', wecomUserId: 'wangwu', mobile: '13800000003' },
];

/**
 * The real service on a free loopback port, with WeCom pointed at a fake WeCom
 * server and a hand-moved clock: a test talks to it as WeCom would, with real
 * signatures and encryption (STYLE.md "Tests read like a conversation").
 */
export class Hall {
  private constructor(
    readonly service: Service,
    readonly fake: FakeWecom,
    readonly clock: ManualClock,
    readonly url: string,
    readonly databaseUrl: string,
  ) {}

  /**
   * `shareDatabaseWith`: a second instance on the first one's database —
   * through its own connection pool on PostgreSQL; on SQLite through the same
   * connection, since two better-sqlite3 connections in one thread would block
   * each other (separate processes do not: see the CLI tests).
   */
  static async open(
    options: { now?: string; env?: Record<string, string>; people?: typeof PEOPLE; shareable?: boolean; shareDatabaseWith?: Hall; log?: Logger } = {},
  ): Promise<Hall> {
    const clock = new ManualClock(options.now ?? '2026-11-23T08:05:00+08:00');
    const fake = await FakeWecom.start();
    const config = loadConfig({ ...wecomEnv(fake.url), ...options.env });
    const shared = options.shareDatabaseWith;
    const databaseUrl = shared?.databaseUrl ?? testDatabaseUrl(options.shareable);
    const db = !shared ? await openTestDatabase(undefined, databaseUrl) : databaseUrl.startsWith('sqlite:') ? shared.service.db : await openDatabase(databaseUrl);
    if (!shared) await seedStaff(db, options.people ?? PEOPLE);
    const service = await createService({ config, log: options.log ?? silentLogger, clock, db });
    const server = await service.listen(0, '127.0.0.1', { background: false });
    return new Hall(service, fake, clock, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, databaseUrl);
  }

  /** Sends a text as a WeCom user, lets the outbox deliver, and returns what came of it. */
  async send(from: string, text: string, msgId?: string): Promise<Exchange> {
    const before = this.fake.calls.length;
    const res = await postToWecom(this.url, TEST_WECOM, { from, content: text, msgId });
    await this.deliver();
    return { status: res.status, reply: res.reply, ...this.deliveredSince(before) };
  }

  /** Runs the outbox until nothing more is due now. */
  async deliver(): Promise<void> {
    await this.service.outboxDispatcher.drain(5_000);
  }

  /** What the outbox delivered after the fake's call number `before`. */
  deliveredSince(before: number): { group: string[]; direct: { to: string; text: string }[] } {
    return { group: this.fake.groupTexts(before), direct: this.fake.directTexts(before) };
  }

  /** Rows in a table, for "nothing stored" checks. */
  async count(table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
    const [row] = await this.service.db.all<{ n: unknown }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
    return Number(row.n);
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.fake.close();
  }
}
