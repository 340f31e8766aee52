/**
 * Room per channel: at most `concurrency` sends in flight on each, and none
 * while a channel waits out a provider's rate limit. One slow or hung
 * provider fills only its own channel's slots.
 */
export class ChannelLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly concurrency: number) {}

  /** The channels (of `channels`) that can take sends now, and how many each. */
  room(channels: Iterable<string>, now = Date.now()): { channels: string[]; counts: number[] } {
    const out = { channels: [] as string[], counts: [] as number[] };
    for (const channel of channels) {
      if ((this.pausedUntil.get(channel) ?? 0) > now) continue;
      const free = this.concurrency - (this.inFlight.get(channel) ?? 0);
      if (free > 0) {
        out.channels.push(channel);
        out.counts.push(free);
      }
    }
    return out;
  }

  take(channel: string): void {
    this.inFlight.set(channel, (this.inFlight.get(channel) ?? 0) + 1);
  }

  release(channel: string): void {
    this.inFlight.set(channel, Math.max(0, (this.inFlight.get(channel) ?? 0) - 1));
  }

  /** No new sends on `channel` for `ms` (the provider said when to come back). */
  pause(channel: string, ms: number, now = Date.now()): void {
    this.pausedUntil.set(channel, Math.max(this.pausedUntil.get(channel) ?? 0, now + ms));
  }

  /** When the earliest pause ends, if any is running (so the relay can look again then). */
  nextResumeIn(now = Date.now()): number | null {
    const ends = [...this.pausedUntil.values()].filter((t) => t > now);
    return ends.length ? Math.min(...ends) - now : null;
  }
}
