/**
 * Slows down password guessing: failed sign-ins are counted in Redis per
 * account and per client address (every process of a deployment counts
 * together), and past the limit sign-in answers 429 until the window that
 * began with the first failure ends. A delay, not a lock: nobody has to
 * unlock an account, and a success clears that account's count.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface ThrottleLimits {
  /** Failures per account within the window before sign-in is refused. */
  perAccount: number;
  /** Failures per client address within the window (several people may share an office's address). */
  perClient: number;
  windowSeconds: number;
}

/** Counts one failure; the window starts with the first (set in the same script, so a key never lacks an expiry). */
const FAIL = `
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 1`;

/** For each key: its count and milliseconds left. */
const READ = `
local out = {}
for i, key in ipairs(KEYS) do
  out[#out + 1] = tonumber(redis.call('GET', key) or '0')
  out[#out + 1] = redis.call('PTTL', key)
end
return out`;

export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    /** QUEUE_PREFIX: keys live under `<prefix>:limit:login:`. */
    private readonly prefix: string,
    private readonly limits: ThrottleLimits,
  ) {}

  // Logins are hashed in the key names: Redis holds no staff names.
  private accountKey(login: string): string {
    return `${this.prefix}:limit:login:account:${createHash('sha256').update(login).digest('hex').slice(0, 32)}`;
  }

  private clientKey(ip: string): string {
    return `${this.prefix}:limit:login:client:${ip}`;
  }

  /** Seconds to wait before this login may be tried from this address, or 0 when it may be tried now. */
  async waitSeconds(login: string, ip: string): Promise<number> {
    const [account, accountMs, client, clientMs] = (await this.redis.eval(READ, 2, this.accountKey(login), this.clientKey(ip))) as number[];
    const waits = [account! >= this.limits.perAccount ? accountMs! : 0, client! >= this.limits.perClient ? clientMs! : 0];
    const ms = Math.max(...waits);
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  async failed(login: string, ip: string): Promise<void> {
    await this.redis.eval(FAIL, 2, this.accountKey(login), this.clientKey(ip), String(this.limits.windowSeconds * 1000));
  }

  async succeeded(login: string): Promise<void> {
    await this.redis.del(this.accountKey(login));
  }
}
