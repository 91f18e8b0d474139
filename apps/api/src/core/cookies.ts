import { parseCookie } from 'cookie';

/** What the API needs from HTTP cookies, so services never touch express. */
export interface CookieOptions {
  maxAgeSeconds?: number;
}

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options?: CookieOptions): void;
  clear(name: string): void;
}

export const SESSION_COOKIE = 'comptoir_session';

/** A jar that records what would be sent: for `executeOperation` tests and internal calls. */
export class MemoryCookieJar implements CookieJar {
  readonly values = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
  }
  get(name: string) {
    return this.values.get(name);
  }
  set(name: string, value: string) {
    this.values.set(name, value);
  }
  clear(name: string) {
    this.values.delete(name);
  }
}

/**
 * Parses a `Cookie:` request header with the `cookie` package (RFC 6265): the first
 * of duplicate names wins, an empty name is skipped, a value that is not valid
 * percent-encoding is kept as sent.
 */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseCookie(header ?? ''))) {
    if (name && value !== undefined) cookies[name] = value;
  }
  return cookies;
}
