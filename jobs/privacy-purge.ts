import { purgeImages } from '../bot/images/store';
import { purgePersonalData } from '../bot/privacy/purge';
import type { Job } from './job';

/**
 * Every day, holidays included, exactly once across instances (the firing
 * ledger): visitor records older than VISITOR_RETENTION_DAYS, and staff
 * readings older than REPORT_RETENTION_DAYS when it is set, are deleted
 * (SPEC §12); and the daily brief's old charts. A missed day is caught up
 * at start-up.
 */
export const privacyPurge: Job = {
  name: 'privacy-purge',
  cron: (config) => config.cron.privacyPurge,
  grace: 'latest',
  everyDay: true,
  async run({ sql, services, local, now }) {
    const { visitorRetentionDays, reportRetentionDays } = services.config;
    const purged = await purgePersonalData(sql, local.date, { visitorDays: visitorRetentionDays, reportDays: reportRetentionDays });
    const reports = reportRetentionDays === undefined ? '体温记录长期保留' : `删除 ${reportRetentionDays} 天前的体温记录 ${purged.reports} 条`;
    const images = await purgeImages(sql, now);
    return `删除 ${visitorRetentionDays} 天前的访客登记 ${purged.visitors} 条；${reports}${images ? `；删除旧图表 ${images} 张` : ''}`;
  },
};
