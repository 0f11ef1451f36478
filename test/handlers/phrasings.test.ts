import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { normalise } from '../../bot/normalise';
import { createRouter } from '../../bot/route';
import { allCommands } from '../../handlers';
import { parseReport } from '../../handlers/health/grammar';

/** One phrasing and what it must be read as: a reading, a refusal of a report, or a command. */
interface Phrasing {
  text: string;
  reading?: { temperature: number; slot: string | null; code: string | null; symptoms: string[] | null };
  refusal?: string;
  command?: string;
}

const PHRASINGS: Phrasing[] = JSON.parse(readFileSync(new URL('../fixtures/phrasings.json', import.meta.url), 'utf8'));
const TODAY = '2026-12-02';
const { commands, fallbacks } = allCommands();
const route = createRouter(commands, fallbacks);

describe('phrasings people type (test/fixtures/phrasings.json)', () => {
  it('has at least 250 phrasings, each with one expectation', () => {
    expect(PHRASINGS.length).to.be.at.least(250);
    for (const p of PHRASINGS) expect([p.reading, p.refusal, p.command].filter((x) => x !== undefined), p.text).to.have.length(1);
  });

  for (const p of PHRASINGS) {
    it(`${JSON.stringify(p.text)} → ${p.command ?? p.refusal ?? JSON.stringify(p.reading)}`, () => {
      const routed = route(normalise(p.text));
      if (p.command) return expect(routed?.command.name, 'command').to.equal(p.command);
      expect(routed?.command.name, 'routed as a report').to.equal('体温上报');
      const parsed = parseReport(routed!.text, { today: TODAY });
      if (p.refusal) return expect(parsed.kind).to.equal(p.refusal);
      if (parsed.kind !== 'report') expect.fail(`refused as ${JSON.stringify(parsed)}`);
      const { temperature, slot, healthCode, symptoms } = parsed;
      expect({ temperature, slot: slot ?? null, code: healthCode ?? null, symptoms }).to.deep.equal(p.reading);
    });
  }
});
