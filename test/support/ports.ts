import { createServer } from 'node:net';

/** A free loopback port, for a process or a PUBLIC_URL that must name its port before the service starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
