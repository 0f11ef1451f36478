import { expect } from 'chai';
import { incidentsPanel } from '../../bot/dashboard/incidents';
import { reportPath } from '../../bot/dashboard/incident-panel';
import { SimulatorHall } from '../support/simulator';

/** The cards a leader's dashboard shows, by their test id or heading id. */
const PANELS = ['kpi-alerts', 'kpi-roster', 'incidents', 'progress', 'h-alerts', 'h-roster', 'observed', 'contacts', 'door', 'disinfection', 'supplies', 'h-trend', 'outbox'];

/** Opens the dashboard as the simulator's leader would: 看板, then the link; answers the page and the session cookie. */
async function leaderDashboard(hall: SimulatorHall): Promise<{ page: string; cookie: string }> {
  const reply = (await hall.say('王建国', '看板'))!;
  const link = new URL(/https?:\/\/\S+\/dashboard\?t=[\w.-]+/.exec(reply)![0]);
  const opened = await hall.request('GET', `${link.pathname}${link.search}`);
  expect(opened.status, opened.text).to.equal(303);
  const cookie = String(opened.headers['set-cookie']).split(';')[0];
  const page = await hall.request('GET', '/dashboard', { headers: { cookie } });
  expect(page.status).to.equal(200);
  return { page: page.text, cookie };
}

const count = async (hall: SimulatorHall, sql: string, params: unknown[] = []) => Number((await hall.service.db.all<{ n: unknown }>(sql, params))[0].n);

describe('the demonstration hall is whole and current, whenever it is loaded', function () {
  // A week of the hall's messages through the real dispatch: seconds on PostgreSQL on a busy machine.
  this.timeout(60_000);
  let hall: SimulatorHall | undefined;
  afterEach(() => hall?.close());

  const moments = [
    ['a Monday morning', '2026-11-23T10:30:00+08:00'],
    ['a Monday before the first round', '2026-11-23T07:10:00+08:00'],
    ['a Sunday evening', '2026-11-22T21:40:00+08:00'],
    ['twenty minutes after midnight', '2026-11-24T00:20:00+08:00'],
    ['a workday afternoon after National Day', '2026-10-08T15:10:00+08:00'],
  ] as const;

  for (const [when, now] of moments) {
    it(`on ${when}: every dashboard panel has content, the open emergency is within the hour and nothing is overdue past its due time`, async () => {
      hall = await SimulatorHall.open({ now, people: [] });
      expect((await hall.post('/local/demo')).status).to.equal(200);
      const { page, cookie } = await leaderDashboard(hall);

      for (const panel of PANELS) expect(page, panel).to.match(new RegExp(`(data-testid|id)="${panel}"`));
      expect(page.match(/class="empty"[^>]*>[^<]*/g) ?? [], 'panels left empty').to.deep.equal([]);

      const { config } = hall.service;
      const { open, closed } = await incidentsPanel(hall.service.db, hall.clock.now(), config.timezone);
      expect(open).to.have.length(1);
      const minutesOpen = (hall.clock.now().getTime() - Date.parse(open[0].openedAt)) / 60_000;
      expect(minutesOpen, 'opened within the hour').to.be.at.most(60);
      for (const step of open[0].steps) expect(step.overdue ?? 0, step.step).to.be.at.most(config.procedureDueMinutes[step.step] ?? 0);
      expect(open[0].steps.filter((s) => s.done).length, 'steps done so far').to.be.within(2, 6);
      expect(open[0].contacts.map((c) => c.status)).to.include('confirmed').and.include('proposed');

      // The week's emergency, closed with every step done; listed with its report unless a long holiday pushed it out of the last 7 days.
      const [done] = await hall.service.db.all<{ id: unknown }>("SELECT id FROM incident WHERE status = 'closed' AND subject_kind = 'staff'");
      expect(closed.map((c) => c.id)).to.deep.equal(when.includes('National Day') ? [] : [Number(done.id)]);
      expect(await count(hall, 'SELECT count(*) AS n FROM incident_step WHERE incident_id = ? AND done_at IS NULL', [Number(done.id)])).to.equal(0);
      const report = await hall.request('GET', reportPath(Number(done.id)), { headers: { cookie } });
      expect(report.status).to.equal(200);
      expect(report.headers['content-type']).to.contain('officedocument.wordprocessingml');
    });
  }

  it('has guards, working groups with members, visitors (one anomalous), a supply under its threshold and a scored drill', async () => {
    hall = await SimulatorHall.open({ now: '2026-11-23T10:30:00+08:00', people: [] });
    const loaded = (await hall.post('/local/demo')).json<{ people: number; visitors: number }>();
    const people = (await hall.request('GET', '/local/people')).json<{ name: string; role: string }[]>();
    expect(people.filter((p) => p.role === 'guard').length).to.be.at.least(1);
    expect(loaded.people).to.equal(people.length);

    const members = await hall.service.db.all<{ group_name: string; n: unknown }>('SELECT group_name, count(*) AS n FROM group_member GROUP BY group_name ORDER BY group_name');
    expect(members.map((g) => g.group_name)).to.deep.equal(['应急处置组', '消毒防疫组', '综合协调组']);

    expect(await count(hall, "SELECT count(*) AS n FROM visitor WHERE date = '2026-11-23'")).to.equal(loaded.visitors).and.be.at.least(3);
    expect(await count(hall, "SELECT count(*) AS n FROM visitor WHERE date = '2026-11-23' AND status <> 'normal'")).to.equal(1);
    expect(await count(hall, 'SELECT count(*) AS n FROM supply_item WHERE threshold IS NOT NULL AND quantity < threshold')).to.equal(1);

    const [drill] = await hall.service.db.all<{ id: unknown; status: string }>("SELECT id, status FROM incident WHERE subject_kind = 'drill'");
    expect(drill.status).to.equal('closed');
    expect(await count(hall, "SELECT count(*) AS n FROM outbox WHERE channel = 'local-group' AND body LIKE ?", [`%应急演练 #${Number(drill.id)} 评分%`])).to.equal(1);

    // Today's disinfection: the 08:00 round begun and partly done, the later ones to come.
    const rounds = await hall.service.db.all<{ round: string; n: unknown }>("SELECT round, count(*) AS n FROM disinfection_log WHERE date = '2026-11-23' GROUP BY round ORDER BY round");
    expect(rounds.map((r) => [r.round, Number(r.n)])).to.deep.equal([['08:00', 3]]);
  });

  it("shows today's pushes in the simulator's panes: the emergency in the leadership group's, the contact's request in theirs", async () => {
    hall = await SimulatorHall.open({ now: '2026-11-23T10:30:00+08:00', people: [] });
    await hall.post('/local/demo');
    const feed = await hall.feed();
    const group = feed.filter((d) => d.to === 'leaders').map((d) => d.body).join('\n');
    expect(group).to.contain('周婷').and.contain('应急').and.contain('酒精棉球').and.contain('陈丽');
    expect(feed.every((d) => d.at >= '2026-11-22T16:00:00.000Z'), 'only today').to.equal(true);
    const contact = await hall.idOf('徐丽');
    expect(feed.some((d) => d.to === contact && d.body.includes('密切接触者'))).to.equal(true);
  });
});
