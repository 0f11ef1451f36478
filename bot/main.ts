import type { AddressInfo } from 'node:net';
import { ConfigError, environmentWithDotenv, loadConfig } from './config';
import { createLogger } from './log';
import { logCalendarWarning } from './calendar/status';
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
  const server = await service.listen();
  const base = baseUrl(config.host, (server.address() as AddressInfo).port);
  const platforms = service.adapters.map((a) => a.platform).filter((p) => p !== 'local');
  log.info({ database: service.db.dialect, platforms, host: config.host, timezone: config.timezone }, `HallGuard listening on ${base}`);
  if (platforms.length === 0) {
    log.warn('no platform configured (set WECOM_* or DINGTALK_* in .env, see .env.example); running with the local simulator only');
  }
  if (service.local) {
    log.info(`本地模拟器 / local simulator: ${base}/`);
    if (!isLoopback(config.host)) {
      log.warn(`本地模拟器没有登录，HOST=${config.host} 让其他机器也能连上（只接受 Host 为本机或 PUBLIC_URL 主机名的请求）；只在本机试用请设 HOST=127.0.0.1 / the simulator has no login and listens beyond this machine`);
    }
    if ((await service.services.directory.active()).length === 0) {
      log.info('名单为空：在页面上点击“载入演示数据”，或运行 npm run cli -- demo');
    }
  }
  await logCalendarWarning(service.services);
  if (service.services.notifier.leaderDestinations.length === 0) log.warn('no leadership group configured: alerts are stored but not pushed');
  if (platforms.length > 0 && isLoopback(new URL(config.publicUrl).hostname)) {
    log.warn(`PUBLIC_URL is ${config.publicUrl}: 看板 links will not open on people's phones; set it to the address they reach this service at`);
  }

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

/** The address to print for a listener: a wildcard host is reached on this machine through loopback. */
function baseUrl(host: string, port: number): string {
  const reach = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || name.startsWith('127.');
}

main().catch((err) => {
  process.stderr.write(`HallGuard failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
