import { expect } from 'chai';
import { captureLog } from '../support/capture-log';
import { Hall } from '../support/hall';

describe('catching up firings missed while the service was down', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  const firings = () =>
    hall.service.db.all<{ job: string; scheduledFor: string; outcome: string; trigger: string }>(
      'SELECT job, scheduled_for AS "scheduledFor", outcome, trigger FROM job_firing ORDER BY scheduled_for, job',
    );

  it('runs morning-nudge at start-up when the service was down from 07:00 to 08:00', async () => {
    hall = await Hall.open({ now: '2026-11-23T06:59:00+08:00' });
    await hall.service.jobs.scheduler.catchUp(new Date('2026-11-23T06:59:00+08:00'));
    const before = hall.fake.calls.length;
    hall.clock.set('2026-11-23T08:00:00+08:00');
    const results = await hall.service.jobs.scheduler.catchUp();
    await hall.deliver();
    expect(results.filter((r) => r.job === 'morning-nudge')).to.deep.equal([
      { job: 'morning-nudge', scheduledFor: '2026-11-23T07:30', outcome: 'done', detail: '提醒 6 人晨检' },
    ]);
    expect(hall.fake.directTexts(before)).to.have.length(6);
    expect((await firings()).find((f) => f.scheduledFor === '2026-11-23T07:30')).to.include({ outcome: 'done', trigger: 'catch-up' });
  });

  it('skips and logs morning-nudge when the service was down until 10:00, but still sends the 08:45 summary', async () => {
    const { log, lines } = captureLog();
    hall = await Hall.open({ now: '2026-11-23T06:59:00+08:00', log });
    await hall.service.jobs.scheduler.catchUp(new Date('2026-11-23T06:59:00+08:00'));
    const before = hall.fake.calls.length;
    hall.clock.set('2026-11-23T10:00:00+08:00');
    await hall.service.jobs.scheduler.catchUp();
    await hall.deliver();
    expect(hall.fake.directTexts(before)).to.deep.equal([]);
    const group = hall.fake.groupTexts(before);
    expect(group.filter((t) => t.includes('晨检汇总'))).to.have.length(1);
    // 08:45's disinfection check is within its grace: the 08:00 round's areas were not logged.
    expect(group.filter((t) => t.includes('【消杀未完成】11月23日 08:00 轮次'))).to.have.length(1);
    // 09:00's calendar warning is caught up too: in November 2026 the 2027 notice is still missing.
    expect(group.filter((t) => !t.includes('晨检汇总') && !t.includes('消杀未完成'))).to.have.length(1).and.satisfy((rest: string[]) => rest[0].includes('尚未载入 2027 年'));
    const rows = await firings();
    expect(rows.find((f) => f.scheduledFor === '2026-11-23T07:30')).to.include({ job: 'morning-nudge', outcome: 'missed' });
    expect(rows.find((f) => f.scheduledFor === '2026-11-23T08:45' && f.job === 'morning-summary')).to.include({ outcome: 'done' });
    const warning = lines.find((l) => l.job === 'morning-nudge' && l.scheduledFor === '2026-11-23T07:30' && String(l.msg).includes('missed'));
    expect(warning).to.include({ level: 40, lateMinutes: 150 });
  });

  it('runs only the latest missed escalation', async () => {
    hall = await Hall.open({ now: '2026-11-23T06:59:00+08:00' });
    await hall.service.jobs.scheduler.catchUp(new Date('2026-11-23T06:59:00+08:00'));
    hall.clock.set('2026-11-23T09:02:00+08:00');
    const results = await hall.service.jobs.scheduler.catchUp();
    expect(results.filter((r) => r.job === 'alert-escalation').map((r) => r.scheduledFor)).to.deep.equal(['2026-11-23T09:00']);
  });

  it('does nothing twice: a second start-up finds every firing in the ledger', async () => {
    hall = await Hall.open({ now: '2026-11-23T08:00:00+08:00' });
    await hall.service.jobs.scheduler.catchUp();
    expect(await hall.service.jobs.scheduler.catchUp()).to.deep.equal([]);
  });

  it('never fires for times before the database was first initialised', async () => {
    hall = await Hall.open({ now: '2026-11-23T08:00:00+08:00' });
    await hall.service.db.run(`UPDATE app_meta SET value = ? WHERE key = 'initialised_at'`, ['2026-11-22T23:40:00.000Z']);
    const results = await hall.service.jobs.scheduler.catchUp();
    // 08:00 is also the first disinfection round.
    expect(results.map((r) => r.job)).to.deep.equal(['alert-escalation', 'incident-deadlines', 'contact-readings', 'disinfection-reminder']);
    expect(await hall.count('job_firing', 'job = ?', ['morning-nudge'])).to.equal(0);
  });
});
