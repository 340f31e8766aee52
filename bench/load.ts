/**
 * A small HTTP load generator on keep-alive sockets: `total` requests at an
 * offered `rate` (requests/s; Infinity = as fast as `concurrency` allows).
 * Latency is measured from each request's scheduled start, so a backed-up
 * server is not flattered by requests that waited to be sent.
 */
import http from 'node:http';

export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  latenciesMs: number[];
  /** Answers by HTTP status (0: no answer), and the first unexpected answer's body. */
  statuses: Record<number, number>;
  firstError?: string;
  /** Per request: its scheduled start (epoch ms) and the body of its answer. */
  answers: { startedAt: number; body: string }[];
}

export async function runLoad(o: {
  url: string;
  total: number;
  rate: number;
  concurrency: number;
  body: (i: number) => string;
  okStatus: number;
}): Promise<LoadResult> {
  const target = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latenciesMs: number[] = [];
  const answers: LoadResult['answers'] = [];
  const statuses: Record<number, number> = {};
  let firstError: string | undefined;
  let ok = 0;
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  const epoch0 = Date.now();

  const one = (i: number, scheduled: number) =>
    new Promise<void>((resolve) => {
      const payload = o.body(i);
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latenciesMs.push(performance.now() - scheduled);
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status === o.okStatus) {
              ok++;
              answers.push({ startedAt: epoch0 + (scheduled - t0), body: Buffer.concat(chunks).toString() });
            } else {
              failed++;
              firstError ??= `${status} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (err) => {
        statuses[0] = (statuses[0] ?? 0) + 1;
        firstError ??= err.message;
        failed++;
        resolve();
      });
      req.end(payload);
    });

  // `concurrency` lanes take request numbers in order; each waits for its scheduled time.
  const lane = async () => {
    for (let i = next++; i < o.total; i = next++) {
      const scheduled = Number.isFinite(o.rate) ? t0 + (i * 1000) / o.rate : performance.now();
      const wait = scheduled - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await one(i, scheduled);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  agent.destroy();
  return { sent: o.total, ok, failed, seconds: (performance.now() - t0) / 1000, latenciesMs, statuses, firstError, answers };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
