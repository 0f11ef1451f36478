import { parseArgs } from 'node:util';
import { DemoRefused, seedDemo } from '../demo/demo';
import { createLogger } from '../log';
import { CliError, type CliCommand } from './context';

/** `demo [--at <ISO time>]`: the demonstration hall and a week of history, for the local simulator and the dashboard. */
export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--at 2026-11-23T10:30:00+08:00]   (an empty database: a whole hall — windows, leads, guards, working groups, leaders — with a week of history and this morning)',
  async run(argv, { config, db, out }) {
    const { values } = parseArgs({ args: argv, options: { at: { type: 'string' } } });
    const now = values.at ? new Date(values.at) : new Date();
    if (Number.isNaN(now.getTime())) throw new CliError(`--at takes an ISO 8601 time such as 2026-11-23T10:30:00+08:00 (got "${values.at}")`, 2);
    let result;
    try {
      result = await seedDemo({ db, config, log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), now });
    } catch (err) {
      if (err instanceof DemoRefused) throw new CliError(err.message, 1);
      throw err;
    }
    if (result.alreadyLoaded) {
      out('演示数据已载入，无需重复 / the demo hall is already loaded.');
    } else {
      out(`已载入演示大厅：${result.people} 人，${result.reports} 条体温记录，${result.alerts} 条告警，${result.incidents} 起应急处置（含演练），${result.visitors} 位访客，${result.rosters} 份排班。`);
      out(`Loaded the demo hall: ${result.people} people, ${result.reports} reports, ${result.alerts} alerts, ${result.incidents} incidents (a drill included), ${result.visitors} visitors, ${result.rosters} rosters.`);
    }
    out('试一试：工作人员 陈静（1号窗口）、窗口负责人 刘洋（1号窗口）、门岗 钱进（登记访客）、消毒防疫组 何芳（消杀）、领导小组 王建国（发送「看板」打开看板）。');
    out(`Next: npm start, then open ${config.publicUrl}/`);
  },
};
