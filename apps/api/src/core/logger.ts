import pino, { type Logger } from 'pino';
import type { AppConfig } from './config';

/** Paths that may carry secrets; pino replaces their values before anything is written. */
const REDACT = [
  'password',
  '*.password',
  '*.*.password',
  'token',
  '*.token',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'variables.password',
  'variables.input.password',
];

export function createLogger(config: Pick<AppConfig, 'env' | 'logLevel'>): Logger {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return pino({
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { pid: process.pid },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}

export type { Logger };
