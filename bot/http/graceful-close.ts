import type { Server, ServerResponse } from 'node:http';

/**
 * A way to stop a server that waits for the requests in flight but not for
 * browsers: a keep-alive connection whose request was still running when
 * closing began would stay open after its answer (a browser keeps one for
 * minutes, and server.close waits for every connection). Such a connection is
 * told `Connection: close` if its answer has not started, and closed as soon as
 * its answer has gone; idle ones at once.
 */
export function gracefulClose(server: Server): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req: unknown, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const closeIdle = () => setImmediate(() => server.closeIdleConnections());
    server.on('request', (_req: unknown, res: ServerResponse) => {
      res.shouldKeepAlive = false;
      res.once('finish', closeIdle);
    });
    for (const res of inFlight) {
      if (!res.headersSent) res.shouldKeepAlive = false;
      res.once('finish', closeIdle);
    }
    server.closeIdleConnections();
    return closed;
  };
}
