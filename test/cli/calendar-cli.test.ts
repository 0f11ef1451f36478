import { expect } from 'chai';
import { runCli } from '../support/cli';
import { useCliHall } from '../support/cli-hall';

const notice2027 = new URL('../fixtures/calendar/notice-2027-sample.txt', import.meta.url).pathname;

describe('npm run cli -- calendar, for a year the package does not know', function () {
  this.timeout(60_000);
  const hall = useCliHall();

  it('does nothing on New Year’s Day and on the Monday of Spring Festival 2027, and says why', async () => {
    for (const at of ['2027-01-01T07:30:00+08:00', '2027-02-08T07:30:00+08:00']) {
      const run = await runCli(['jobs', 'run', 'morning-nudge', '--at', at], hall.env);
      expect(run.stdout, at).to.contain('不是工作日');
    }
    const deadline = await runCli(['jobs', 'run', 'roster-deadline', '--at', '2027-02-05T16:00:00+08:00'], hall.env);
    expect(deadline.stdout).to.contain('不是工作日');
    expect(hall.fake.directTexts()).to.deep.equal([]);
    expect(hall.fake.groupTexts()).to.deep.equal([]);
  });

  it('says next year has no official data, then imports the notice and runs the jobs on its make-up Saturday', async () => {
    const before = await runCli(['calendar', 'status', '--at', '2026-11-15'], hall.env);
    expect(before.stdout).to.match(/2026 {2}chinese-days/).and.match(/2027 {2}没有官方调休数据/).and.contain('calendar import');
    const saturday = ['jobs', 'run', 'morning-nudge', '--at', '2027-02-20T07:30:00+08:00'];
    expect((await runCli(saturday, hall.env)).stdout).to.contain('不是工作日');

    const dry = await runCli(['calendar', 'import', notice2027, '--dry-run'], hall.env);
    expect(dry.code, dry.stderr).to.equal(0);
    expect(dry.stdout).to.contain('上班 workday  春节  2027-02-20（周六）').and.contain('nothing stored');
    const imported = await runCli(['calendar', 'import', notice2027], hall.env);
    expect(imported.stdout).to.contain('已导入 2027 年');
    const after = await runCli(['calendar', 'status', '--at', '2026-11-15'], hall.env);
    expect(after.stdout).to.match(/2027 {2}已导入国务院通知/).and.not.contain('⚠️');

    const run = await runCli([...saturday.slice(0, 4), '2027-02-20T07:31:00+08:00'], hall.env);
    expect(run.stdout).to.contain('done');
    expect(hall.fake.directTexts().map((d) => d.to).sort()).to.deep.equal(['lisi', 'sunqi', 'wangwu', 'zhangsan', 'zhaoliu', 'zhouba']);
  });

  it('lists where each special day of a year comes from, with overrides above all', async () => {
    expect((await runCli(['calendar', 'set', '2027-10-08', 'holiday'], hall.env)).code).to.equal(0);
    const { stdout } = await runCli(['calendar', 'list', '--year', '2027'], hall.env);
    expect(stdout).to.match(/2027-02-05（周五） {2}休息 holiday {2}春节 {2}已导入通知/);
    expect(stdout).to.match(/2027-10-08（周五） {2}休息 holiday {2}— {2}管理员设定/);
    const law = await runCli(['calendar', 'list', '--year', '2028'], hall.env);
    expect(law.stdout).to.match(/2028-01-03（周一） {2}休息 holiday {2}元旦补假 {2}法定节假日推算/);
  });

  it('refuses a file that holds no notice, and stores nothing', async () => {
    const bad = await runCli(['calendar', 'import', new URL('../fixtures/staff.csv', import.meta.url).pathname, '--year', '2028'], hall.env);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.contain('未导入');
    const status = await runCli(['calendar', 'status', '--at', '2027-11-15'], hall.env);
    expect(status.stdout).to.match(/2028 {2}没有官方调休数据/);
  });
});
