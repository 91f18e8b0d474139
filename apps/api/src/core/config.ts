import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

/** Raised for a bad configuration value; its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string; url: string }
  | {
      kind: 'mysql' | 'mariadb';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
      url: string;
    };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  database: DatabaseConfig;
  logLevel: string;
  publicUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  workers: number;
  /**
   * Which proxies in front may name the client in `X-Forwarded-For`: false (none,
   * the socket's address is the client), a hop count, or their addresses/CIDRs.
   */
  trustProxy: TrustProxy;
  webDist: string | null;
  seedOnEmpty: boolean;
  version: string;
  /** HMAC key of the history chain (HISTORY_KEY); required in production, else read from `keysFile`. */
  historyKey: string | null;
  /** Ed25519 key signing history checkpoints (HISTORY_SIGNING_KEY); same rule. */
  historySigningKey: string | null;
  /** Where development and test keep generated keys (KEYS_FILE), outside the database. */
  keysFile: string;
  /** A signed checkpoint every this many history entries of a dossier (HISTORY_CHECKPOINT_EVERY). */
  historyCheckpointEvery: number;
  /** Outbox worker: attempts before a message is given up (MAIL_MAX_ATTEMPTS) and first retry delay. */
  mailMaxAttempts: number;
  mailRetryBaseSeconds: number;
  /** How often the outbox worker looks for due messages (MAIL_POLL_MS). */
  mailPollMs: number;
  /** REDIS_URL: shared event bus and job queue across API nodes; null runs both in-process. */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel (REDIS_PREFIX, default `comptoir:`): several deployments can share one Redis. */
  redisPrefix: string;
  /** Where finished background exports are kept, shared by every node (EXPORT_DIR; a shared volume with several nodes). */
  exportDir: string;
  /** BullMQ: a job whose worker stopped renewing its lock this long (killed) is run again elsewhere (JOB_LOCK_MS). */
  jobLockMs: number;
  /** A name for this process in job and presence records (NODE_NAME, default host:pid). */
  nodeName: string;
}

export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false`/`0` (default), a number of proxy hops (`1` behind one
 * reverse proxy), or a comma-separated list of proxy addresses, CIDRs or
 * express's names (`loopback`, `linklocal`, `uniquelocal`). `true` is refused:
 * it would take the left-most `X-Forwarded-For`, which any client writes itself.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || /^(0|false|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must name the proxies to trust, not "${value}" (any client can write X-Forwarded-For): give the number of proxies in front (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.1,172.16.0.0/12 or loopback)`,
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `must be a hop count between 0 and 10, got "${value}"`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (bad.length > 0 || entries.length === 0) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be false, a hop count or a comma-separated list of IP addresses/CIDRs (or loopback, linklocal, uniquelocal); "${bad.join(', ') || value}" is not one`,
    );
  }
  return entries;
}

const DEFAULT_SQLITE = './data/comptoir.sqlite';

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = (raw ?? '').trim() || `sqlite:${DEFAULT_SQLITE}`;
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new ConfigError('DATABASE_URL', 'has an empty SQLite path (expected sqlite:./path.sqlite)');
    return { kind: 'sqlite', path, url: value };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      `is not a URL (expected sqlite:./path.sqlite, mysql://user:pass@host:3306/db or mariadb://…), got "${redactUrl(value)}"`,
    );
  }
  const protocol = url.protocol.replace(/:$/, '');
  if (protocol !== 'mysql' && protocol !== 'mariadb') {
    throw new ConfigError('DATABASE_URL', `has unsupported scheme "${protocol}" (use sqlite:, mysql: or mariadb:)`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new ConfigError('DATABASE_URL', 'names no database (expected …/dbname)');
  if (!url.hostname) throw new ConfigError('DATABASE_URL', 'names no host');
  return {
    kind: protocol,
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    url: value,
  };
}

/** The URL with its password replaced, safe for logs and error messages. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'production').trim();
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnv}"`);
  }
  const port = integer(env, 'PORT', 4000, 0, 65535);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError('PUBLIC_URL', `is not a URL, got "${publicUrl}"`);
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  }
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  }
  const logLevel = env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  const historyKey = env.HISTORY_KEY?.trim() || null;
  const historySigningKey = env.HISTORY_SIGNING_KEY?.trim() || null;
  const database = parseDatabaseUrl(env.DATABASE_URL);
  const dataDir = database.kind === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : './data';
  const webDistDefault = join(__dirname, '..', '..', '..', 'web', 'dist');
  return {
    env: nodeEnv,
    port,
    database,
    logLevel,
    publicUrl,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 24 * 7, 1, 24 * 365),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv !== 'development'),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Comptoir <no-reply@comptoir.local>',
    workers: integer(env, 'WEB_CONCURRENCY', 1, 1, 64),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    webDist: env.WEB_DIST === '' ? null : (env.WEB_DIST ?? webDistDefault),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    version: readVersion(),
    historyKey,
    historySigningKey,
    keysFile: env.KEYS_FILE?.trim() || join(dataDir, 'comptoir-keys.json'),
    exportDir: env.EXPORT_DIR?.trim() || join(dataDir, 'exports'),
    historyCheckpointEvery: integer(env, 'HISTORY_CHECKPOINT_EVERY', 100, 1, 1_000_000),
    mailMaxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 100),
    mailRetryBaseSeconds: integer(env, 'MAIL_RETRY_BASE_SECONDS', 30, 1, 86_400),
    mailPollMs: integer(env, 'MAIL_POLL_MS', 2000, 10, 3_600_000),
    redisUrl,
    redisPrefix: env.REDIS_PREFIX?.trim() || 'comptoir:',
    jobLockMs: integer(env, 'JOB_LOCK_MS', 30_000, 500, 3_600_000),
    nodeName: env.NODE_NAME?.trim() || `${hostname()}:${process.pid}`,
  };
}

/** Loads an optional `.env` from the working directory or the repository root; real environment variables win. */
export function loadDotEnv(): void {
  for (const file of [join(process.cwd(), '.env'), join(__dirname, '..', '..', '..', '..', '.env')]) {
    if (existsSync(file)) {
      process.loadEnvFile(file);
      return;
    }
  }
}
