import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { incidentDeadlines } from '../../jobs/incident-deadlines';
import { Hall } from '../support/hall';

/**
 * SPEC §10, §11: two services on one database (PostgreSQL with
 * TEST_DATABASE_URL, each through its own pool; else one SQLite file) both
 * run the schedule. Each overdue reminder and escalation reaches its people
 * once — whether both fire the same minute (the job ledger) or their clocks
 * differ by a minute (the step's own mark).
 */
describe('two services on one database firing incident-deadlines', () => {
  let first: Hall;
  let second: Hall;
  const env = { WECOM_LEADER_WEBHOOK_KEY: 'leaders' };

  beforeEach(async () => {
    first = await Hall.open({ now: '2026-11-23T08:05:00+08:00', env });
    second = await Hall.open({ now: '2026-11-23T08:05:00+08:00', env, shareDatabaseWith: first });
    const imported = await importGroups(first.service.db, 'group,name\n应急处置组,李四\n应急处置组,周八\n', { now: first.clock.now() });
    expect(imported.ok).to.equal(true);
    await first.send('zhangsan', '体温 38.2');
    await first.send('lisi', '进展 1 隔离 已送隔离室');
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  /** Both services fire at the given local times at once; what both delivered, in one list. */
  async function bothFire(firstAt: string, secondAt: string) {
    const marks = [first.mark(), second.mark()];
    const results = await Promise.all([
      first.service.jobs.runner.fire(incidentDeadlines, new Date(`${firstAt}+08:00`), { trigger: 'scheduler' }),
      second.service.jobs.runner.fire(incidentDeadlines, new Date(`${secondAt}+08:00`), { trigger: 'scheduler' }),
    ]);
    await Promise.all([first.deliver(), second.deliver()]);
    const delivered = [first.deliveredSince(marks[0]), second.deliveredSince(marks[1])];
    return { results, group: delivered.flatMap((d) => d.group), direct: delivered.flatMap((d) => d.direct) };
  }

  it('reminds the owners once and tells the leadership group once when both fire the same minute', async () => {
    const late = await bothFire('2026-11-23T09:10:00', '2026-11-23T09:10:00');
    expect(late.results.map((r) => r.outcome).sort()).to.deep.equal(['already-fired', 'done']);
    expect(late.direct.filter((d) => d.text.includes('【应急 #1 超时】3. 定点送医')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);
    expect(late.group).to.deep.equal([]);

    const twice = await bothFire('2026-11-23T10:10:00', '2026-11-23T10:10:00');
    expect(twice.group.filter((t) => t.includes('【应急 #1 严重超时】3. 定点送医'))).to.have.length(1);
    expect(twice.direct.filter((d) => d.text.includes('3. 定点送医'))).to.deep.equal([]);
  });

  it('still sends each once when their clocks fire a minute apart', async () => {
    const late = await bothFire('2026-11-23T09:10:00', '2026-11-23T09:11:00');
    expect(late.results.map((r) => r.outcome)).to.deep.equal(['done', 'done']);
    expect(late.direct.filter((d) => d.text.includes('3. 定点送医')).map((d) => d.to).sort()).to.deep.equal(['lisi', 'zhouba']);

    const twice = await bothFire('2026-11-23T10:10:00', '2026-11-23T10:11:00');
    expect(twice.group.filter((t) => t.includes('【应急 #1 严重超时】3. 定点送医'))).to.have.length(1);
    expect(twice.group, 'no text twice').to.have.length(new Set(twice.group).size);
  });
});
