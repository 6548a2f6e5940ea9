/**
 * A per-user sliding-window rate limit for commands: at most `limit` commands
 * in any `windowMs`. Pure apart from the clock, which tests inject.
 */

/** The outcome of one attempt. */
export type RateDecision =
  | { readonly ok: true }
  /** Refused; `retryAt` is when (epoch ms) the next attempt will be allowed. */
  | { readonly ok: false; readonly retryAt: number };

export interface RateLimiter {
  /**
   * Counts one command by `key` (a user id) and says whether it may run. Refused attempts do not count.
   * A limiter shared between processes (Redis) answers asynchronously.
   */
  take(key: string): RateDecision | Promise<RateDecision>;
  /** The limiter's clock, so messages can say how long to wait. */
  now(): number;
}

/** A limiter in this process's memory: it answers at once. */
export interface LocalRateLimiter extends RateLimiter {
  take(key: string): RateDecision;
}

/** Options for {@link createRateLimiter}. */
export interface RateLimitOptions {
  /** Commands allowed per window. Default 5. */
  readonly limit?: number;
  /** Window length in milliseconds. Default 10 000. */
  readonly windowMs?: number;
  /** Clock in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

export const DEFAULT_RATE_LIMIT = 5;
export const DEFAULT_RATE_WINDOW_MS = 10_000;
/** Every this many attempts, users idle for a whole window are forgotten, so memory stays bounded. */
const SWEEP_EVERY = 1000;

export function createRateLimiter({ limit = DEFAULT_RATE_LIMIT, windowMs = DEFAULT_RATE_WINDOW_MS, now = Date.now }: RateLimitOptions = {}): LocalRateLimiter {
  const history = new Map<string, number[]>();
  let attempts = 0;

  const recent = (times: readonly number[], t: number): number[] => times.filter((at) => at > t - windowMs);

  return {
    now,
    take(key) {
      const t = now();
      if (++attempts % SWEEP_EVERY === 0) {
        for (const [k, times] of history) if (recent(times, t).length === 0) history.delete(k);
      }
      const times = recent(history.get(key) ?? [], t);
      if (times.length >= limit) {
        history.set(key, times);
        return { ok: false, retryAt: times[times.length - limit]! + windowMs };
      }
      times.push(t);
      history.set(key, times);
      return { ok: true };
    },
  };
}
