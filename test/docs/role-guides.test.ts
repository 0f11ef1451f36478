import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Command } from '../../bot/command';
import { localTime } from '../../bot/time';
import { allCommands } from '../../handlers';
import { commandStarts, looksLikeExample } from '../../handlers/conversation/examples';
import { commandsFor, helpReader } from '../../handlers/conversation/help';
import { guideContent, ROOT, type GuideExample, type GuideRow } from '../support/docs';
import { CAST, ExampleBench } from '../support/example-bench';

/**
 * Issue 23 item 7: each role's guide in docs/roles lists every command that
 * `帮助` lists for that role, and every example in it is sent, as a person of
 * that role, through the same bench that tries the bot's own examples
 * (test/conversation/examples.test.ts), and must be accepted by the command
 * its row names.
 */
type User = (typeof CAST)[number]['wecomUserId'];

interface Guide {
  /** Who sends the guide's examples. */
  sender: User;
  /**
   * Sections (by `##` heading) written for a working group: sent by a member
   * of it, and listing what that member's `帮助` adds to a colleague of the
   * same role in no group (`baseline`).
   */
  groups?: Record<string, { sender: User; baseline: User }>;
}

/** Every guide of docs/roles and who reads it (the bench's working groups: 赵六 消毒防疫组, 孙七 综合协调组, 周八 应急处置组). */
const GUIDES: Record<string, Guide> = {
  'staff.md': { sender: 'zhangsan' },
  'lead.md': { sender: 'lisi' },
  'leader.md': { sender: 'wangwu' },
  'guard.md': { sender: 'qianmw' },
  'admin.md': { sender: 'qianguanli' },
  'group-member.md': {
    sender: 'zhangsan',
    groups: { 消毒防疫组: { sender: 'zhaoliu', baseline: 'zhangsan' }, 综合协调组: { sender: 'sunqi', baseline: 'zhangsan' }, 应急处置组: { sender: 'zhouba', baseline: 'lisi' } },
  },
};

/**
 * 进展's own help line offers the step-first form (`隔离 12 已送隔离室`), which
 * the router hands to a keyword command of its own: it is the same action.
 */
const SAME_ACTION: Record<string, string> = { 应急步骤: '进展' };

const { commands } = allCommands();
const starts = commandStarts(commands);
const isExample = (text: string) => looksLikeExample(text, starts);
const name = (user: User) => CAST.find((c) => c.wecomUserId === user)!;

/** The command a 命令 cell names: by its name, or by the label of its help line (上报体温). */
function claimed(cell: string): Command | undefined {
  return commands.find((c) => c.name === cell || (typeof c.help === 'string' && c.help.split('：')[0] === cell));
}

const guides = Object.entries(GUIDES).map(([file, guide]) => {
  const { rows, examples } = guideContent(join('docs/roles', file), isExample);
  const senderOf = (section: string): User => guide.groups?.[section]?.sender ?? guide.sender;
  return { file, guide, rows, examples, senderOf };
});

describe('the role guides in docs/roles', function () {
  this.timeout(180_000);
  /** Per person, the commands their `帮助` lists. */
  const listed = new Map<User, string[]>();
  /** Per person and example: the command that took it when accepted, or every refusal. */
  const outcome = new Map<string, { accepted: string[]; refusals: string[] }>();
  const key = (user: User, text: string) => `${user}\u0000${text}`;

  before(async () => {
    const trials = guides.flatMap(({ examples, senderOf }) => examples.map((e) => ({ user: senderOf(e.section), text: e.text })));
    const people = new Set<User>([...guides.flatMap(({ guide }) => [guide.sender, ...Object.values(guide.groups ?? {}).flatMap((g) => [g.sender, g.baseline])])]);
    for (const state of ['plain', 'drill'] as const) {
      const bench = await ExampleBench.open(state);
      try {
        if (state === 'plain') {
          const services = bench.hall.service.services;
          const today = localTime(bench.hall.clock.now(), services.config.timezone).date;
          for (const user of people) listed.set(user, commandsFor(commands, await helpReader(services.db, services, await bench.person(user), today)).map((c) => c.name));
        }
        for (const { user, text } of trials) {
          const result = outcome.get(key(user, text)) ?? { accepted: [], refusals: [] };
          outcome.set(key(user, text), result);
          const trial = await bench.try(user, text);
          if (trial.refused) result.refusals.push(`${state}：${trial.command ?? '—'}：${trial.reply.split('\n')[0]}`);
          else result.accepted.push(trial.command!);
        }
      } finally {
        await bench.close();
      }
    }
  });

  it('has a guide for each role and no guide the test does not read', () => {
    const files = readdirSync(join(ROOT, 'docs/roles')).filter((f) => f.endsWith('.md'));
    expect(files.sort()).to.deep.equal(Object.keys(GUIDES).sort());
  });

  for (const { file, guide, rows, examples, senderOf } of guides) {
    const reader = name(guide.sender);
    describe(`docs/roles/${file}`, () => {
      it('names a real command in every row of its command tables, each row with an example', () => {
        expect(rows.length, 'command tables (命令 | 例句)').to.be.at.least(3);
        for (const row of rows) {
          expect(claimed(row.claim), `line ${row.line}: 「${row.claim}」 is no command (${commands.map((c) => c.name).join(' ')})`).to.not.equal(undefined);
          expect(row.examples, `line ${row.line}: 「${row.claim}」 has no example`).to.not.be.empty;
        }
      });

      const sections: [string, GuideRow[], User, User | undefined][] = guide.groups
        ? Object.entries(guide.groups).map(([group, g]) => [group, rows.filter((r) => r.section === group), g.sender, g.baseline])
        : [['', rows, guide.sender, undefined]];
      for (const [section, sectionRows, sender, baseline] of sections) {
        const who = `${name(sender).name}（${name(sender).role}${section ? `，${section}` : ''}）`;
        it(`lists every command 帮助 lists for ${who}`, () => {
          const covered = new Set(sectionRows.map((r) => claimed(r.claim)?.name));
          const own = listed.get(sender)!;
          const expected = baseline ? own.filter((c) => !listed.get(baseline)!.includes(c)) : own;
          expect(expected, `the commands of ${who}`).to.not.be.empty;
          expect(expected.filter((c) => !covered.has(c)), `commands of ${who} missing from ${section || file}`).to.deep.equal([]);
        });
      }

      it(`has every example accepted from the person it is written for (${reader.name}, ${reader.role}), by the command it names`, () => {
        expect(examples.length, 'examples found').to.be.at.least(rows.length);
        const failures = examples.flatMap((e: GuideExample) => {
          const user = senderOf(e.section);
          const { accepted, refusals } = outcome.get(key(user, e.text))!;
          const want = e.claim === undefined ? undefined : claimed(e.claim)?.name;
          const took = accepted.map((c) => SAME_ACTION[c] ?? c);
          if (took.length && (want === undefined || took.includes(want))) return [];
          const why = took.length ? `taken by ${took.join('/')}, not ${want}` : refusals.join('；');
          return [`line ${e.line}: ${name(user).name} sends ${JSON.stringify(e.text)}${want ? ` as ${want}` : ''} → ${why}`];
        });
        expect(failures, failures.join('\n')).to.deep.equal([]);
      });
    });
  }
});
