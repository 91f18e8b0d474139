/**
 * The event bus every API process shares: in-process when REDIS_URL is unset
 * (one process does everything), Redis pub/sub when it is set (an event published
 * on node A reaches the subscribers of node B). Payloads cross it as JSON, in both
 * implementations, so a Date arrives as an ISO string wherever it is read.
 *
 * Beside pub/sub it keeps small shared sets whose members expire (presence: who
 * has a document open), in memory or in Redis sorted sets scored by expiry.
 */
export type BusHandler = (payload: unknown) => void;

export interface SharedSets {
  /** Adds (or refreshes) `member` of `key`, alive for `ttlMs`. */
  add(key: string, member: string, ttlMs: number): Promise<void>;
  remove(key: string, member: string): Promise<void>;
  /** Members still alive. */
  members(key: string): Promise<string[]>;
}

export interface EventBus {
  readonly kind: 'memory' | 'redis';
  publish(topic: string, payload: object): Promise<void>;
  /** Calls `handler` for each message on `topic` until the returned function is called. */
  subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>>;
  readonly sets: SharedSets;
  /** Handlers of `topic` in this process that are listening already (tests wait on it, never on a delay). */
  listeners(topic: string): number;
  close(): Promise<void>;
}

/** Topics: one per dossier (its users' events), the support team's, and session revocations. */
export const topics = {
  dossier: (dossierId: string) => `dossier:${dossierId}`,
  admin: 'admin',
  sessions: 'sessions',
  job: (jobId: string) => `job:${jobId}`,
} as const;

/** A session-revocation notice: every node re-checks its sockets of these users. */
export interface SessionsChanged {
  userIds: string[];
}

class MemorySets implements SharedSets {
  private readonly sets = new Map<string, Map<string, number>>();
  async add(key: string, member: string, ttlMs: number): Promise<void> {
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Map()));
    set.set(member, Date.now() + ttlMs);
  }
  async remove(key: string, member: string): Promise<void> {
    const set = this.sets.get(key);
    set?.delete(member);
    if (set && set.size === 0) this.sets.delete(key);
  }
  async members(key: string): Promise<string[]> {
    const set = this.sets.get(key);
    if (!set) return [];
    const now = Date.now();
    for (const [member, expires] of set) if (expires <= now) set.delete(member);
    return [...set.keys()];
  }
}

class Fanout {
  readonly handlers = new Map<string, Set<BusHandler>>();
  add(topic: string, handler: BusHandler): boolean {
    let set = this.handlers.get(topic);
    const first = !set;
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return first;
  }
  /** True when the topic has no handler left. */
  remove(topic: string, handler: BusHandler): boolean {
    const set = this.handlers.get(topic);
    if (!set) return false;
    set.delete(handler);
    if (set.size > 0) return false;
    this.handlers.delete(topic);
    return true;
  }
  deliver(topic: string, json: string): void {
    const set = this.handlers.get(topic);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(JSON.parse(json));
      } catch {
        // One subscriber's failure never stops the others.
      }
    }
  }
}

export class MemoryBus implements EventBus {
  readonly kind = 'memory' as const;
  readonly sets: SharedSets = new MemorySets();
  private readonly fanout = new Fanout();
  async publish(topic: string, payload: object): Promise<void> {
    const json = JSON.stringify(payload);
    // Asynchronous like Redis: a publisher never runs subscribers' code on its own stack.
    setImmediate(() => this.fanout.deliver(topic, json));
  }
  async subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>> {
    this.fanout.add(topic, handler);
    return async () => void this.fanout.remove(topic, handler);
  }
  listeners(topic: string): number {
    return this.fanout.handlers.get(topic)?.size ?? 0;
  }
  async close(): Promise<void> {
    this.fanout.handlers.clear();
  }
}

/** The parts of an ioredis client the bus uses (kept narrow so core does not depend on its types). */
export interface RedisLike {
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  zadd(key: string, score: number, member: string): Promise<unknown>;
  zrem(key: string, member: string): Promise<unknown>;
  zremrangebyscore(key: string, min: number | string, max: number | string): Promise<unknown>;
  zrange(key: string, start: number, stop: number): Promise<string[]>;
  pexpire(key: string, ms: number): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
  readonly status: string;
}

/** Closes a connection: politely when it was used, at once when it never connected (lazy). */
export async function closeRedis(redis: Pick<RedisLike, 'quit' | 'disconnect' | 'status'>): Promise<void> {
  if (redis.status === 'wait' || redis.status === 'end') redis.disconnect();
  else await redis.quit().catch(() => redis.disconnect());
}

class RedisSets implements SharedSets {
  constructor(
    private readonly redis: RedisLike,
    private readonly prefix: string,
  ) {}
  async add(key: string, member: string, ttlMs: number): Promise<void> {
    const k = this.prefix + key;
    await this.redis.zadd(k, Date.now() + ttlMs, member);
    // The whole set goes when nobody refreshes it (every node holding members died).
    await this.redis.pexpire(k, ttlMs * 2);
  }
  async remove(key: string, member: string): Promise<void> {
    await this.redis.zrem(this.prefix + key, member);
  }
  async members(key: string): Promise<string[]> {
    const k = this.prefix + key;
    await this.redis.zremrangebyscore(k, '-inf', Date.now());
    return this.redis.zrange(k, 0, -1);
  }
}

/** Redis pub/sub: one connection publishes and keeps the sets, one only listens. */
export class RedisBus implements EventBus {
  readonly kind = 'redis' as const;
  readonly sets: SharedSets;
  private readonly fanout = new Fanout();
  private readonly prefix: string;

  constructor(
    private readonly pub: RedisLike,
    private readonly sub: RedisLike,
    prefix = 'comptoir:',
  ) {
    this.prefix = prefix;
    this.sets = new RedisSets(pub, prefix + 'set:');
    sub.on('message', (channel, message) => {
      if (channel.startsWith(this.prefix)) this.fanout.deliver(channel.slice(this.prefix.length), message);
    });
  }

  async publish(topic: string, payload: object): Promise<void> {
    await this.pub.publish(this.prefix + topic, JSON.stringify(payload));
  }

  async subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>> {
    // Counted as listening only once Redis confirmed the channel.
    if (!this.fanout.handlers.has(topic)) await this.sub.subscribe(this.prefix + topic);
    this.fanout.add(topic, handler);
    return async () => {
      if (this.fanout.remove(topic, handler)) await this.sub.unsubscribe(this.prefix + topic).catch(() => undefined);
    };
  }

  listeners(topic: string): number {
    return this.fanout.handlers.get(topic)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.fanout.handlers.clear();
    await Promise.allSettled([closeRedis(this.pub), closeRedis(this.sub)]);
  }
}

/**
 * Turns bus messages into an async iterator (what a GraphQL subscription returns).
 * `map` filters and shapes (undefined drops the message); `onEnd` runs once when
 * the client stops, the connection drops or the server closes the socket.
 */
export function busIterator<T>(
  bus: EventBus,
  topicList: string[],
  map: (payload: unknown) => T | undefined | Promise<T | undefined>,
  hooks: { onEnd?: () => void | Promise<void>; initial?: () => Promise<T | undefined> } = {},
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | null = null;
  let done = false;
  const unsubscribers: Promise<() => Promise<void>>[] = [];
  // Messages are shaped in order: a slow `map` never lets a later message overtake.
  let chain: Promise<void> = Promise.resolve();

  const push = (value: T) => {
    if (done) return;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value, done: false });
    } else {
      queue.push(value);
      // A client that never reads: bounded, the oldest events go first.
      if (queue.length > 1000) queue.shift();
    }
  };
  const onMessage = (payload: unknown) => {
    chain = chain.then(async () => {
      try {
        const value = await map(payload);
        if (value !== undefined) push(value);
      } catch {
        // A message that cannot be shaped is dropped, never thrown at the client.
      }
    });
  };
  for (const topic of topicList) unsubscribers.push(bus.subscribe(topic, onMessage));
  if (hooks.initial) {
    const initial = hooks.initial;
    chain = chain.then(async () => {
      await Promise.all(unsubscribers);
      const value = await initial();
      if (value !== undefined) push(value);
    });
  }

  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      queue.length = 0;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: undefined, done: true });
      }
      for (const unsubscribe of unsubscribers) await (await unsubscribe)();
      await hooks.onEnd?.();
    }
    return { value: undefined, done: true };
  };

  return {
    next(): Promise<IteratorResult<T>> {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: async (err?: unknown) => {
      await finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
