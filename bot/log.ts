import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON-lines logger. Secrets are redacted by path wherever they might be passed
 * in a structured field; code never interpolates them into messages.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { service: 'hallguard' },
    redact: {
      paths: ['*.access_token', '*.accessToken', '*.secret', '*.corpsecret', '*.appSecret', '*.key', 'config.*', 'headers.sign', 'query.access_token', 'query.key'],
      censor: '[redacted]',
    },
  });
}

/** A logger that writes nothing, for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
