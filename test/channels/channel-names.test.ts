import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src/core/message.js';
import { CHANNELS } from '../../src/channels/registry.js';

describe('channel names', () => {
  it('should have one registered channel for every name of the ChannelName union, and no other', () => {
    expect(CHANNELS.map((c) => c.name).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
