import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type AppConfig } from './config';

/**
 * The server's secrets, never stored in the database (someone who can write the
 * database must not be able to re-seal the history or read pending mail):
 * - `historyKey`: the HMAC-SHA256 key of the history chain (HISTORY_KEY);
 * - `signingKey`: the Ed25519 key that signs history checkpoints
 *   (HISTORY_SIGNING_KEY); its public half is what an auditor verifies with;
 * - `mailKey`: derived from HISTORY_KEY (HKDF, its own label) to encrypt the
 *   unredacted text of outbox messages until they are sent.
 */
export interface AppKeys {
  historyKey: Buffer;
  signingKey: KeyObject;
  publicKey: KeyObject;
  mailKey: Buffer;
  /** The public key, SPKI PEM: what `verify-history --public-key` reads. */
  publicKeyPem: string;
}

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A 32-byte key given as 64 hex characters or base64. */
export function parseSecret(variable: string, raw: string): Buffer {
  const value = raw.trim();
  const bytes = /^[0-9a-fA-F]{64,}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length < 32) throw new ConfigError(variable, 'must be at least 32 random bytes, as hex (openssl rand -hex 32) or base64');
  return bytes;
}

/** An Ed25519 private key: a PEM block, or the 32-byte seed as hex/base64. */
export function parseSigningKey(variable: string, raw: string): KeyObject {
  const value = raw.trim().replace(/\\n/g, '\n');
  try {
    const key = value.includes('-----BEGIN')
      ? createPrivateKey(value)
      : createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, parseSecret(variable, value).subarray(0, 32)]), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(variable, 'must be an Ed25519 private key (PEM) or its 32-byte seed as hex (openssl rand -hex 32)');
  }
}

interface KeysFile {
  historyKey: string;
  signingKey: string;
}

/**
 * Reads the key file, or creates it (mode 0600) with fresh keys. Only outside
 * production: there the keys come from the environment (loadConfig refuses to
 * start without them). Several processes starting together agree: the file is
 * created exclusively and the losers read the winner's.
 */
function readOrCreateKeysFile(path: string): KeysFile {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as KeysFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const fresh: KeysFile = {
    historyKey: randomBytes(32).toString('hex'),
    signingKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${JSON.stringify(fresh, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600);
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(readFileSync(path, 'utf8')) as KeysFile;
  }
}

const cache = new Map<string, AppKeys>();

/** The keys of this configuration: from the environment, else (not in production) the key file. */
export function loadKeys(config: Pick<AppConfig, 'env' | 'historyKey' | 'historySigningKey' | 'keysFile'>): AppKeys {
  const cacheKey = `${config.historyKey ?? ''}|${config.historySigningKey ?? ''}|${config.keysFile}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let historyKeyRaw = config.historyKey;
  let signingKeyRaw = config.historySigningKey;
  if (!historyKeyRaw || !signingKeyRaw) {
    // Production never generates keys: a new key would leave the existing chain unverifiable.
    if (config.env === 'production' && !historyKeyRaw) {
      throw new ConfigError('HISTORY_KEY', 'is required in production (32 random bytes as hex: openssl rand -hex 32)');
    }
    if (config.env === 'production') {
      throw new ConfigError('HISTORY_SIGNING_KEY', 'is required in production (an Ed25519 seed as hex: openssl rand -hex 32, or a PEM private key)');
    }
    const file = readOrCreateKeysFile(config.keysFile);
    historyKeyRaw ??= file.historyKey;
    signingKeyRaw ??= file.signingKey;
  }
  const historyKey = parseSecret('HISTORY_KEY', historyKeyRaw);
  const signingKey = parseSigningKey('HISTORY_SIGNING_KEY', signingKeyRaw);
  const publicKey = createPublicKey(signingKey);
  const keys: AppKeys = {
    historyKey,
    signingKey,
    publicKey,
    mailKey: Buffer.from(hkdfSync('sha256', historyKey, Buffer.alloc(0), 'comptoir/mail-outbox/v1', 32)),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
  cache.set(cacheKey, keys);
  return keys;
}
