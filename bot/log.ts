import { pino, type Logger } from 'pino';
import { maskUrlsIn } from './http/userinfo';
import { maskPersonalNumbers } from './privacy/numbers';

export type { Logger };

/**
 * JSON-lines logger. Secrets are redacted by path wherever they might be passed
 * in a structured field; code never interpolates them into messages.
 * `destination` defaults to stdout.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'hallguard' },
    redact: {
      paths: ['*.access_token', '*.accessToken', '*.secret', '*.corpsecret', '*.appSecret', '*.key', 'config.*', 'headers.sign', 'query.access_token', 'query.key'],
      censor: '[redacted]',
    },
    // An error may quote a URL with its password (a database driver's message): its userinfo never reaches the log;
    // nor does a phone or ID number it quotes (a constraint's detail, SPEC §12).
    serializers: { err: maskedError },
  };
  return destination ? pino(options, destination) : pino(options);
}

function maskedError(err: Error): Record<string, unknown> {
  const plain = pino.stdSerializers.err(err);
  return Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, typeof value === 'string' ? maskPersonalNumbers(maskUrlsIn(value)) : value]));
}

/** A logger that writes nothing, for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
