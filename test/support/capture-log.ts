import { EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../bot/log';

type Line = Record<string, unknown>;

/**
 * A pino logger whose JSON lines a test can read back, and wait for: `logged`
 * resolves once a line with that message has been written.
 */
export function captureLog(): { log: Logger; lines: Line[]; logged: (msg: string) => Promise<Line> } {
  const lines: Line[] = [];
  const events = new EventEmitter();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line));
        events.emit('line');
      }
      done();
    },
  });
  const logged = async (msg: string): Promise<Line> => {
    for (;;) {
      const hit = lines.find((l) => l.msg === msg);
      if (hit) return hit;
      await once(events, 'line');
    }
  };
  return { log: pino({ level: 'debug' }, sink), lines, logged };
}
