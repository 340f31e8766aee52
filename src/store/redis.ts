/** The two kinds of Redis connection the gateway opens. */
import { Redis } from 'ioredis';

/**
 * Producers fail fast when Redis is down (no offline queue): the message is
 * already stored, and the sweeper queues it once Redis is back. They also find
 * out fast that it is back, since /healthz reads this connection: a connect
 * attempt is given up after a second (one into a silent network would wait
 * ioredis's 10 s), and attempts are at most half a second apart (not 2 s).
 */
export function producerConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 50, 500),
  });
}

/** Workers wait for Redis as long as it takes (BullMQ requires this). */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
