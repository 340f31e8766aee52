/**
 * Graceful shutdown of the HTTP front, in three states:
 * - `running`;
 * - `draining` (SHUTDOWN_DRAIN_MS after SIGTERM): /healthz answers 503 so load
 *   balancers take us out of rotation; requests are still served, with
 *   `Connection: close` so keep-alive clients move on;
 * - `closing`: requests in flight finish; new ones get our 503 with Retry-After
 *   and `Connection: close`; when none is left in flight, and clients have had
 *   REFUSE_MS to hear that 503, the listener stops accepting, and a moment later
 *   (fastify's close) idle connections are closed.
 */
import { Server } from 'node:net';
import fp from 'fastify-plugin';

export type LifecycleState = 'running' | 'draining' | 'closing';

export interface Lifecycle {
  readonly state: LifecycleState;
  /** Drains for `drainMs`, then refuses new requests and resolves once none is in flight. */
  windDown(drainMs: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export const RETRY_AFTER_SECONDS = 5;
/**
 * How long a closing gateway keeps accepting, only to answer 503 + Retry-After. A client told so backs
 * off; one that meets a closed listener instead can be reset by the kernel (its connection was still in
 * the accept queue), which it cannot tell from a lost request.
 */
const REFUSE_MS = 1_000;
/** After the listener stops accepting, how long connections accepted just before get to send their request. */
const SETTLE_MS = 200;

export default fp(
  async (app) => {
    let state: LifecycleState = 'running';
    let inFlight = 0;
    const idle: (() => void)[] = [];
    const settle = () => {
      if (--inFlight === 0) idle.splice(0).forEach((resolve) => resolve());
    };

    app.decorate('lifecycle', {
      get state() {
        return state;
      },
      async windDown(drainMs: number) {
        if (state !== 'running') return;
        state = 'draining';
        if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
        state = 'closing';
        // Ctrl-C and tests (no drain) stop at once; an orchestrator's SIGTERM gives clients time to hear the 503.
        const refused = new Promise((r) => setTimeout(r, drainMs > 0 ? REFUSE_MS : 0));
        // A request that never ends must not hold the process: fastify's close (and main's timer) deal with it.
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            idle.push(resolve);
            setTimeout(resolve, app.deps.config.SHUTDOWN_GRACE_MS).unref();
          });
        }
        await refused;
        // Stop accepting first, without http's closeIdleConnections: a connection accepted just now has
        // not sent its request yet and counts as idle; closing it would reset that request. Given a
        // moment, it gets our 503. (fastify's close calls close again, which is safe once drained.)
        if (app.server.listening) {
          Server.prototype.close.call(app.server);
          await new Promise((r) => setTimeout(r, SETTLE_MS));
        }
      },
    } satisfies Lifecycle);

    app.addHook('onRequest', async (_req, reply) => {
      if (state !== 'running') reply.header('Connection', 'close');
      if (state === 'closing') {
        return reply
          .code(503)
          .header('Retry-After', String(RETRY_AFTER_SECONDS))
          .type('application/json; charset=utf-8')
          .send({ error: 'unavailable', message: 'the gateway is shutting down; retry shortly' });
      }
      inFlight++;
      reply.raw.once('close', settle);
    });
  },
  { name: 'shutdown' },
);
