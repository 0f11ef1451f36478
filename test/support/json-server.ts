import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** One request a fake platform server received. */
export interface RecordedCall {
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The JSON body, or null when there was none or it was not JSON. */
  body: Record<string, unknown> | null;
  /** The body as it came (a multipart upload's bytes). */
  raw: Buffer;
}

type Answer = [number, unknown, Record<string, string>?];

/**
 * A JSON server on a free loopback port for the fake platforms: each request
 * is decoded into a {@link RecordedCall} and answered with what `answer` says
 * (a status, a JSON payload, and any extra headers such as a redirect's
 * Location) — at once, or after the fake has checked something (a fetched image).
 */
export async function listenJson(answer: (call: RecordedCall) => Answer | Promise<Answer>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks);
      let body: Record<string, unknown> | null = null;
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
      } catch {
        body = null;
      }
      const [status, payload, headers] = await answer({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body, raw });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}` };
}
