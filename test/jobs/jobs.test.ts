import { expect } from 'chai';
import { alertEscalation } from '../../jobs/alert-escalation';
import { morningNudge } from '../../jobs/morning-nudge';
import { morningSummary } from '../../jobs/morning-summary';
import { Hall } from '../support/hall';

const ROBOT = '/cgi-bin/webhook/send';

describe('scheduled jobs', () => {
  let hall: Hall;
  afterEach(() => hall.close());
  const open = async (now: string) => (hall = await Hall.open({ now }));
  const fire = async (job: typeof morningNudge, at: string, force = false) => {
    const before = hall.fake.calls.length;
    const result = await hall.service.jobs.runner.fire(job, new Date(at), { trigger: 'scheduler', force });
    await hall.deliver();
    return { result, ...hall.deliveredSince(before) };
  };
  const nudged = (direct: { to: string }[]) => direct.map((d) => d.to).sort();

  describe('morning-nudge', () => {
    it('messages, on a workday at 07:30, each expected person with no 晨检 yet — in one platform call', async () => {
      await open('2026-11-23T07:10:00+08:00');
      await hall.send('zhangsan', '36.5');
      const { result, direct } = await fire(morningNudge, '2026-11-23T07:30:00+08:00');
      expect(result.outcome).to.equal('done');
      expect(nudged(direct)).to.deep.equal(['lisi', 'sunqi', 'wangwu', 'zhaoliu', 'zhouba']);
      expect(direct[0].text).to.contain('晨检').and.contain('11月23日');
      expect(hall.fake.callsTo('/cgi-bin/message/send')).to.have.length(1);
    });

    it('sends nothing on National Day 2026-10-01, and says so', async () => {
      await open('2026-10-01T07:00:00+08:00');
      const { result, direct } = await fire(morningNudge, '2026-10-01T07:30:00+08:00');
      expect(result.outcome).to.equal('not-workday');
      expect(direct).to.deep.equal([]);
    });

    it('runs on the make-up workday 2026-10-10 (a Saturday)', async () => {
      await open('2026-10-10T07:00:00+08:00');
      const { result, direct } = await fire(morningNudge, '2026-10-10T07:30:00+08:00');
      expect(result.outcome).to.equal('done');
      expect(direct).to.have.length(6);
    });

    it('nudges only the rostered people of a window that has a roster, and nobody of a closed window', async () => {
      await open('2026-11-23T07:00:00+08:00');
      const db = hall.service.db;
      await db.run(`INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late) VALUES ('2026-11-23', '1号窗口', ?, 3, 'x', ?)`, [false, false]);
      await db.run('INSERT INTO roster_entry (roster_id, staff_id) VALUES (1, 1)');
      await db.run(`INSERT INTO roster (date, window_name, closed, submitted_by_id, submitted_at, late) VALUES ('2026-11-23', '2号窗口', ?, 5, 'x', ?)`, [true, false]);
      const { direct } = await fire(morningNudge, '2026-11-23T07:30:00+08:00');
      expect(nudged(direct)).to.deep.equal(['wangwu', 'zhangsan']);
    });

    it('fires once for a minute: a second tick does nothing, --force runs it again', async () => {
      await open('2026-11-23T07:00:00+08:00');
      await fire(morningNudge, '2026-11-23T07:30:00+08:00');
      const again = await fire(morningNudge, '2026-11-23T07:30:20+08:00');
      expect(again.result.outcome).to.equal('already-fired');
      expect(again.direct).to.deep.equal([]);
      const forced = await fire(morningNudge, '2026-11-23T07:30:00+08:00', true);
      expect(forced.result.outcome).to.equal('done');
      expect(forced.direct).to.have.length(6);
    });
  });

  describe('morning-summary', () => {
    it('tells the leadership group at 08:45 who reported, who did not, by window, and the open alerts', async () => {
      await open('2026-11-23T08:00:00+08:00');
      await hall.send('zhangsan', '36.5');
      await hall.send('lisi', '37.9');
      await hall.send('sunqi', '36.6');
      const { result, group } = await fire(morningSummary, '2026-11-23T08:45:00+08:00');
      expect(result.outcome).to.equal('done');
      expect(group).to.have.length(1);
      const text = group[0];
      expect(text).to.contain('已报 3/6').and.contain('1号窗口 2/3，未报：赵六').and.contain('2号窗口 1/2，未报：周八').and.contain('领导小组 0/1，未报：王五');
      expect(text).to.contain('未处置告警 1 条').and.contain('#1 李四');
    });

    it('sends nothing on a holiday and runs on a make-up workday', async () => {
      await open('2026-10-01T08:00:00+08:00');
      expect((await fire(morningSummary, '2026-10-01T08:45:00+08:00')).group).to.deep.equal([]);
      expect((await fire(morningSummary, '2026-10-10T08:45:00+08:00')).group).to.have.length(1);
    });
  });

  describe('alert-escalation', () => {
    it('re-pushes an unacknowledged critical alert at +30, +60 and +90 minutes, then marks it escalated', async () => {
      await open('2026-11-23T08:05:00+08:00');
      await hall.send('zhangsan', '38.2');
      const pushes: string[] = [];
      for (const at of ['08:20', '08:35', '08:50', '09:05', '09:20', '09:35', '09:50', '10:05', '10:35']) {
        hall.clock.set(`2026-11-23T${at}:00+08:00`);
        const { group } = await fire(alertEscalation, `2026-11-23T${at}:00+08:00`);
        if (group.length) pushes.push(`${at} ${group[0].split('\n')[0]}`);
      }
      expect(pushes).to.deep.equal(['08:35 【告警未处置·第 1 次提醒】#1', '09:05 【告警未处置·第 2 次提醒】#1', '09:35 【告警未处置·第 3 次提醒】#1']);
      const [alert] = await hall.service.db.all<{ escalatedAt: string | null; pushCount: unknown }>('SELECT escalated_at AS "escalatedAt", push_count AS "pushCount" FROM alert');
      expect(alert.escalatedAt).to.equal('2026-11-23T01:35:00.000Z');
      expect(Number(alert.pushCount)).to.equal(4);
    });

    it('dates a report that is not from today, and times one that is', async () => {
      await open('2026-11-23T17:55:00+08:00');
      await hall.send('zhangsan', '38.2');
      hall.clock.set('2026-11-24T08:00:00+08:00');
      const yesterday = await fire(alertEscalation, '2026-11-24T08:00:00+08:00');
      expect(yesterday.group[0]).to.contain('11月23日 17:55 上报');
      await hall.send('zhaoliu', '38.4');
      hall.clock.set('2026-11-24T08:30:00+08:00');
      const today = await fire(alertEscalation, '2026-11-24T08:30:00+08:00');
      const zhaoliu = today.group.find((g) => g.includes('赵六'));
      expect(zhaoliu).to.contain('，08:00 上报').and.not.contain('月');
    });

    it('sends nothing on a holiday and re-pushes on a make-up workday', async () => {
      await open('2026-10-01T08:05:00+08:00');
      await hall.send('zhangsan', '38.2');
      expect((await fire(alertEscalation, '2026-10-01T08:35:00+08:00')).group).to.deep.equal([]);
      hall.clock.set('2026-10-10T08:05:00+08:00');
      await hall.send('zhaoliu', '38.4');
      const { group } = await fire(alertEscalation, '2026-10-10T08:35:00+08:00');
      expect(group.map((g) => g.split('\n')[0]).sort()).to.deep.equal(['【告警未处置·第 1 次提醒】#1', '【告警未处置·第 1 次提醒】#2']);
    });

    it('never re-pushes an acknowledged alert, nor a warning', async () => {
      await open('2026-11-23T08:05:00+08:00');
      await hall.send('zhangsan', '38.2');
      await hall.send('zhaoliu', '37.4');
      await hall.send('wangwu', '处置 1 已送医');
      for (const at of ['08:35', '09:05', '09:35']) {
        const { group } = await fire(alertEscalation, `2026-11-23T${at}:00+08:00`);
        expect(group).to.deep.equal([]);
      }
    });
  });

  it('fires once when two services on one database fire the same job at the same time', async () => {
    await open('2026-11-23T07:00:00+08:00');
    const second = await Hall.open({ now: '2026-11-23T07:00:00+08:00', shareDatabaseWith: hall });
    try {
      const at = new Date('2026-11-23T07:30:00+08:00');
      const results = await Promise.all([
        hall.service.jobs.runner.fire(morningNudge, at, { trigger: 'scheduler' }),
        second.service.jobs.runner.fire(morningNudge, at, { trigger: 'scheduler' }),
      ]);
      expect(results.map((r) => r.outcome).sort()).to.deep.equal(['already-fired', 'done']);
      await Promise.all([hall.deliver(), second.deliver()]);
      const recipients = [...hall.fake.directTexts(), ...second.fake.directTexts()].map((d) => d.to).sort();
      expect(recipients).to.deep.equal(['lisi', 'sunqi', 'wangwu', 'zhangsan', 'zhaoliu', 'zhouba']);
      expect(hall.fake.callsTo(ROBOT).length + second.fake.callsTo(ROBOT).length).to.equal(0);
    } finally {
      await second.close();
    }
  });
});
