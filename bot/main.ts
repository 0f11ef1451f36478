import { SimulatorRefused } from './simulator/access';
import { ConfigError, environmentWithDotenv, loadConfig } from './config';
import { maskUrlsIn } from './http/userinfo';
import { createLogger } from './log';
import { createService } from './service';
import { logStart } from './start-log';

/** `npm start`: the service, on SQLite by default; with no platform configured it still starts and says so. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(environmentWithDotenv());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const service = await createService({ config, log }).catch((err: unknown) => {
    if (!(err instanceof SimulatorRefused)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
  service.metrics.withProcessMetrics();
  const server = await service.listen();
  await logStart(service, server, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    await service.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`HallGuard failed to start: ${maskUrlsIn(err instanceof Error ? String(err.stack) : String(err))}\n`);
  process.exit(1);
});
