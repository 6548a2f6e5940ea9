/**
 * Per-user rate limits shared by every replica through Redis (ioredis): the
 * same sliding window as the in-process limiter (at most `limit` commands in
 * any `windowMs`), kept as one sorted set of timestamps per user and updated
 * atomically by one Lua script, on Redis's clock so replicas' clocks need not
 * agree.
 *
 * While Redis cannot be reached (not connected, an error, or slower than
 * {@link REDIS_COMMAND_TIMEOUT_MS}), each replica limits in its own memory
 * instead, and says so once in the log; it says so again when Redis is back.
 * Answering never waits on Redis longer than that timeout.
 */
import { Redis } from 'ioredis';
import { createRateLimiter, type RateDecision, type RateLimiter } from '../bot/rate-limit.ts';
import type { Logger } from '../log.ts';

/** Longest wait for Redis before limiting in memory for this command. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;
/** Key prefix of the rate-limit sets. */
export const RATE_LIMIT_KEY_PREFIX = 'citebot:rate:';

/**
 * KEYS[1] the user's set; ARGV limit, window ms, a member suffix unique to this call.
 * Returns {1} when allowed, {0, retryAt ms} when not.
 */
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window}
end
redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1}
`;

/** Options for {@link createRedisRateLimiter}. */
export interface RedisRateLimitOptions {
  /** `redis://` or `rediss://` URL. */
  readonly url: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly logger: Logger;
  /** Key prefix, default {@link RATE_LIMIT_KEY_PREFIX} (tests use their own). */
  readonly prefix?: string;
}

/** A shared limiter; `close()` disconnects from Redis. */
export interface SharedRateLimiter extends RateLimiter {
  /** True while decisions come from Redis, false while limiting in memory. */
  readonly shared: boolean;
  close(): Promise<void>;
}

type SlidingWindow = (key: string, limit: number, windowMs: number, member: string) => Promise<[number, number?]>;

export function createRedisRateLimiter({ url, limit, windowMs, logger, prefix = RATE_LIMIT_KEY_PREFIX }: RedisRateLimitOptions): SharedRateLimiter {
  const local = createRateLimiter({ limit, windowMs });
  const redis = new Redis(url, {
    // Fail at once while disconnected rather than queue: the memory limiter answers instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Keep trying to reconnect, at most every 5 s.
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5_000),
    lazyConnect: false,
  });
  redis.defineCommand('citebotSlidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
  const slidingWindow = (redis as unknown as { citebotSlidingWindow: SlidingWindow }).citebotSlidingWindow.bind(redis);
  let state: 'starting' | 'shared' | 'degraded' = 'starting';
  let calls = 0;

  const degrade = (reason: string): void => {
    if (state === 'degraded') return;
    state = 'degraded';
    logger.warn({ reason }, 'Redis cannot be reached: rate limits are per process until it is back');
  };
  redis.on('error', (err: Error) => {
    logger.debug({ err: { message: err.message } }, 'Redis connection error');
    degrade(err.message);
  });
  redis.on('close', () => {
    if (state === 'shared') degrade('connection closed');
  });
  const recover = (): void => {
    if (state === 'degraded') logger.info('Redis is back: rate limits are shared again');
    state = 'shared';
  };
  /** While the first connection is being made, wait for it as long as for a command. */
  const connected = (): Promise<boolean> =>
    redis.status === 'ready'
      ? Promise.resolve(true)
      : state !== 'starting'
        ? Promise.resolve(false)
        : new Promise((resolve) => {
            const done = (ok: boolean): void => {
              clearTimeout(timer);
              redis.off('ready', onReady);
              resolve(ok);
            };
            const onReady = (): void => done(true);
            const timer = setTimeout(() => done(false), REDIS_COMMAND_TIMEOUT_MS);
            redis.once('ready', onReady);
          });
  redis.on('ready', recover);

  return {
    get shared() {
      return state === 'shared';
    },
    now: Date.now,
    async take(key): Promise<RateDecision> {
      if (!(await connected())) {
        degrade(`connection ${redis.status}`);
        return local.take(key);
      }
      try {
        const [ok, retryAt] = await slidingWindow(`${prefix}${key}`, limit, windowMs, `${process.pid}:${++calls}:${Math.random().toString(36).slice(2, 8)}`);
        recover();
        return ok === 1 ? { ok: true } : { ok: false, retryAt: Number(retryAt) };
      } catch (err) {
        degrade((err as Error).message);
        return local.take(key);
      }
    },
    async close() {
      redis.removeAllListeners('close');
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
