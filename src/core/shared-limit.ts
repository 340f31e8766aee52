/**
 * Rate limits kept in Redis, so they hold across every process of a
 * deployment (several HTTP fronts behind one balancer count together).
 * A fixed window per key: INCR, and the window's expiry set by the first
 * hit, in one Lua script so a crash between the two cannot leave a key
 * that never expires.
 */
import type { Redis } from 'ioredis';

const TAKE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

export interface LimitVerdict {
  allowed: boolean;
  /** Seconds until the key's window ends (for Retry-After). */
  retryAfterSeconds: number;
  /** The rule that refused, when one did. */
  rule?: LimitRule;
}

/** ioredis connection states in which a command cannot go out now. */
const REDIS_DOWN = new Set(['reconnecting', 'close', 'end']);

/** How long a limit may wait for Redis before it decides without it. */
const REDIS_TIMEOUT_MS = 1_000;

export interface LimitRule {
  /** A name for this limit, part of every key ("intake:client"). */
  name: string;
  /** What the limit counts, as a 429 names it (`client`, `contact`, `caseNo`). */
  field?: string;
  max: number;
  windowMs: number;
}

export class SharedLimits {
  constructor(
    private readonly redis: Redis,
    /** Keys live under `<prefix>:limit:` (QUEUE_PREFIX, so tests and deployments sharing a Redis stay apart). */
    private readonly prefix: string,
  ) {}

  /**
   * Counts one hit on `rule` for `key`. When Redis cannot answer within a second it
   * throws, and the caller decides: public intake lets the message in (nothing
   * accepted may be lost to a limit), lookups refuse.
   */
  async take(rule: LimitRule, key: string): Promise<LimitVerdict> {
    // A lost connection is not worth waiting for (ioredis would queue the command until it is back).
    if (REDIS_DOWN.has(this.redis.status)) throw new Error(`redis ${this.redis.status}`);
    let timer: NodeJS.Timeout | undefined;
    const result = (await Promise.race([
      this.redis.eval(TAKE, 1, `${this.prefix}:limit:${rule.name}:${key}`, String(rule.windowMs)),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('redis timed out')), REDIS_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer))) as [number, number];
    const [count, ttlMs] = result;
    return { allowed: count <= rule.max, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)), rule };
  }

  /** Takes every rule in order and stops at the first one exceeded (its verdict), else allowed. */
  async takeAll(hits: [LimitRule, string][]): Promise<LimitVerdict> {
    for (const [rule, key] of hits) {
      const verdict = await this.take(rule, key);
      if (!verdict.allowed) return verdict;
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
