import type { Redis } from 'ioredis';
import type { AppConfig } from './config';
import { MemoryBus, RedisBus, type EventBus, type RedisLike } from './bus';

/** A Redis connection for REDIS_URL; commands wait for the connection instead of failing at start-up. */
export function redisConnection(url: string, options: { forBullmq?: boolean } = {}): Redis {
  // Loaded only when REDIS_URL is set: a single process without Redis does not carry the client.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis: Client } = require('ioredis') as typeof import('ioredis');
  return new Client(url, {
    // BullMQ's blocking commands need this off; our own commands retry a few times.
    maxRetriesPerRequest: options.forBullmq ? null : 3,
    enableReadyCheck: true,
    // Connects on first use: a one-off command that publishes nothing opens nothing.
    lazyConnect: true,
  });
}

/** The bus for this process: Redis pub/sub when REDIS_URL is set, in-process otherwise. */
export function createBus(config: Pick<AppConfig, 'redisUrl' | 'redisPrefix'>): EventBus {
  if (!config.redisUrl) return new MemoryBus();
  const pub = redisConnection(config.redisUrl);
  const sub = redisConnection(config.redisUrl);
  return new RedisBus(pub as unknown as RedisLike, sub as unknown as RedisLike, config.redisPrefix);
}
