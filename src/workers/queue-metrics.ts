/** Queue depth as a gauge, refreshed when /metrics is scraped. */
import client from 'prom-client';
import type { Queue } from 'bullmq';
import { registry } from '../core/metrics.js';

const gauge = new client.Gauge({
  name: 'minqing_queue_jobs',
  help: 'Jobs in the intake queue by state',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const queueDepth = {
  async refresh(queue: Queue): Promise<void> {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
    for (const [state, n] of Object.entries(counts)) gauge.set({ queue: queue.name, state }, n);
  },
};
