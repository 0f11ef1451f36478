import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { logCalendarWarning } from '../../bot/calendar/status';
import { noticeDays } from '../../bot/calendar/notice';
import { storeNotice } from '../../bot/calendar/notice-store';
import { parseNoticeText } from '../../bot/calendar/notice-text';
import { calendarWarning } from '../../jobs/calendar-warning';
import { captureLog } from '../support/capture-log';
import { DashboardVisitor } from '../support/dashboard';
import { Hall, PEOPLE } from '../support/hall';

const ADMIN = { name: '管理员', window: '', role: 'admin', wecomUserId: 'admin1', dingtalkUserId: null, mobile: null };
const notice2027 = readFileSync(new URL('../fixtures/calendar/notice-2027-sample.txt', import.meta.url), 'utf8');

/** Imports the 2027 sample notice as `calendar import` does. */
async function import2027(hall: Hall): Promise<void> {
  await storeNotice(hall.service.db, 2027, noticeDays(parseNoticeText(notice2027)), { format: 'notice', file: 'notice.txt', now: hall.clock.now() });
}

describe('the warning of a missing year (2027 not yet published, seen on 2026-11-15)', () => {
  let hall: Hall;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    const captured = captureLog();
    lines = captured.lines;
    hall = await Hall.open({ now: '2026-11-15T08:30:00+08:00', people: [...PEOPLE, ADMIN], env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders' }, log: captured.log });
  });
  afterEach(() => hall.close());

  /** Fires the weekly warning for a local date at 09:00 and returns what it sent. */
  async function fireOn(date: string) {
    hall.clock.set(`${date}T09:00:00+08:00`);
    const mark = hall.mark();
    const result = await hall.service.jobs.runner.fire(calendarWarning, hall.clock.now(), { trigger: 'scheduler' });
    await hall.deliver();
    return { result, ...hall.deliveredSince(mark) };
  }

  it('logs a warning at start-up that says what to run', async () => {
    await logCalendarWarning(hall.service.services);
    const warning = lines.find((l) => l.level === 40 && String(l.msg).includes('2027'));
    expect(warning?.msg).to.contain('npm run cli -- calendar import');
    expect(warning?.missingYears).to.deep.equal([2027]);
  });

  it('reports the calendar in /healthz, still 200', async () => {
    const res = await fetch(`${hall.url}/healthz`);
    expect(res.status).to.equal(200);
    const body = await res.json();
    expect(body.status).to.equal('ok');
    expect(body.calendar).to.include({ status: 'missing' });
    expect(body.calendar.missing).to.deep.equal([2027]);
    expect(body.calendar.years).to.deep.equal({ 2026: 'package', 2027: 'statutory' });
    await import2027(hall);
    const after = await (await fetch(`${hall.url}/healthz`)).json();
    expect(after.calendar).to.deep.equal({ status: 'ok', years: { 2026: 'package', 2027: 'notice' } });
  });

  it('shows a banner on the administrator’s dashboard until the notice is imported', async () => {
    const visitor = new DashboardVisitor(hall);
    const page = await visitor.open(await visitor.link('admin1'));
    expect(page.body).to.contain('data-testid="calendar-warning"').and.contain('尚未载入 2027 年的节假日安排');
    await import2027(hall);
    expect((await visitor.request('/dashboard')).body).to.not.contain('calendar-warning');
  });

  it('shows a leader or a window lead no banner meant for the administrator, who is there to act on it', async () => {
    for (const who of ['wangwu', 'lisi']) {
      const page = await new DashboardVisitor(hall).open(await new DashboardVisitor(hall).link(who));
      expect(page.status, who).to.equal(200);
      expect(page.body, who).to.not.contain('calendar-warning').and.not.contain('calendar import');
    }
  });

  it('tells the administrators once a week, every day of the week alike, until the notice is imported', async () => {
    const first = await fireOn('2026-11-15');
    expect(first.direct.map((d) => d.to)).to.deep.equal(['admin1']);
    expect(first.direct[0].text).to.contain('npm run cli -- calendar import');
    expect(first.group).to.deep.equal([]);
    for (const date of ['2026-11-16', '2026-11-18', '2026-11-21']) {
      const quiet = await fireOn(date);
      expect(quiet.direct, date).to.deep.equal([]);
      expect(quiet.result.detail).to.contain('本周已于 2026-11-15 提醒');
    }
    expect((await fireOn('2026-11-22')).direct.map((d) => d.to)).to.deep.equal(['admin1']);
    await import2027(hall);
    const done = await fireOn('2026-11-29');
    expect(done.direct).to.deep.equal([]);
    expect(done.result.detail).to.equal('节假日数据齐全');
  });

  it('says nothing before 1 November', async () => {
    hall.clock.set('2026-10-31T09:00:00+08:00');
    const result = await hall.service.jobs.runner.fire(calendarWarning, hall.clock.now(), { trigger: 'scheduler' });
    expect(result.detail).to.equal('节假日数据齐全');
    const body = await (await fetch(`${hall.url}/healthz`)).json();
    expect(body.calendar.status).to.equal('ok');
  });
});

describe('the warning of a missing year, in a hall without an administrator', () => {
  it('goes to the leadership group instead', async () => {
    const hall = await Hall.open({ now: '2026-11-15T09:00:00+08:00', env: { WECOM_LEADER_WEBHOOK_KEY: 'leaders' } });
    try {
      const mark = hall.mark();
      await hall.service.jobs.runner.fire(calendarWarning, hall.clock.now(), { trigger: 'scheduler' });
      await hall.deliver();
      const { group, direct } = hall.deliveredSince(mark);
      expect(direct).to.deep.equal([]);
      expect(group.join()).to.contain('尚未载入 2027 年的节假日安排');
    } finally {
      await hall.close();
    }
  });

  it('shows its banner to the leaders, not to a window lead', async () => {
    const hall = await Hall.open({ now: '2026-11-15T09:00:00+08:00' });
    try {
      const leader = new DashboardVisitor(hall);
      expect((await leader.open(await leader.link('wangwu'))).body).to.contain('data-testid="calendar-warning"');
      const lead = new DashboardVisitor(hall);
      expect((await lead.open(await lead.link('lisi'))).body).to.not.contain('calendar-warning');
    } finally {
      await hall.close();
    }
  });
});
