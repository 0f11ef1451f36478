import { loadConfig } from '../bot/config';
import { openDatabase } from '../bot/db/open';
import { createLogger } from '../bot/log';
import { createService } from '../bot/service';
import { morningNudge } from '../jobs/morning-nudge';
import { startPlatformCounter } from './platform-counter';

/**
 * Nudging everyone of a seeded database (no one has reported) on one
 * platform; prints JSON: people nudged and the platform calls it took.
 */
const [url, platform, at] = process.argv.slice(2);
const counter = await startPlatformCounter();
const env =
  platform === 'wecom'
    ? { WECOM_CORP_ID: 'wwbench', WECOM_AGENT_ID: '1', WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_AES_KEY: 'a'.repeat(43), WECOM_API_BASE: counter.url }
    : { DINGTALK_APP_KEY: 'k', DINGTALK_APP_SECRET: 's', DINGTALK_ROBOT_CODE: 'k', DINGTALK_API_BASE: counter.url, DINGTALK_OAPI_BASE: counter.url };
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', ...env });
const service = await createService({ config, log: createLogger('silent'), db: await openDatabase(url) });
const result = await service.jobs.runner.fire(morningNudge, new Date(at), { trigger: 'cli', force: true });
await service.outboxDispatcher.drain(120_000);
const path = platform === 'wecom' ? '/cgi-bin/message/send' : '/v1.0/robot/oToMessages/batchSend';
process.stdout.write(`${JSON.stringify({ platform, detail: result.detail, calls: counter.calls.get(path) ?? 0 })}\n`);
await service.close();
await counter.close();
