/**
 * At most `limit` events per key in any `windowMs`, in this process's
 * memory (per SMTP listener; several listeners each count their own).
 * Keys idle for a whole window are forgotten.
 */
export class SlidingWindowLimit {
  private readonly events = new Map<string, number[]>();
  private lastSweep = Date.now();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one event for `key`; false (and not counted) when the key is over its limit. */
  take(key: string, now = Date.now()): boolean {
    this.sweep(now);
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(now);
    this.events.set(key, recent);
    return true;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.events) {
      if (times.every((t) => t <= now - this.windowMs)) this.events.delete(key);
    }
  }
}
