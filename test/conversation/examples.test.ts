import { expect } from 'chai';
import { commandStarts, examplesIn } from '../../handlers/conversation/examples';
import { allCommands } from '../../handlers';
import { fillBlanks, printedStrings } from '../support/catalogue-examples';
import { CAST, ExampleBench, type Trial } from '../support/example-bench';

/**
 * Issue 22 item 3: every example sentence the bot prints — `如：…`, `例如：…`,
 * usage lines, help lines, `回复：…`, drill instructions, in every catalogue
 * and page — found in the sources by its shape (no list of examples), its
 * placeholders filled with what the hall holds, is accepted by the command it
 * names when sent by one of the people it is shown to.
 */
const starts = commandStarts(allCommands().commands);
const found = new Map<string, { at: string[]; sentence: string }>();
for (const { at, text } of printedStrings()) {
  for (const example of examplesIn(text, starts).map(fillBlanks)) {
    const seen = found.get(example);
    if (seen) seen.at.push(at);
    else found.set(example, { at: [at], sentence: text });
  }
}

describe('every example the bot prints is one it accepts', function () {
  this.timeout(120_000);
  /** Per example, the person who could send it, or every refusal. One bench at a time: on PostgreSQL halls share the test schema. */
  const outcome = new Map<string, { acceptedBy?: string; refusals: string[] }>();
  before(async () => {
    for (const example of found.keys()) outcome.set(example, { refusals: [] });
    for (const state of ['plain', 'drill'] as const) {
      const bench = await ExampleBench.open(state);
      try {
        for (const [example, result] of outcome) {
          for (const { wecomUserId, name, role } of CAST) {
            if (result.acceptedBy) break;
            const trial: Trial = await bench.try(wecomUserId, example);
            if (trial.refused) result.refusals.push(`${state} ${name}（${role}）→ ${trial.command ?? '—'}：${trial.reply.split('\n')[0]}`);
            else result.acceptedBy = `${state} ${name}`;
          }
        }
      } finally {
        await bench.close();
      }
    }
  });

  it('finds the examples of every catalogue by their shape', () => {
    const files = new Set([...found.values()].flatMap((f) => f.at.map((a) => a.split(':')[0])));
    for (const catalogue of ['bot/messages.ts', 'bot/incidents/messages.ts', 'bot/incidents/contact-messages.ts', 'bot/drills/messages.ts', 'bot/sweep/messages.ts', 'bot/disinfection/messages.ts', 'bot/supplies/messages.ts', 'bot/door/messages.ts', 'bot/rosters/messages.ts', 'handlers/incidents/progress.ts']) {
      expect([...files], catalogue).to.include(catalogue);
    }
    expect(found.size).to.be.at.least(50);
    for (const drill of ['演练 36.5 绿码', '演练 结束', '演练 开始 1号窗口']) expect([...found.keys()]).to.include(drill);
  });

  for (const [example, { at, sentence }] of found) {
    it(`${JSON.stringify(example)} (${[...new Set(at)].join(', ')})`, () => {
      expect(example, `a blank or placeholder without a sample in: ${sentence}`).to.not.match(/[⟦<>[\]]/);
      const result = outcome.get(example)!;
      if (!result.acceptedBy) expect.fail(`no one it is shown to can send it, in: ${sentence}\n${result.refusals.join('\n')}`);
    });
  }
});
