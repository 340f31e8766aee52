/**
 * The guard in test/network-guard.ts (a setup file of every test file): a
 * connection beyond this machine fails at once and names where it was going;
 * connections to this machine go through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import https from 'node:https';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Before this file imports the guard itself: vitest's setupFiles must have put it in place for every test file.
const guardedBySetup = net.Socket.prototype.connect.name === 'guardedConnect';
const { takeRefused } = await import('./network-guard.js');

const UNROUTABLE = '203.0.113.1'; // TEST-NET-3: without the guard, a connect here hangs until it times out

/** Resolves with the socket's error, or rejects if it connects. */
function connectError(options: net.NetConnectOpts): Promise<Error & { code?: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(options);
    socket.on('connect', () => reject(new Error(`connected to ${JSON.stringify(options)}`)));
    socket.on('error', resolve);
  });
}

describe('the network guard', () => {
  // Each test here takes the refusals it caused, so the guard's own afterEach finds none.
  afterEach(() => expect(takeRefused()).toEqual([]));

  it('should be installed for every test file by vitest.config.ts', () => {
    expect(guardedBySetup).toBe(true);
  });

  it('should refuse a TCP connection to another machine at once, naming the host and port', async () => {
    const started = Date.now();
    const error = await connectError({ host: UNROUTABLE, port: 80 });
    expect(Date.now() - started).toBeLessThan(250);
    expect(error.code).toBe('ERR_TEST_NETWORK');
    expect(error.message).toContain(`connection to ${UNROUTABLE}:80 refused`);
    expect(takeRefused()).toEqual([`${UNROUTABLE}:80`]);
  });

  it('should refuse a host name before it is looked up, also for TLS (as the providers’ SDKs connect)', async () => {
    const error = await new Promise<Error>((resolve, reject) => {
      https.get('https://api.twilio.com/2010-04-01/Accounts.json', () => reject(new Error('answered'))).on('error', resolve);
    });
    expect(error.message).toContain('connection to api.twilio.com:443 refused');
    expect(takeRefused()).toEqual(['api.twilio.com:443']);
  });

  it('should refuse fetch to another machine, naming the origin', async () => {
    const error = (await fetch(`http://${UNROUTABLE}:8080/bot123/getMe`).then(
      () => null,
      (e: Error) => e,
    )) as (Error & { cause?: Error }) | null;
    expect(error?.cause?.message).toContain(`origin http://${UNROUTABLE}:8080 was not allowed`);
    expect(takeRefused()).toEqual([`${UNROUTABLE}:8080`]);
  });

  it('should let connections and fetches to this machine through', async () => {
    const server = createServer((_req, res) => res.end('local'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local');
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('local');
      const socket = net.connect({ host: '127.0.0.1', port });
      await new Promise((resolve, reject) => socket.on('connect', resolve).on('error', reject));
      socket.destroy();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
