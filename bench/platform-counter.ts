import { createServer } from 'node:http';

/**
 * A stand-in for the WeCom and DingTalk APIs on loopback that answers every
 * call with success and counts the calls per path (the bench's fan-out).
 */
export async function startPlatformCounter(): Promise<{ url: string; calls: Map<string, number>; close: () => Promise<void> }> {
  const calls = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      calls.set(path, (calls.get(path) ?? 0) + 1);
      const body =
        path === '/cgi-bin/gettoken'
          ? { errcode: 0, access_token: 'bench', expires_in: 7200 }
          : path === '/v1.0/oauth2/accessToken'
            ? { accessToken: 'bench', expireIn: 7200 }
            : { errcode: 0, errmsg: 'ok', invaliduser: '', flowControlledStaffIdList: [], invalidStaffIdList: [] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
