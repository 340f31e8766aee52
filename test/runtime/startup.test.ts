/** What `npm start` refuses to do, checked on the real entry point. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/system.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the entry point with only `env` (empty values left out) and waits for it to exit. */
function start(env: Record<string, string>, args: string[] = []) {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...given },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

const production = { NODE_ENV: 'production', DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, APP_SECRET: 'x'.repeat(32) };

describe('start-up guards', () => {
  it.each([
    ['Twilio without an auth token', { ...production, TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef' }, [], /TWILIO_AUTH_TOKEN/],
    ['unsigned Twilio webhooks', { ...production, TWILIO_WEBHOOK_INSECURE: 'true' }, [], /TWILIO_AUTH_TOKEN/],
    ['the demo secret', { ...production, APP_SECRET: '' }, [], /APP_SECRET/],
    ['an unknown role', production, ['--role=everything'], /--role/],
  ])('should refuse to start in production with %s', (_title, env, args, message) => {
    const result = start(env, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('should name the variable when the configuration is invalid', () => {
    const result = start({ PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
  });
});
