import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { Command, CommandContext } from '../../bot/command';
import type { Person } from '../../bot/directory/directory';
import { UserError } from '../../bot/errors';
import { importGroups } from '../../bot/groups/import';
import type { IncomingMessage } from '../../bot/message';
import { normalise } from '../../bot/normalise';
import { createRouter } from '../../bot/route';
import { localTime } from '../../bot/time';
import { allCommands } from '../../handlers';
import { Hall } from './hall';
import { maskOutgoing } from '../../bot/privacy/numbers';

/**
 * A hall to try example sentences in: every role, a member of each working
 * group, an open critical alert and incident numbered 12 (the number the
 * examples use), stock of 口罩, a third window. Each try runs the message's
 * whole command — routing, roles, parsing, the handler — in a transaction
 * that is rolled back, so every example meets the same hall.
 */
export const CAST = [
  { name: '张三', window: '1号窗口', role: 'staff', wecomUserId: 'zhangsan' },
  { name: '钱门卫', window: '门岗', role: 'guard', wecomUserId: 'qianmw' },
  { name: '赵六', window: '1号窗口', role: 'staff', wecomUserId: 'zhaoliu' },
  { name: '孙七', window: '2号窗口', role: 'staff', wecomUserId: 'sunqi' },
  { name: '周八', window: '2号窗口', role: 'lead', wecomUserId: 'zhouba' },
  { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi' },
  { name: '王五', window: '领导小组', role: 'leader', wecomUserId: 'wangwu' },
  { name: '钱管理', window: '', role: 'admin', wecomUserId: 'qianguanli' },
  { name: '陈一', window: '3号窗口', role: 'staff', wecomUserId: 'chenyi' },
] as const;

/** 赵六 does the rounds, 孙七 keeps the supplies and reports upward, 周八 isolates, sends to hospital and traces. */
const GROUPS = 'group,name\n消毒防疫组,赵六\n综合协调组,孙七\n应急处置组,周八\n';

/** What trying an example as a person came to. */
export interface Trial {
  /** The command the text was routed to (undefined: none took it). */
  command?: string;
  reply: string;
  /** Refused: by role, by its grammar (usage), by the hall's rules. */
  refused: boolean;
}

/** Which hall an example is tried in: `drill` has 张三 a confirmed contact of an open drill (#13) besides. */
export type BenchState = 'plain' | 'drill';

const ROLLBACK = new Error('rolled back on purpose');

export class ExampleBench {
  private readonly route;

  private constructor(
    readonly hall: Hall,
    readonly state: BenchState,
    readonly commands: Command[],
    fallbacks: Command[],
  ) {
    this.route = createRouter(commands, fallbacks);
  }

  /** The hall, on Monday 2026-11-23 at 09:00, with incident 12 open (陈一's 38.6 and cough). */
  static async open(state: BenchState): Promise<ExampleBench> {
    const hall = await Hall.open({ people: [...CAST], now: '2026-11-23T09:00:00+08:00', env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders' } });
    const imported = await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() });
    expect(imported.ok, JSON.stringify(imported.errors)).to.equal(true);
    const db = hall.service.db;
    // The examples say 12: the next alert (and its incident) takes that number.
    if (db.dialect === 'postgres') await db.run("SELECT setval(pg_get_serial_sequence('alert', 'id'), 11)");
    else {
      await db.run("DELETE FROM sqlite_sequence WHERE name = 'alert'");
      await db.run("INSERT INTO sqlite_sequence (name, seq) VALUES ('alert', 11)");
    }
    const said = async (user: string, text: string, expected: string) => expect((await hall.send(user, text)).reply, text).to.contain(expected);
    await said('chenyi', '体温 38.6 咳嗽', '#12');
    await said('sunqi', '入库 口罩 500', '已入库');
    if (state === 'drill') {
      await said('wangwu', '演练 开始 1号窗口', '#13');
      await said('zhouba', '密接 13 确认 张三', '已确认 #13 密接：张三');
    }
    const { commands, fallbacks } = allCommands();
    return new ExampleBench(hall, state, commands, fallbacks);
  }

  /** A person of the cast by platform user id. */
  async person(user: string): Promise<Person> {
    const person = await this.hall.service.services.directory.findByPlatformUser('wecom', user);
    expect(person, user).to.not.equal(undefined);
    return person!;
  }

  /** Sends a text as a person, as the dispatcher would, and rolls everything it did back. */
  async try(user: string, text: string): Promise<Trial> {
    const services = this.hall.service.services;
    const sender = await this.person(user);
    let trial: Trial = { reply: '', refused: true };
    await services.db
      .tx(async (sql) => {
        const routed = this.route(normalise(text));
        if (!routed) {
          trial = { reply: '没看懂', refused: true };
          throw ROLLBACK;
        }
        const command = routed.command.name;
        if (!routed.command.roles.includes(sender.role)) {
          trial = { command, reply: `not for ${sender.role}`, refused: true };
          throw ROLLBACK;
        }
        const now = this.hall.clock.now();
        const message: IncomingMessage = { platform: 'wecom', userId: user, isGroup: false, kind: 'text', text, messageId: randomUUID(), receivedAt: now };
        const ctx: CommandContext = { services, sql, sender, message, keyword: routed.keyword, text: routed.text, args: routed.args, now, local: localTime(now, services.config.timezone) };
        try {
          // The reply as the person reads it: masked as dispatch masks what it sends.
          trial = { command, reply: maskOutgoing(await routed.command.run(ctx)), refused: false };
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          trial = { command, reply: maskOutgoing(err.reply), refused: true };
        }
        throw ROLLBACK;
      })
      .catch((err) => {
        if (err !== ROLLBACK) throw err;
      });
    return trial;
  }

  close(): Promise<void> {
    return this.hall.close();
  }
}
