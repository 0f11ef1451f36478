import type { Server } from 'node:http';
import { logCalendarWarning } from './calendar/status';
import { isLoopback, listenerUrl, loopbackLinkWarning } from './config/public-url';
import type { Logger } from './log';
import type { Service } from './service';

/**
 * What `npm start` tells its operator once it listens: JSON log lines for a
 * log collector and, for a person, one plain line with the address to open
 * (on stdout at a terminal, else on stderr, so piped stdout stays JSON lines
 * only) — with the warning when the bot's links would not open on phones.
 */
export async function logStart(service: Service, server: Server, log: Logger, terminal: NodeJS.WriteStream = process.stdout, errors: NodeJS.WritableStream = process.stderr): Promise<void> {
  const { config, simulator } = service;
  const base = config.publicUrl;
  const platforms = service.adapters.map((a) => a.platform).filter((p) => p !== 'local');
  const open = simulator ? `${base}/` : `${base}/dashboard`;
  const listening = listenerUrl(config.host, server);
  log.info({ database: service.db.dialect, platforms, host: config.host, timezone: config.timezone, publicUrl: base, open }, `HallGuard listening on ${listening}`);
  if (platforms.length === 0) {
    log.warn('no platform configured (set WECOM_* or DINGTALK_* in .env, see .env.example); running with the local simulator only');
  }
  if (simulator) {
    log.info(`本地模拟器 / local simulator: ${open}`);
    if (simulator.access?.generated) {
      // Shown once, on the terminal and not in the JSON log: whoever holds it can act as anyone of the hall.
      errors.write(`本地模拟器口令（只显示这一次）/ simulator token (shown once): ${base}/?token=${simulator.access.token}\n`);
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
  const links = loopbackLinkWarning(base, platforms);
  if (links) log.warn({ publicUrl: base }, links);

  const token = simulator?.access ? `?token=…（口令见${simulator.access.generated ? '上面一行' : ' SIMULATOR_TOKEN'}）` : '';
  const what = simulator ? `在浏览器中打开 ${open}${token} 使用本地模拟器` : `回调地址 ${base}/wecom/callback、${base}/dingtalk/callback，看板 ${base}/dashboard`;
  const line = `\n  HallGuard 已启动：${what}  (Ctrl+C 停止)\n${links ? `  注意：${links}\n` : ''}\n`;
  (terminal.isTTY ? terminal : errors).write(line);
}
