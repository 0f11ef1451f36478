import FakeTimers from '@sinonjs/fake-timers';
import { expect } from 'chai';
import type { Services } from '../../bot/command';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/log';
import { systemClock } from '../../bot/time';
import { JOBS } from '../../jobs';
import type { Job } from '../../jobs/job';
import type { JobRunner } from '../../jobs/runner';
import { JobScheduler, scheduledBetween } from '../../jobs/scheduler';
import { cronsOf } from '../../jobs/job';
import { localClock } from '../../bot/time';

/** A runner that records what the scheduler asked it to fire, and can be held mid-firing. */
function recordingRunner(hold?: Promise<void>) {
  const fired: { job: string; at: string; trigger: string }[] = [];
  const runner = {
    async fire(job: Job, at: Date, { trigger }: { trigger: string }) {
      fired.push({ job: job.name, at: at.toISOString(), trigger });
      await hold;
      return { job: job.name, scheduledFor: '', outcome: 'done' as const, detail: '' };
    },
  } as unknown as JobRunner;
  return { runner, fired };
}

describe('job scheduler (node-cron)', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  afterEach(() => clock.uninstall());

  const services = (env: Record<string, string> = {}) => ({ config: loadConfig(env), log: silentLogger, clock: systemClock }) as unknown as Services;

  it('fires each job at its time in the hall time zone, whatever the server zone', async () => {
    clock = FakeTimers.install({ now: new Date('2026-11-23T07:29:50+08:00'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { runner, fired } = recordingRunner();
    const scheduler = new JobScheduler(services(), runner, JOBS);
    scheduler.start();
    await clock.tickAsync(75_000);
    await scheduler.stop();
    expect(fired).to.deep.include({ job: 'morning-nudge', at: '2026-11-22T23:30:00.000Z', trigger: 'scheduler' });
    expect(fired.map((f) => f.job).sort()).to.deep.equal(['alert-escalation', 'incident-deadlines', 'morning-nudge']);
  });

  it('follows a configured time', async () => {
    clock = FakeTimers.install({ now: new Date('2026-11-23T06:59:50+08:00'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { runner, fired } = recordingRunner();
    const scheduler = new JobScheduler(services({ CRON_MORNING_NUDGE: '0 7 * * *', CRON_ALERT_ESCALATION: '*/5 * * * *' }), runner, JOBS);
    scheduler.start();
    await clock.tickAsync(20_000);
    await scheduler.stop();
    expect(fired.find((f) => f.job === 'morning-nudge')?.at).to.equal('2026-11-22T23:00:00.000Z');
  });

  it('waits on stop for the firing in progress to finish', async () => {
    clock = FakeTimers.install({ now: new Date('2026-11-23T07:29:59+08:00'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    let release!: () => void;
    const { runner, fired } = recordingRunner(new Promise<void>((resolve) => (release = resolve)));
    const scheduler = new JobScheduler(services(), runner, JOBS);
    scheduler.start();
    await clock.tickAsync(2_000);
    expect(fired.length).to.be.greaterThan(0);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await clock.tickAsync(1_000);
    expect(stopped).to.equal(false);
    release();
    await stopping;
    expect(stopped).to.equal(true);
  });

  it('derives the disinfection schedules from DISINFECTION_ROUNDS: each round, and 45 minutes after it', async () => {
    clock = FakeTimers.install({ now: new Date('2026-11-23T08:59:50+08:00'), toFake: ['Date'] });
    const day = (env: Record<string, string>, name: string) => {
      const config = loadConfig(env);
      const job = JOBS.find((j) => j.name === name)!;
      const from = Date.parse('2026-11-23T00:00:00+08:00');
      return cronsOf(job, config)
        .flatMap((c) => scheduledBetween(c, config.timezone, from, from + 86_400_000))
        .sort((a, b) => a.getTime() - b.getTime())
        .map((at) => localClock(at, config.timezone));
    };
    expect(day({}, 'disinfection-reminder')).to.deep.equal(['08:00', '12:00', '17:30']);
    expect(day({}, 'disinfection-check')).to.deep.equal(['08:45', '12:45', '18:15']);
    expect(day({ DISINFECTION_ROUNDS: '9:00,14:30,23:10' }, 'disinfection-reminder')).to.deep.equal(['09:00', '14:30', '23:10']);
    expect(day({ DISINFECTION_ROUNDS: '9:00,14:30,23:10' }, 'disinfection-check')).to.deep.equal(['09:45', '15:15', '23:55']);
  });

  it('fires a configured round at its time', async () => {
    clock = FakeTimers.install({ now: new Date('2026-11-23T14:29:50+08:00'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { runner, fired } = recordingRunner();
    const scheduler = new JobScheduler(services({ DISINFECTION_ROUNDS: '09:00,14:30' }), runner, JOBS);
    scheduler.start();
    await clock.tickAsync(20_000);
    await scheduler.stop();
    expect(fired.filter((f) => f.job.startsWith('disinfection'))).to.deep.equal([{ job: 'disinfection-reminder', at: '2026-11-23T06:30:00.000Z', trigger: 'scheduler' }]);
  });
});
