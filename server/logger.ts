// Structured logs with pino; secrets in headers are redacted wherever they appear.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel' | 'logPretty'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', '*.password', '*.secret'],
    ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  });
}
