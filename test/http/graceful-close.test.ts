import { expect } from 'chai';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gracefulClose } from '../../bot/http/graceful-close';

/** A GET through a keep-alive agent, as a browser polls: its status and its Connection header. */
function get(port: number, agent: Agent, path: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    request({ port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Stopping the service must not wait on a browser: a page that polls keeps its
 * connection alive for minutes, and one whose request was running when the
 * service began to stop used to hold the stop until the browser let go
 * (seen as a hung test on PostgreSQL, 1 run in 30).
 */
describe('stopping the HTTP server', () => {
  let server: Server;
  let release: () => void;
  let arrived: Promise<void>;
  let close: () => Promise<void>;
  const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
  afterEach(() => {
    agent.destroy();
    server.closeAllConnections();
  });

  beforeEach(async () => {
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrive: () => void;
    arrived = new Promise<void>((resolve) => (arrive = resolve));
    server = createServer((req, res) => {
      if (req.url === '/slow') {
        arrive();
        void held.then(() => res.end('late'));
      }
      else res.end('ok');
    });
    close = gracefulClose(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  const port = () => (server.address() as AddressInfo).port;

  it('answers a request in flight, then closes its kept-alive connection instead of waiting for the client', async () => {
    expect((await get(port(), agent, '/fast')).status).to.equal(200);
    const slow = get(port(), agent, '/slow');
    await arrived;
    let stopped = false;
    const stopping = close().then(() => (stopped = true));
    // The answer in flight still arrives, told the connection is closing…
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped, 'stopped before the answer in flight').to.equal(false);
    release();
    const answered = await slow;
    expect(answered.status).to.equal(200);
    expect(answered.connection).to.equal('close');
    // …and the server stops at once, though the client would keep the connection for a minute.
    await stopping;
    expect(stopped).to.equal(true);
  });

  it('closes idle kept-alive connections at once', async () => {
    expect((await get(port(), agent, '/fast')).status).to.equal(200);
    await close();
    expect(server.listening).to.equal(false);
  });
});
