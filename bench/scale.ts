import { loadConfig } from '../bot/config';
import { openDatabase } from '../bot/db/open';
import { createLogger } from '../bot/log';
import { createService } from '../bot/service';
import { findJob } from '../jobs';
import { countingDatabase } from './counting-db';

/**
 * One child process per measurement, so its peak RSS is its own: opens a
 * database already seeded by `npm run cli -- seed`, fires one job for the
 * given time, and prints JSON: seconds, queries, peak RSS in MB.
 */
const [url, jobName, at] = process.argv.slice(2);
const job = findJob(jobName)!;
const counting = countingDatabase(await openDatabase(url));
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SIMULATOR: 'on', SIMULATOR_ALLOW_PLATFORM_USERS: 'yes' });
const service = await createService({ config, log: createLogger('silent'), db: counting.db });
counting.reset();
const started = performance.now();
const result = await service.jobs.runner.fire(job, new Date(at), { trigger: 'cli', force: true });
const seconds = (performance.now() - started) / 1000;
const queries = counting.queries();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
await service.close();
process.stdout.write(`${JSON.stringify({ job: jobName, outcome: result.outcome, detail: result.detail, seconds, queries, peakRssMb })}\n`);
