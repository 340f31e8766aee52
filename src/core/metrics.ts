/**
 * Prometheus metrics, one registry per process (exposed at /metrics).
 * Labels carry channels, stages and statuses only: never residents' data.
 */
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

/**
 * Business figures (the 30-day assessment, cases by category, contact card scans): served at
 * /metrics only with METRICS_BUSINESS=true, since they are the district's figures, not the process's.
 */
export const businessRegistry = new client.Registry();

export const messagesIn = new client.Counter({
  name: 'minqing_messages_in_total',
  help: 'Inbound messages accepted (stored), by channel; duplicates counted separately',
  labelNames: ['channel', 'duplicate'] as const,
  registers: [registry],
});

export const casesOpened = new client.Counter({
  name: 'minqing_cases_opened_total',
  help: 'Cases opened, by origin channel and category',
  labelNames: ['channel', 'category'] as const,
  registers: [businessRegistry],
});

export const stageSeconds = new client.Histogram({
  name: 'minqing_stage_duration_seconds',
  help: 'Time spent in each pipeline stage',
  labelNames: ['stage'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const endToEndSeconds = new client.Histogram({
  name: 'minqing_receipt_latency_seconds',
  help: 'From a message being accepted to its receipt being recorded by the outbox relay',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const sends = new client.Counter({
  name: 'minqing_sends_total',
  help: 'Outbox sends by channel and resulting status',
  labelNames: ['channel', 'status'] as const,
  registers: [registry],
});

export const smtpReplies = new client.Counter({
  name: 'minqing_smtp_replies_total',
  help: 'Answers of the mailbox SMTP listener to MAIL FROM, RCPT TO and DATA, by stage and reply code',
  labelNames: ['stage', 'code'] as const,
  registers: [registry],
});

export const mailNotForCases = new client.Counter({
  name: 'minqing_mail_not_for_cases_total',
  help: 'Mail from the null sender (bounces, delay notices, other reports) recorded without opening a case, by kind',
  labelNames: ['kind'] as const,
  registers: [registry],
});

/** Times an async stage into `minqing_stage_duration_seconds{stage}`. */
export async function timed<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const end = stageSeconds.startTimer({ stage });
  try {
    return await fn();
  } finally {
    end();
  }
}

/**
 * The headline figures (考核) of the last 30 days, district-wide, computed when scraped.
 * The HTTP front sets where they come from; without it the gauges are absent.
 */
export const headlineFigures: { source: (() => Promise<Record<string, number | null>>) | null } = { source: null };

new client.Gauge({
  name: 'minqing_figures_30d',
  help: 'Headline figures of the cases received in the last 30 days (received, response_rate, resolution_rate, satisfaction_rate, overdue, reopen_rate)',
  labelNames: ['figure'] as const,
  registers: [businessRegistry],
  async collect() {
    this.reset();
    if (!headlineFigures.source) return;
    // A scrape must not fail because the database is away: the gauges are then absent, the rest still served.
    const figures = await headlineFigures.source().catch(() => ({}));
    for (const [figure, value] of Object.entries(figures)) {
      if (value !== null) this.set({ figure }, value);
    }
  },
});
