/**
 * Rate limits for the HTTP routes, shared through Redis (src/core/shared-limit.ts).
 * A route calls `app.enforceLimits(reply, hits, …)`; past a limit the answer is
 * 429 `{ error: 'rate_limited', field, message }` with Retry-After, in the
 * app's one error format (a form's error handler turns it into a page).
 */
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import { InputError, UnavailableError } from '../../core/errors.js';
import { SharedLimits, type LimitRule } from '../../core/shared-limit.js';

export interface EnforceOptions {
  /** `admit`: without Redis, let the request through (intake must not lose messages); `refuse`: answer 503. */
  whenRedisDown: 'admit' | 'refuse';
  message: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: SharedLimits;
    /** Counts one hit on each limit; throws a 429 InputError (Retry-After set) past any of them. */
    enforceLimits(reply: FastifyReply, hits: [LimitRule, string][], options: EnforceOptions): Promise<void>;
  }
}

export default fp(
  async (app) => {
    const limits = new SharedLimits(app.deps.redis, app.deps.config.QUEUE_PREFIX);
    app.decorate('limits', limits);
    app.decorate('enforceLimits', async (reply: FastifyReply, hits: [LimitRule, string][], options: EnforceOptions) => {
      let verdict;
      try {
        verdict = await limits.takeAll(hits);
      } catch (err) {
        reply.log.warn({ err: (err as Error).message }, 'rate limits unavailable');
        if (options.whenRedisDown === 'admit') return;
        throw new UnavailableError('redis', { cause: err });
      }
      if (verdict.allowed) return;
      reply.header('Retry-After', String(verdict.retryAfterSeconds));
      throw new InputError(verdict.rule?.field ?? 'client', `${options.message} (retry after ${verdict.retryAfterSeconds} s)`, 429, 'rate_limited');
    });
  },
  { name: 'limits' },
);
