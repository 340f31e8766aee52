/**
 * Group commit for the hot path: callers add one item each and await its own
 * result, while the items that arrive during a flush are written together by
 * the next one. An idle system flushes at once (no added latency); a busy one
 * gets large batches and few round trips. A flush that throws fails exactly
 * the callers in it.
 */
export class Batcher<In, Out> {
  private pending: { item: In; resolve: (o: Out) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Must return one result per item, in order. */
    private readonly flush: (items: In[]) => Promise<Out[]>,
    private readonly options: { maxSize: number; maxConcurrent: number },
  ) {}

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxConcurrent || this.pending.length === 0) return;
    this.scheduled = true;
    // Let the callers of this tick join before the batch is cut.
    setImmediate(() => {
      this.scheduled = false;
      this.runOne();
    });
  }

  private runOne(): void {
    if (this.inFlight >= this.options.maxConcurrent || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.options.maxSize);
    this.inFlight++;
    this.flush(batch.map((b) => b.item))
      .then(
        (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
        (err) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        this.inFlight--;
        this.schedule();
      });
    this.schedule();
  }
}
