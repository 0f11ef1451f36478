import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Whether a host name or address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || name.startsWith('127.');
}

const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The address a browser on this machine opens to reach a listener on `host`
 * and `port`: a wildcard or loopback listener through 127.0.0.1 (an IPv6
 * loopback through [::1]), any other through its own address.
 */
export function listeningAddress(host: string, port: number): string {
  const name = host.replace(/^\[|\]$/g, '');
  const reach = WILDCARD.has(host) || (isLoopback(name) && name !== '::1') ? '127.0.0.1' : name;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}

/** {@link listeningAddress} of a server that listens (its real port, when it was asked for port 0). */
export function listenerUrl(host: string, server: Server): string {
  return listeningAddress(host, (server.address() as AddressInfo).port);
}

/** The warning of SPEC §7 when a platform is on and the bot's links would point at this machine; null otherwise. */
export function loopbackLinkWarning(publicUrl: string, platforms: string[]): string | null {
  if (!platforms.some((p) => p !== 'local') || !isLoopback(new URL(publicUrl).hostname)) return null;
  return `PUBLIC_URL 为 ${publicUrl}，只有本机能打开：手机上的「看板」链接和日报图表打不开，请把 PUBLIC_URL 设为同事们访问本服务的地址（如 https://hallguard.example.gov.cn）/ PUBLIC_URL is ${publicUrl}: 看板 links will not open on people's phones; set it to the address they reach this service at`;
}

/** The links' part of /healthz: their base, and the warning while they would not open on phones (still 200). */
export function linksHealth(config: { publicUrl: string }, adapters: { platform: string }[]): Record<string, unknown> {
  const warning = loopbackLinkWarning(config.publicUrl, adapters.map((a) => a.platform));
  return { status: warning ? 'loopback' : 'ok', publicUrl: config.publicUrl, ...(warning ? { warning } : {}) };
}
