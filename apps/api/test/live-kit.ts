import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../src/core/cookies';

export interface CloseInfo {
  code: number;
  reason: string;
}

/** One subscription's events, and ways to wait for them (never a fixed sleep). */
export class LiveSubscription<T = Record<string, unknown>> {
  readonly events: T[] = [];
  readonly errors: { message: string; extensions?: Record<string, unknown> }[] = [];
  completed = false;
  private waiters: (() => void)[] = [];
  readonly stop: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) this.errors.push(...(value.errors as never[]));
          if (value.data) this.events.push(value.data as T);
          this.wake();
        },
        error: (err) => {
          if (Array.isArray(err)) this.errors.push(...(err as never[]));
          else this.errors.push({ message: String((err as { reason?: string; message?: string })?.reason ?? (err as Error)?.message ?? err) });
          this.completed = true;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until `check` holds (re-evaluated at each event), or fails after `timeoutMs`. */
  async until(check: (s: this) => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(this.events)}; errors: ${JSON.stringify(this.errors)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first event (from `from` on) that matches, waiting for it. */
  async event(match: (e: T) => boolean = () => true, timeoutMs = 5000, from = 0): Promise<T> {
    let found: T | undefined;
    await this.until(() => (found = this.events.slice(from).find(match)) !== undefined, timeoutMs, 'a matching event');
    return found as T;
  }

  async error(timeoutMs = 5000): Promise<{ message: string; extensions?: Record<string, unknown> }> {
    await this.until(() => this.errors.length > 0, timeoutMs, 'an error');
    return this.errors[0];
  }
}

/** A graphql-ws client carrying a session cookie, like one browser tab; no reconnection (tests see every close). */
export class LiveClient {
  readonly client: Client;
  readonly closes: CloseInfo[] = [];
  connected = false;
  private readonly subscriptions: LiveSubscription<never>[] = [];

  constructor(baseUrl: string, token: string | undefined, options: { origin?: string } = {}) {
    const headers: Record<string, string> = {};
    if (token) headers.cookie = `${SESSION_COOKIE}=${token}`;
    if (options.origin) headers.origin = options.origin;
    class CookieWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    }
    this.client = createClient({
      url: baseUrl.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: CookieWebSocket,
      retryAttempts: 0,
      lazy: true,
      on: {
        connected: () => {
          this.connected = true;
        },
        closed: (event) => {
          const e = event as { code?: number; reason?: string };
          this.connected = false;
          this.closes.push({ code: e.code ?? 0, reason: String(e.reason ?? '') });
        },
      },
    });
  }

  subscribe<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
    const sub = new LiveSubscription<T>(this.client, query, variables);
    this.subscriptions.push(sub as never);
    return sub;
  }

  async dispose(): Promise<void> {
    for (const s of this.subscriptions) s.stop();
    await this.client.dispose();
  }
}

export const DOCUMENT_CHANGED = 'subscription($id: ID!) { documentChanged(id: $id) { documentId entryType sequence at user { id name } } }';
export const DOCUMENT_PRESENCE = 'subscription($id: ID!) { documentPresence(id: $id) { documentId viewers { id name } } }';
export const SUPPORT_CHANGED = 'subscription { supportRequestChanged { requestId change at } }';
export const ADMIN_SUPPORT_CHANGED = 'subscription { adminSupportRequestChanged { requestId dossierId change at } }';

export interface DocumentChanged {
  documentChanged: { documentId: string; entryType: string; sequence: number; at: string; user: { id: string; name: string } };
}
export interface DocumentPresence {
  documentPresence: { documentId: string; viewers: { id: string; name: string }[] };
}

/** Waits until `count` handlers of `topic` listen on this node's bus (a subscription is live once it listens). */
export async function listening(app: { bus: { listeners(topic: string): number } }, topic: string, count = 1, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (app.bus.listeners(topic) < count) {
    if (Date.now() > deadline) throw new Error(`timed out: ${app.bus.listeners(topic)} of ${count} listeners on ${topic}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
