import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const REDACTED = '[masqué]';

/** Query parameters whose value is a credential wherever they appear in a message. */
const SECRET_PARAMS = /([?&#](?:token|code|key|secret|password|otp)=)[^\s&#"'<>]+/gi;

/**
 * The text as it may be stored and shown: every secret the caller names, and
 * every credential-looking link parameter, replaced. Secrets are replaced before
 * the pattern so that a secret outside a link is caught too.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  return out.replace(SECRET_PARAMS, `$1${REDACTED}`);
}

/** AES-256-GCM with the message id as associated data: a sealed text cannot be moved to another row. */
export function seal(key: Buffer, messageId: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(messageId));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(key: Buffer, messageId: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(messageId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
