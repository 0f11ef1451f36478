import { ConfigError, environmentWithDotenv, loadConfig } from './config';
import { createLogger } from './log';
import { createService } from './service';

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
  const service = await createService({ config, log });
  await service.listen();
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const platforms = service.adapters.map((a) => a.platform).filter((p) => p !== 'local');
  log.info({ database: service.db.dialect, platforms, timezone: config.timezone }, `HallGuard listening on ${base}`);
  if (platforms.length === 0) {
    log.warn('no platform configured (set WECOM_* or DINGTALK_* in .env, see .env.example); running with the local simulator only');
  }
  if (service.local) log.info(`local chat simulator: ${base}/`);
  if (service.services.notifier.leaderDestinations.length === 0) log.warn('no leadership group configured: alerts are stored but not pushed');

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
  process.stderr.write(`HallGuard failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
