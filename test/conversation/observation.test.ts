import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { writeExport } from '../../bot/export/write';
import type { Job } from '../../jobs/job';
import { morningSummary } from '../../jobs/morning-summary';
import { rosterDeadline } from '../../jobs/roster-deadline';
import { DashboardVisitor, testIdText, trendPoint } from '../support/dashboard';
import { groupAfterJob } from '../support/group-after-job';
import { Hall, PLATFORMS } from '../support/hall';

/**
 * Issue 12 item 2: a fever, then a normal re-test, then the alert handled —
 * the fever still shows for OBSERVATION_DAYS in the roster cross-check, the
 * 16:00 and 08:45 summaries, 今日统计, the dashboard, the chart and the export.
 */
for (const platform of PLATFORMS) {
  describe(`conversation on ${platform}: an anomaly stays visible for the observation period`, () => {
    let hall: Hall;
    afterEach(() => hall.close());

    const at = (local: string) => hall.clock.set(`${local}+08:00`);
    const fire = (job: Job, local: string) => groupAfterJob(hall, job, local);
    const dashboard = async () => {
      const visitor = new DashboardVisitor(hall);
      const { status, body } = await visitor.open(await visitor.link('wangwu'));
      expect(status).to.equal(200);
      return body;
    };

    /** Monday: 张三's fever and cough at 07:55, a normal re-test at 08:20, the alert handled at 09:00. */
    async function feverRetestHandled(env: Record<string, string> = {}) {
      hall = await Hall.open({ platform, now: '2026-11-23T07:55:00+08:00', env });
      await hall.send('zhangsan', '37.8 咳嗽');
      at('2026-11-23T08:20:00');
      expect((await hall.send('zhangsan', '36.5')).reply).to.contain('复测');
      at('2026-11-23T09:00:00');
      await hall.send('wangwu', '处置 1 已安排复测，体温正常');
    }

    it('flags the fever on the day it was handled: roster reply and 16:00 summary', async () => {
      await feverRetestHandled();
      at('2026-11-23T10:00:00');
      const { reply } = await hall.send('lisi', '明日排班 张三 赵六');
      expect(reply).to.contain('张三：近 3 天异常 1 次：07:55 37.8℃、咳嗽（严重，告警 #1 已处置）');
      const summary = await fire(rosterDeadline, '2026-11-23T16:00:00');
      expect(summary).to.contain('张三（1号窗口）：近 3 天异常 1 次：07:55 37.8℃、咳嗽（严重，告警 #1 已处置）');
      expect(summary).to.contain('近 3 天（观察期）异常 1 次（1 人）');
    });

    it('still shows it the next day, dated: 08:45 summary, roster check, 今日统计, dashboard, chart and export', async () => {
      await feverRetestHandled();
      at('2026-11-24T07:50:00');
      await hall.send('zhangsan', '36.4');
      const when = '11月23日 07:55 37.8℃、咳嗽（严重，告警 #1 已处置）';
      expect(await fire(morningSummary, '2026-11-24T08:45:00')).to.contain(`张三（1号窗口）${when}`);

      at('2026-11-24T10:00:00');
      expect((await hall.send('lisi', '明日排班 张三 赵六')).reply).to.contain(`张三：近 3 天异常 1 次：${when}`);
      expect(await fire(rosterDeadline, '2026-11-24T16:00:00')).to.contain(`张三（1号窗口）：近 3 天异常 1 次：${when}`);
      const stats = (await hall.send('wangwu', '今日统计')).reply;
      expect(stats).to.contain('近 3 天（观察期）异常 1 次（1 人）').and.contain(`张三（1号窗口）${when}`);

      const page = await dashboard();
      expect(/<li data-roster="1号窗口"[\s\S]*?<\/li>/.exec(page)![0]).to.contain(when);
      expect(testIdText(page, 'observed')).to.contain('张三').and.contain(when);
      expect(trendPoint(page, '11-23'), 'one person’s 晨检 with its re-test, one alert').to.include({ '晨检已报（人）': 1, '异常（次）': 1 });

      const out = join(mkdtempSync(join(tmpdir(), 'hg-observe-')), 'r.csv');
      await writeExport(hall.service.db, { from: '2026-11-23', to: '2026-11-23', history: false, timezone: 'Asia/Shanghai' }, out);
      const rows = readFileSync(out, 'utf8').split('\r\n').filter((l) => l.includes(',张三,'));
      expect(rows.map((l) => l.split(',').slice(4, 8).join(' '))).to.deep.equal(['37.8  咳嗽 critical', '36.5   normal']);
    });

    it('lets it go after OBSERVATION_DAYS (default 3: the day itself and the two after)', async () => {
      await feverRetestHandled();
      at('2026-11-25T10:00:00');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('近 3 天（观察期）异常 1 次');
      at('2026-11-26T10:00:00');
      await hall.send('zhangsan', '36.4');
      expect((await hall.send('wangwu', '今日统计')).reply).to.contain('近 3 天（观察期）异常：无');
      expect((await hall.send('lisi', '明日排班 张三 赵六')).reply).not.to.contain('37.8');
    });

    it('follows OBSERVATION_DAYS from the environment', async () => {
      await feverRetestHandled({ OBSERVATION_DAYS: '5' });
      at('2026-11-26T10:00:00');
      await hall.send('zhangsan', '36.4');
      const { reply } = await hall.send('lisi', '明日排班 张三 赵六');
      expect(reply).to.contain('张三：近 5 天异常 1 次：11月23日 07:55 37.8℃');
    });
  });
}
