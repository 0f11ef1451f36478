import { purgeImages } from '../bot/images/store';
import { purgePersonalData } from '../bot/privacy/purge';
import type { Job } from './job';

/**
 * Every day, holidays included, exactly once across instances (the firing
 * ledger): every copy of personal data past its retention — visitors after
 * VISITOR_RETENTION_DAYS, staff readings after REPORT_RETENTION_DAYS when it
 * is set, the message log and the outbox after the shorter of the two — is
 * deleted or redacted, table by table in short batches (SPEC §12); and the
 * daily brief's old charts. A missed day is caught up at start-up. The result
 * counts what each table lost.
 */
export const privacyPurge: Job = {
  name: 'privacy-purge',
  cron: (config) => config.cron.privacyPurge,
  grace: 'latest',
  everyDay: true,
  ownTransactions: true,
  async run({ services, local, now }) {
    const { db, config } = services;
    const days = { visitorDays: config.visitorRetentionDays, reportDays: config.reportRetentionDays };
    const purged = await purgePersonalData(db, local.date, days, config.timezone);
    const images = await db.tx((sql) => purgeImages(sql, now));
    const kept = `访客 ${days.visitorDays} 天，体温记录${days.reportDays === undefined ? '长期保留' : ` ${days.reportDays} 天`}`;
    return `按保留期限（${kept}）删除或隐去：${purged.map((p) => `${p.rule.label} ${p.rows} 条`).join('，')}${images ? `；删除旧图表 ${images} 张` : ''}`;
  },
};
