// Structured logs with pino; secrets in headers are redacted wherever they appear.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** `toStderr`: for CLI verbs whose standard output is data (JSON, keys). */
export function createLogger(config: Pick<Config, 'logLevel' | 'logPretty'>, toStderr = false): Logger {
  const options = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', '*.password', '*.secret'],
    ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: toStderr ? 2 : 1 } } } : {}),
  };
  return config.logPretty || !toStderr ? pino(options) : pino(options, pino.destination(2));
}
