/**
 * Every registered channel replays its fixtures folder through the channel
 * harness (test/helpers/channel-harness.ts). A new channel is one folder under
 * src/channels, one line in the registry and one folder of captured payloads
 * here, test/fixtures/<channel>/ with its cases.json: without that folder, the
 * channel's test fails.
 */
import { readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/channels/registry.js';
import { channelTable, expectCleanLogs, runChannelCases, secretsOf, useChannelGateway } from '../helpers/channel-harness.js';

const gateway = useChannelGateway();

for (const { name } of CHANNELS) {
  describe(`the ${name} channel`, () => {
    const table = channelTable(name);
    it(`should replay captured payloads from test/fixtures/${name}/cases.json`, () => {
      expect(table, `test/fixtures/${name}/cases.json is missing: capture the provider's payloads there, with what must come of them`).not.toBeNull();
      expect(table!.length).toBeGreaterThan(0);
    });
    if (table) runChannelCases(name, table, gateway);
  });
}

describe('the fixtures folders', () => {
  it('should each belong to a registered channel', () => {
    const fixtures = new URL('../fixtures/', import.meta.url);
    const replayed = readdirSync(fixtures).filter((dir) => existsSync(new URL(`${dir}/cases.json`, fixtures)));
    expect(replayed.sort()).toEqual(CHANNELS.map((c) => c.name).sort());
  });
});

describe('the logs', () => {
  it('should hold no secret of the gateway, from its start on', () => {
    const { sys, secrets } = gateway();
    expect(secrets.length).toBeGreaterThanOrEqual(5); // the Twilio and Telegram tokens, the webhook secret, the SMTP password, the signing key…
    expect(sys.logs.length).toBeGreaterThan(0);
    expectCleanLogs(sys.logs, secrets, []);
  });

  it('should catch a secret or an address that reaches them', () => {
    const secrets = secretsOf({ TWILIO_AUTH_TOKEN: 'auth-token-0123456789', SMTP_URL: 'smtp://relay:s3cret-pass@127.0.0.1:25', PORT: '3000' });
    expect(secrets).toEqual(['auth-token-0123456789', 's3cret-pass']);
    expect(() => expectCleanLogs(['{"msg":"sent","auth":"auth-token-0123456789"}\n'], secrets, [])).toThrow(/a secret/);
    expect(() => expectCleanLogs(['{"msg":"mail from zhou@example.cn"}\n'], secrets, ['zhou@example.cn'])).toThrow(/zhou@example\.cn/);
    expect(() => expectCleanLogs(['{"msg":"sent","to":"[redacted]"}\n'], secrets, ['zhou@example.cn'])).not.toThrow();
  });
});
