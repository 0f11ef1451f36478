import { expect } from 'chai';
import { runCli } from '../support/cli';
import { useCliHall } from '../support/cli-hall';

const cli = runCli;

describe('npm run cli -- jobs / calendar', function () {
  this.timeout(60_000);
  const hall = useCliHall();

  it('fires a job once when two processes run it for the same minute, and sends its messages before exiting', async () => {
    const at = ['jobs', 'run', 'morning-nudge', '--at', '2026-11-23T07:30:00+08:00'];
    const [a, b] = await Promise.all([cli(at, hall.env), cli(at, hall.env)]);
    expect([a.code, b.code], a.stderr + b.stderr).to.deep.equal([0, 0]);
    const outputs = [a.stdout, b.stdout].join('\n');
    expect(outputs).to.contain('done: 提醒 6 人晨检').and.contain('already fired');
    expect(hall.fake.callsTo('/cgi-bin/message/send')).to.have.length(1);
    expect(hall.fake.directTexts().map((d) => d.to).sort()).to.deep.equal(['lisi', 'sunqi', 'wangwu', 'zhangsan', 'zhaoliu', 'zhouba']);
  });

  it('re-runs with --force, and says so on a holiday instead of running', async () => {
    hall.fake.reset();
    const forced = await cli(['jobs', 'run', 'morning-nudge', '--at', '2026-11-23T07:30:00+08:00', '--force'], hall.env);
    expect(forced.stdout).to.contain('done');
    expect(hall.fake.directTexts()).to.have.length(6);
    const holiday = await cli(['jobs', 'run', 'morning-summary', '--at', '2026-10-01T08:45:00+08:00'], hall.env);
    expect(holiday.stdout).to.contain('不是工作日');
    expect(hall.fake.groupTexts()).to.deep.equal([]);
  });

  it('lists each job with its schedule and last firings', async () => {
    const { stdout } = await cli(['jobs', 'list'], hall.env);
    expect(stdout).to.contain('morning-nudge  30 7 * * *').and.contain('2026-11-23T07:30 #1  done');
    expect(stdout).to.contain('morning-summary  45 8 * * *').and.contain('2026-10-01T08:45  not-workday');
    expect(stdout).to.contain('alert-escalation  */5 * * * *');
  });

  it('overrides the calendar: a holiday set for a workday stops the job', async () => {
    expect((await cli(['calendar', 'set', '2026-11-24', 'holiday'], hall.env)).code).to.equal(0);
    expect((await cli(['calendar', 'list'], hall.env)).stdout).to.contain('2026-11-24  holiday');
    expect((await cli(['jobs', 'run', 'morning-nudge', '--at', '2026-11-24T07:30:00+08:00'], hall.env)).stdout).to.contain('不是工作日');
    expect((await cli(['calendar', 'set', '2026-11-31', 'holiday'], hall.env)).code).to.equal(2);
  });

  it('refuses an unknown job and a malformed time', async () => {
    expect((await cli(['jobs', 'run', 'lunch'], hall.env)).code).to.equal(2);
    expect((await cli(['jobs', 'run', 'morning-nudge', '--at', 'tomorrow'], hall.env)).code).to.equal(2);
  });
});
