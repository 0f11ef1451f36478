import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { WorkCalendar } from '../bot/calendar';
import { localTime } from '../bot/time';
import { openDatabase } from '../bot/db/open';
import { openTestDatabase, seedStaff, testDatabaseUrl } from './support/db';
import { FakeWecom } from './support/fake-wecom';
import { buildWecomPost, decryptPassiveReply, TEST_WECOM, wecomEnv } from './support/wecom-client';
import { startInstance, stopStarted, until, untilAsync } from './support/instances';

/** Forty names without digits (a digit ends the name in `代报 名字 36.5`). */
const NAMES = Array.from({ length: 40 }, (_, i) => `员工${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯'[Math.floor(i / 10)]}`);

describe('two service instances on one database', function () {
  this.timeout(60_000);
  let fake: FakeWecom;
  let instances: { child: ChildProcess; url: string }[] = [];
  let url: string;

  before(async () => {
    fake = await FakeWecom.start();
    url = testDatabaseUrl(true);
    const now = new Date();
    const db = await openTestDatabase(new Date(now.getTime() - 3 * 60_000), url);
    const lead = { name: '李四', window: '1号窗口', role: 'lead', wecomUserId: 'lisi' };
    const staff = NAMES.map((name, i) => ({ name, window: '1号窗口', role: 'staff', wecomUserId: `u${i + 1}` }));
    await seedStaff(db, [lead, ...staff]);
    // Whatever today is, it is a workday for this test: the summary job must run.
    await new WorkCalendar(db).set(localTime(now, 'Asia/Shanghai').date, 'workday', now);
    await db.close();
    const env = {
      ...wecomEnv(fake.url),
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      SIMULATOR: 'off',
      // Every minute, so the start-up catch-up of both instances competes for the last few firings.
      CRON_MORNING_SUMMARY: '* * * * *',
      CRON_MORNING_NUDGE: '0 0 1 1 *',
      CRON_ROSTER_REMINDER: '0 0 1 1 *',
      CRON_ROSTER_DEADLINE: '0 0 1 1 *',
      CRON_ALERT_ESCALATION: '0 0 1 1 *',
    };
    instances = await Promise.all([startInstance(env), startInstance(env)]);
  });

  after(async () => {
    await stopStarted();
    await fake.close();
  });

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const db = await openDatabase(url);
    try {
      return await db.all<T>(sql, params);
    } finally {
      await db.close();
    }
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await query<{ n: unknown }>(sql, params))[0].n);

  it('records a message re-delivered to the other instance once, and both answer alike', async () => {
    const { query: q, body } = buildWecomPost(TEST_WECOM, { from: 'u1', content: '晨检 36.6', msgId: '9000000000000000001' });
    const answers = await Promise.all(
      instances.flatMap(({ url: base }) => [0, 1].map(() => fetch(`${base}/wecom/callback?${q}`, { method: 'POST', body }).then((r) => r.text()))),
    );
    const replies = answers.map((a) => decryptPassiveReply(TEST_WECOM, a)?.content);
    expect(new Set(replies).size).to.equal(1);
    expect(replies[0]).to.contain('36.6℃');
    expect(await count(`SELECT count(*) AS n FROM report`)).to.equal(1);
    expect(await count(`SELECT count(*) AS n FROM inbound_message WHERE message_id = ?`, ['9000000000000000001'])).to.equal(1);
  });

  it('sends every scheduled firing once, though both instances catch up on it and both run the schedule', async () => {
    const done = () => count(`SELECT count(*) AS n FROM job_firing WHERE job = 'morning-summary' AND outcome = 'done'`);
    await untilAsync('both catch-ups', async () => (await done()) >= 3);
    let expected = await done();
    await until('a summary per firing', () => fake.groupTexts().filter((t) => t.startsWith('【晨检汇总】')).length >= expected);
    expected = await done();
    await until('a summary per firing', () => fake.groupTexts().filter((t) => t.startsWith('【晨检汇总】')).length >= expected);
    const titles = fake.groupTexts().filter((t) => t.startsWith('【晨检汇总】')).map((t) => t.split('\n')[0]);
    expect(new Set(titles).size).to.equal(titles.length);
    const rows = await query<{ scheduledFor: string }>(`SELECT scheduled_for AS "scheduledFor" FROM job_firing WHERE job = 'morning-summary' AND outcome = 'done'`);
    expect(titles.length).to.be.within(rows.length, rows.length + 1);
  });

  it('sends each outbox message once while both dispatchers run', async () => {
    const before = fake.calls.length;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const { query: q, body } = buildWecomPost(TEST_WECOM, { from: 'lisi', content: `代报 ${NAMES[i]} 36.5`, msgId: String(9100000000000000000n + BigInt(i)) });
        return fetch(`${instances[i % 2].url}/wecom/callback?${q}`, { method: 'POST', body }).then((r) => r.text());
      }),
    );
    await until('40 people told of their 代报', () => fake.directTexts(before).length >= 40);
    const settled = async () => (await count(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')`)) === 0;
    await untilAsync('an empty queue', settled);
    const recipients = fake.directTexts(before).map((d) => d.to);
    expect(recipients).to.have.length(40);
    expect(new Set(recipients).size).to.equal(40);
  });
});
