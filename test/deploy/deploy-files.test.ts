import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Router from '@koa/router';
import { expect } from 'chai';
import { loadConfig } from '../../bot/config';
import { MAX_BODY_BYTES } from '../../bot/http/read-body';
import { ROOT } from '../support/docs';
import { dingtalkEnv } from '../support/dingtalk-client';
import { Hall } from '../support/hall';
import { directives, locationFor, parseNginx, type NginxDirective } from '../support/nginx';

/**
 * Issue 23 item 7: the working files of the deployment guide fit the service
 * as it is — the nginx site passes on every route the platforms and phones
 * use and hides the simulator, with the service's body limit and the headers
 * /metrics relies on; the systemd unit runs what `npm start` runs.
 */
const nginx = parseNginx(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8'));
const servers = directives(nginx, 'server').map((s) => s.block!);
const tls = servers.find((s) => directives(s, 'listen').some((l) => l.args.includes('ssl')))!;
const plain = servers.find((s) => s !== tls)!;
const one = (block: NginxDirective[] | undefined, name: string) => directives(block, name)[0]?.args ?? [];

/** Whether a location hands the request to the service. */
const proxies = (location: NginxDirective | undefined) => one(location?.block, 'proxy_pass')[0] === 'http://hallguard';

/** A request a route takes, its parameters filled in. */
function sample(path: string): string {
  return path.replace(':file', 'x.png').replace(':name', 'morning-summary').replace(/:\w+/g, '1');
}

/** Whether a route belongs to the local chat simulator, which lets anyone act as anyone. */
const simulatorRoute = (path: string) => path === '/' || path.startsWith('/local/');

describe('deploy/nginx.conf', function () {
  this.timeout(30_000);
  let hall: Hall;
  /** Every route of the service with everything on: both platforms' callbacks, the dashboard, the simulator. */
  let routes: { method: string; path: string }[];

  before(async () => {
    hall = await Hall.open({ env: { ...dingtalkEnv('http://127.0.0.1:9'), SIMULATOR: 'on', SIMULATOR_ALLOW_PLATFORM_USERS: 'yes', METRICS_TOKEN: 'metrics-token-for-the-proxy-test' } });
    const router = hall.service.app.middleware.map((m) => (m as { router?: Router }).router).find((r) => r !== undefined)!;
    routes = router.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: String(layer.path) })));
  });
  after(() => hall.close());

  it('has a plain-HTTP server that only redirects to HTTPS, and a TLS server with a certificate and TLS 1.2 or newer', () => {
    expect(directives(plain, 'location').map((l) => one(l.block, 'return'))).to.deep.equal([['301', 'https://$host$request_uri']]);
    expect(one(tls, 'ssl_certificate')).to.have.length(1);
    expect(one(tls, 'ssl_certificate_key')).to.have.length(1);
    expect(one(tls, 'ssl_protocols')).to.deep.equal(['TLSv1.2', 'TLSv1.3']);
  });

  it('sends every route the platforms and phones use to the service, and answers the simulator’s with 404', () => {
    expect(directives(tls, 'location').filter((l) => l.args[0] === '~' || l.args[0] === '~*'), 'no regular-expression locations').to.deep.equal([]);
    expect(routes.map((r) => r.path)).to.include.members(['/wecom/callback', '/dingtalk/callback', '/dashboard', '/images/:file', '/healthz', '/metrics', '/', '/local/message']);
    const wrong = routes.flatMap(({ method, path }) => {
      const location = locationFor(tls, sample(path));
      if (simulatorRoute(path)) return one(location?.block, 'return')[0] === '404' && !proxies(location) ? [] : [`${method} ${path} reaches the simulator`];
      return proxies(location) ? [] : [`${method} ${path} is not passed on`];
    });
    expect(wrong).to.deep.equal([]);
  });

  it('refuses what the service refuses: bodies over its 64 KiB limit', () => {
    const [size] = one(tls, 'client_max_body_size');
    expect(Number(/^(\d+)k$/i.exec(size)?.[1]) * 1024).to.equal(MAX_BODY_BYTES);
  });

  it('keeps /healthz inside the network', () => {
    const health = locationFor(tls, '/healthz')!;
    expect(proxies(health)).to.equal(true);
    expect(directives(health.block, 'deny').map((d) => d.args)).to.deep.equal([['all']]);
    expect(directives(health.block, 'allow').map((d) => d.args[0])).to.include('127.0.0.1');
  });

  it('marks every request as relayed, so that /metrics through it needs METRICS_TOKEN', async () => {
    const headers = directives(tls, 'proxy_set_header').map((d) => d.args[0].toLowerCase());
    expect(headers).to.include.members(['host', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-proto']);
    const overriding = directives(tls, 'location').filter((l) => directives(l.block, 'proxy_set_header').length > 0);
    expect(overriding, 'a location with headers of its own drops the server’s').to.deep.equal([]);
    const metrics = (h: Record<string, string> = {}) => fetch(`${hall.url}/metrics`, { headers: h }).then((r) => r.status);
    expect(await metrics(), 'this machine').to.equal(200);
    expect(await metrics({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' }), 'relayed by the proxy').to.equal(401);
    expect(await metrics({ 'x-forwarded-for': '203.0.113.7', authorization: 'Bearer metrics-token-for-the-proxy-test' }), 'relayed, with the token').to.equal(200);
  });

  it('passes the Host the browser sent, which the dashboard’s forms check their Origin against', () => {
    const host = directives(tls, 'proxy_set_header').find((d) => d.args[0].toLowerCase() === 'host');
    expect(host?.args[1]).to.equal('$http_host');
  });

  it('forwards to the port the service listens on by default', () => {
    const upstream = directives(nginx, 'upstream').find((u) => u.args[0] === 'hallguard');
    expect(directives(upstream?.block, 'server').map((s) => s.args[0])).to.deep.equal([`127.0.0.1:${loadConfig({}).port}`]);
  });
});

describe('deploy/hallguard.service', () => {
  const unit = readFileSync(join(ROOT, 'deploy/hallguard.service'), 'utf8');
  const service = Object.fromEntries([...(/\[Service\]([^[]*)/.exec(unit)?.[1] ?? '').matchAll(/^(\w+)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]));
  const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;

  it('runs what `npm start` runs: the bundle, then Node on it, without npm in between', () => {
    const [build, run] = start.split('&&').map((s) => s.trim());
    expect(service.ExecStartPre).to.equal(build.replace(/^node /, '/usr/bin/node '));
    expect(service.ExecStart).to.equal(run.replace(/^node /, '/usr/bin/node '));
  });

  it('runs as its own user in the checkout, stopped by SIGTERM, free to write its database, its bundle and its backups only', () => {
    expect(service.User).to.match(/^\w+$/).and.not.equal('root');
    expect(service.KillSignal).to.equal('SIGTERM');
    expect(service.ProtectSystem).to.equal('strict');
    const dir = service.WorkingDirectory;
    const writable = service.ReadWritePaths.split(/\s+/).map((p) => p.replace(/^-/, ''));
    const sqlite = loadConfig({}).databaseUrl.replace(/^sqlite:/, '');
    expect(writable).to.include.members([join(dir, sqlite.split('/')[0]), join(dir, 'dist')]);
    expect(writable.some((p) => !p.startsWith(dir)), 'a backup directory outside the checkout').to.equal(true);
  });
});
