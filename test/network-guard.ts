/**
 * Tests never reach the network (vitest setup file). Every TCP connection to
 * anything but this machine fails at once with an error naming where it was
 * going, and fetch goes through undici's MockAgent, which lets only loopback
 * through. Local fakes (Twilio, the Bot API, SMTP sinks), PostgreSQL and Redis
 * are on this machine and unaffected.
 *
 * A refused connection also fails the test it happened in: the code under test
 * may well catch the error (a relay records a failed send), and a test that
 * passes while talking to the internet would pass here and fail offline.
 */
import net from 'node:net';
import { afterEach, inject } from 'vitest';
import { MockAgent, setGlobalDispatcher } from 'undici';

/** Where tests may connect: loopback, and the hosts of the PostgreSQL and Redis chosen for the run. */
const allowedHosts = new Set(['localhost', '0.0.0.0', '::']);
for (const url of [inject('testDatabaseUrl'), inject('testRedisUrl')]) {
  if (url) allowedHosts.add(new URL(url).hostname.replace(/^\[|\]$/g, ''));
}

export function isThisMachine(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.has(bare) || bare.endsWith('.localhost')) return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

const refused: string[] = [];

/** The connections refused since the last call (the test that proves the guard takes its own). */
export function takeRefused(): string[] {
  return refused.splice(0);
}

export function refusalMessage(target: string): string {
  return `tests may not reach the network: connection to ${target} refused (test/network-guard.ts); run a local fake instead`;
}

/** Where a call to Socket#connect is going: its options, (port, host), or a Unix socket path. */
function targetOf(args: unknown[]): { host: string; port: unknown } | null {
  // net.connect() hands connect() its arguments already normalized, as an array [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { path?: string; host?: string; port?: unknown };
    return options.path ? null : { host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
  }
  return null; // a path: a Unix socket
}

// Kept to call on the socket it was taken from (`connect.apply(this, …)` below).
// eslint-disable-next-line @typescript-eslint/unbound-method
const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const target = targetOf(args);
  if (!target || isThisMachine(target.host)) return connect.apply(this, args);
  const where = `${target.host}:${String(target.port)}`;
  refused.push(where);
  const error = Object.assign(new Error(refusalMessage(where)), { code: 'ERR_TEST_NETWORK' });
  // As a failed connection would: the caller's error handlers are attached by the next tick.
  process.nextTick(() => this.destroy(error));
  return this;
};

const agent = new MockAgent();
agent.disableNetConnect();
agent.enableNetConnect((host: string) => {
  const allowed = isThisMachine(host.replace(/:\d+$/, ''));
  if (!allowed) refused.push(host);
  return allowed;
});
setGlobalDispatcher(agent);

afterEach(() => {
  const attempts = takeRefused();
  if (attempts.length) throw new Error(`${refusalMessage(attempts.join(', '))}: this test tried to reach the network`);
});
