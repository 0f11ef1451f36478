import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One request a fake platform server received. */
export interface RecordedCall {
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The JSON body, or null when there was none or it was not JSON. */
  body: Record<string, unknown> | null;
}

/**
 * A JSON server on a free loopback port for the fake platforms: each request
 * is decoded into a {@link RecordedCall} and answered with what `answer` says
 * (a status, a JSON payload, and any extra headers such as a redirect's Location).
 */
export async function listenJson(answer: (call: RecordedCall) => [number, unknown, Record<string, string>?]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      let body: Record<string, unknown> | null = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const [status, payload, headers] = answer({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}` };
}
