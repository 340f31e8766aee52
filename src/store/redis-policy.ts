/** Redis's eviction policy, which BullMQ needs to be `noeviction`. */
import type { Redis } from 'ioredis';

export const EVICTION_HINT = 'BullMQ needs Redis to keep every key: set maxmemory-policy noeviction (redis.conf, or CONFIG SET maxmemory-policy noeviction)';

/** `maxmemory-policy` from CONFIG GET, or from INFO where CONFIG is disabled (managed Redis); null when neither answers. */
export async function readEvictionPolicy(redis: Redis): Promise<string | null> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    if (reply?.[1]) return reply[1];
  } catch {
    // CONFIG renamed or refused: INFO says it too.
  }
  try {
    const info = await redis.info('memory');
    return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
  } catch {
    return null;
  }
}
