import type { AddressInfo } from 'node:net';
import { isLoopback, SimulatorRefused } from './simulator/access';
import { ConfigError, environmentWithDotenv, loadConfig } from './config';
import { maskUrlsIn } from './http/userinfo';
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
  const service = await createService({ config, log }).catch((err: unknown) => {
    if (!(err instanceof SimulatorRefused)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
  const server = await service.listen();
  const base = baseUrl(config.host, (server.address() as AddressInfo).port);
  const platforms = service.adapters.map((a) => a.platform).filter((p) => p !== 'local');
  log.info({ database: service.db.dialect, platforms, host: config.host, timezone: config.timezone }, `HallGuard listening on ${base}`);
  if (platforms.length === 0) {
    log.warn('no platform configured (set WECOM_* or DINGTALK_* in .env, see .env.example); running with the local simulator only');
  }
  if (service.local) {
    log.info(`本地模拟器 / local simulator: ${base}/`);
    const access = service.local.access;
    if (access?.generated) {
      // Shown once, on the terminal and not in the JSON log: whoever holds it can act as anyone of the hall.
      process.stderr.write(`本地模拟器口令（只显示这一次）/ simulator token (shown once): ${base}/?token=${access.token}\n`);
    }
    if (!isLoopback(config.host)) {
      log.warn(`本地模拟器对本机以外开放（HOST=${config.host}），每个请求都需要口令 SIMULATOR_TOKEN；只在本机试用请设 HOST=127.0.0.1 / the simulator listens beyond this machine and requires its token`);
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

  if (process.stdout.isTTY) {
    // Last, for a person at a terminal, not for a log collector: piped output stays JSON lines only.
    const token = service.local?.access ? `?token=…（口令见${service.local.access.generated ? '上面一行' : ' SIMULATOR_TOKEN'}）` : '';
    const open = service.local ? `在浏览器中打开 ${base}/${token} 使用本地模拟器` : `回调地址 ${base}/wecom/callback、${base}/dingtalk/callback，看板 ${base}/dashboard`;
    process.stdout.write(`\n  HallGuard 已启动：${open}  (Ctrl+C 停止)\n\n`);
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

main().catch((err) => {
  process.stderr.write(`HallGuard failed to start: ${maskUrlsIn(err instanceof Error ? String(err.stack) : String(err))}\n`);
  process.exit(1);
});
