/**
 * Configuration comes from the environment only, parsed once with zod so a
 * typo fails at start-up with the variable's name rather than at first use.
 */
import { z } from 'zod';

const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Unset: an embedded PostgreSQL under DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    /** A PostgreSQL schema to use instead of `public` (tests use one per file). */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(20),
    /** Unset: a private redis-server from PATH, its files under DATA_DIR. */
    REDIS_URL: z.string().optional(),
    /** Prefix of every BullMQ key, so several deployments (or tests) share one Redis. */
    QUEUE_PREFIX: z.string().min(1).default('minqing'),
    DATA_DIR: z.string().default('./data'),
    /** Bootstraps an admin API key; staff keys are stored hashed. */
    ADMIN_TOKEN: z.string().min(16).optional(),
    /** The password of the console's `admin` account when it is created; unset: generated into DATA_DIR/admin-password (not in production). */
    /** (Empty counts as unset, as `ADMIN_PASSWORD=` in a compose file means.) */
    ADMIN_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(10, 'at least 10 characters').optional()),
    /** Signs what the server hands out (anonymous lookup codes). Required in production. */
    APP_SECRET: z.string().min(32).optional(),
    /** Office time zone: case numbers start with the local date. */
    OFFICE_TIME_ZONE: z.string().default('Asia/Shanghai'),
    /** The zone that receives what no rule or hint routes (the district's triage desk). */
    TRIAGE_ZONE_CODE: z.string().default('district'),
    /** Where complaints about officials go (信访工作条例 Art. 30); unset: the zone flagged `supervisory`. */
    SUPERVISORY_ZONE_CODE: z.string().optional(),
    /** Below this classifier confidence a case goes to the triage list instead of a guessed category. */
    ROUTER_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.3),
    /** How close (0..1, TF-IDF cosine) a consultation must come to a knowledge-base question to be answered with it on the spot. */
    KNOWLEDGE_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.5),
    /** How long an answer from the knowledge base waits for the resident's 1 or 2 before the case closes as answered. */
    KNOWLEDGE_CONFIRM_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(72),
    /** How often running processes look for a model stored by `npm run router:retrain`. */
    ROUTER_MODEL_POLL_MS: z.coerce.number().int().min(100).default(10_000),
    /** Where a model trained from the shipped examples is kept, so the next start on this machine loads it (default DATA_DIR/models). */
    ROUTER_MODEL_CACHE_DIR: z.string().optional(),
    /** Intake jobs one worker process holds at once; jobs held together are processed together. */
    INTAKE_CONCURRENCY: z.coerce.number().int().min(1).default(64),
    /** Most messages stored by one INSERT and queued as one job. */
    INTAKE_BATCH_MAX: z.coerce.number().int().min(1).default(200),
    /** How long a worker may hold a job before another takes it over (crash recovery). */
    JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    /** How often accepted messages that missed the queue (Redis was down) are queued again. */
    SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    /** A message still unprocessed this long after arrival is queued again, whatever happened to it. */
    SWEEP_SAFETY_NET_SECONDS: z.coerce.number().int().min(1).default(600),
    /** How often the outbox relay looks for due sends when nothing wakes it. */
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
    /** How long the relay gathers new sends after a wake-up before claiming them together. */
    OUTBOX_WAKE_DELAY_MS: z.coerce.number().int().min(0).default(20),
    OUTBOX_BATCH: z.coerce.number().int().min(1).default(200),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
    /** A claimed send not recorded within this is claimed again (its relay died); a live relay renews it. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Longest wait for a provider's answer to one send; must be under half the lease. Unset: 10 s, or a third of a shorter lease. */
    OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
    /** Sends in flight at once per channel, so one slow provider holds up only its own channel. */
    OUTBOX_CHANNEL_CONCURRENCY: z.coerce.number().int().min(1).default(8),
    /** Processing attempts of one inbound message that throws before it is set aside as `poisoned`. */
    INTAKE_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    /** On SIGTERM, /healthz answers 503 this long (requests still served) before new requests are refused. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).default(5_000),
    /** How long start-up waits for PostgreSQL and Redis to answer before it gives up, naming which. */
    STARTUP_WAIT_MS: z.coerce.number().int().min(0).default(5_000),
    /** The address providers reach us at (behind any TLS proxy); webhook signatures are computed over it. */
    PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
    /** Whose service the residents' pages are (名称 / name): the district, and the office that runs the service (PIPL Art. 17: who handles the data). */
    SERVICE_DISTRICT: z.string().trim().min(1).max(40).default('五华区'),
    SERVICE_DISTRICT_EN: z.string().trim().min(1).max(80).default('Wuhua District'),
    SERVICE_OFFICE: z.string().trim().min(1).max(60).default('五华区人民政府办公室'),
    SERVICE_OFFICE_EN: z.string().trim().min(1).max(120).default("General Office of the Wuhua District People's Government"),
    /** How long residents' messages and contact details are kept, as the privacy notice tells them. */
    RECORD_RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(3),
    /** Printed on contact cards: the hotline (民心电话) for zones without a number of their own; else TWILIO_FROM_NUMBER. */
    CARD_HOTLINE: z.string().trim().min(1).max(40).optional(),
    /** Printed on contact cards: the mailbox (民意信箱) address. */
    CARD_MAILBOX: z.string().trim().min(1).max(120).optional(),
    /** A Noto Sans CJK font file (.ttc or .otf) for printed cards (PNG, PDF); Debian's fonts-noto-cjk by default. */
    CJK_FONT_PATH: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    /** Twilio: without an account SID, SMS sends are recorded as sandboxed. */
    TWILIO_ACCOUNT_SID: z.string().optional(),
    /** Twilio: checks X-Twilio-Signature on every webhook; required in production. */
    TWILIO_AUTH_TOKEN: z.string().optional(),
    /** The hotline number SMS are sent from (E.164). */
    TWILIO_FROM_NUMBER: z.string().optional(),
    /** Local demo only: accept unsigned Twilio webhooks when no auth token is set. */
    TWILIO_WEBHOOK_INSECURE: z.enum(['true', 'false']).default('false'),
    /** Another address for Twilio's REST API (a regional proxy, or the tests' fake). */
    TWILIO_API_BASE_URL: z.url().optional(),
    /** Telegram bot: without a token, Telegram sends are recorded as sandboxed and the webhook is off. */
    TELEGRAM_BOT_TOKEN: z.string().optional(),
    /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token (set with setWebhook); the webhook is off without it. */
    TELEGRAM_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
    /** The bot's username (without @): liaisons' bind codes then come as a t.me/<bot>?start=<code> link and QR code. */
    TELEGRAM_BOT_USERNAME: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'a Telegram username, without @')
      .optional(),
    /** Another address for the Bot API (a local Bot API server, or the tests' fake). */
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    /** Development: fetch updates by long polling instead of the webhook. */
    TELEGRAM_POLLING: z.enum(['true', 'false']).default('false'),
    /** WeChat: the wechaty puppet to run (e.g. wechaty-puppet-service); unset turns WeChat off. */
    WECHATY_PUPPET: z.string().optional(),
    /** The token of a wechaty puppet service. */
    WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
    /** WeChat group chats (room ids, comma-separated) whose messages are taken; all others are ignored. */
    WECHAT_ROOMS: z.string().default(''),
    /** Longest voice message a caller can leave, in seconds. */
    VOICE_MAX_RECORD_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    /** Where key 0 transfers callers during office hours (E.164); unset: they leave a message. */
    DUTY_OFFICER_NUMBER: z.string().optional(),
    /** The mailbox (民意信箱): the addresses mail is accepted for, besides each zone's own (comma-separated). */
    EMAIL_MAILBOXES: z
      .string()
      .default('mailbox@minqing.localhost')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email()).min(1)),
    /** The From of our mail, e.g. `民意信箱 <mailbox@district.gov.cn>`; unset: the first mailbox address. */
    EMAIL_FROM: z.string().optional(),
    /** The SMTP server receiving mail; 0 picks a free port (tests). */
    SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
    /** Unset: HOST. */
    SMTP_LISTEN_HOST: z.string().optional(),
    /** Larger mail is refused with 552. */
    SMTP_MAX_MESSAGE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(25 * 1024 * 1024),
    /** STARTTLS is offered when both are set (PEM files). */
    SMTP_TLS_KEY_FILE: z.string().optional(),
    SMTP_TLS_CERT_FILE: z.string().optional(),
    /** Mail one sender address may send us per hour; more is refused with 450 at MAIL FROM. */
    SMTP_RATE_PER_HOUR: z.coerce.number().int().min(1).default(30),
    /** Outbound mail (smtp://user:pass@host:port, smtps://…); unset: email sends are sandboxed. */
    SMTP_URL: z.string().optional(),
    /** An existing hosted mailbox to poll (imaps://user:pass@host:993/INBOX); unset: no polling. */
    IMAP_URL: z.string().optional(),
    IMAP_POLL_MS: z.coerce.number().int().min(100).default(60_000),
    /** Largest attachment kept; larger ones are listed on the message and dropped. */
    EMAIL_ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    EMAIL_ATTACHMENT_MAX_COUNT: z.coerce.number().int().min(0).default(10),
    /** Loop guard: automatic mail (receipts, notes) to one address per hour, at most. */
    EMAIL_AUTO_REPLY_MAX_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** Reminders to the liaison at these shares of the handling time (comma-separated). */
    SUPERVISION_REMINDERS: z
      .string()
      .default('0.5,0.8')
      .transform((v) => v.split(',').map(Number))
      .pipe(z.array(z.number().gt(0).lt(1))),
    /** After the deadline, escalate one level up again every this many hours of working time (24 = a working day). */
    SUPERVISION_ESCALATE_EVERY_HOURS: z.coerce.number().positive().default(24),
    /** Urgent cases: the longest handling time, in wall-clock hours. */
    SUPERVISION_URGENT_DEADLINE_HOURS: z.coerce.number().positive().default(4),
    /** Urgent cases: escalate again every this many wall-clock minutes. */
    SUPERVISION_URGENT_ESCALATE_EVERY_MINUTES: z.coerce.number().positive().default(60),
    /** The figures' response target: a first answer within this many hours. */
    RESPONSE_TARGET_HOURS: z.coerce.number().positive().default(24),
    /** The return visit (回访), this many office hours after a case is answered or closed. */
    RETURN_VISIT_AFTER_HOURS: z.coerce.number().min(0).default(8),
    /** Between the return visit's two reminders, and before "no response", in office hours. */
    SURVEY_REMINDER_HOURS: z.coerce.number().positive().default(8),
    /** How often due case timers are handed to the timer queue (and missed ones rebuilt). */
    TIMER_TICK_MS: z.coerce.number().int().min(50).default(30_000),
    // --- Defences against abuse (issue 12, attacks) ---
    /**
     * Which proxies' X-Forwarded-For to believe: a hop count (`1`), or comma-separated addresses and CIDRs
     * (`10.0.0.1,172.16.0.0/12`). Unset: none, the client is the connecting address.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .optional()
      .refine((v) => v !== 'true', 'a hop count or addresses: trusting every client would let anyone choose their address')
      .transform((v) =>
        !v || v === 'false'
          ? false
          : /^\d+$/.test(v)
            ? Number(v)
            : v
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
      ),
    /** Public intake (web form, contact card): submissions per client address and minute, and overall per minute. */
    INTAKE_RATE_PER_CLIENT: z.coerce.number().int().min(1).default(20),
    INTAKE_RATE_TOTAL: z.coerce.number().int().min(1).default(600),
    /** Case lookups per client address, and per contact (phone, email or code) or case number, per window. */
    LOOKUP_RATE_PER_CLIENT: z.coerce.number().int().min(1).default(20),
    LOOKUP_RATE_PER_CONTACT: z.coerce.number().int().min(1).default(10),
    LOOKUP_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    /** Mail one connecting address may send per hour (besides SMTP_RATE_PER_HOUR per sender). */
    SMTP_RATE_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(60),
    /** Mails received at once; past this the listener answers 421 and the sender retries. */
    SMTP_MAX_CONCURRENT_MESSAGES: z.coerce.number().int().min(1).default(4),
    /** Mail bigger than this is spooled to a file under DATA_DIR while it arrives, not held in memory. */
    SMTP_SPOOL_ABOVE_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(1024 * 1024),
    /** Worker threads that parse mail larger than SMTP_SPOOL_ABOVE_BYTES off the event loop (0: parse in place). */
    EMAIL_PARSE_THREADS: z.coerce.number().int().min(0).max(16).default(2),
    /** /metrics needs `Authorization: Bearer METRICS_TOKEN` when set. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** Serve /metrics on its own listener (METRICS_HOST:METRICS_PORT) instead of the public port. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().default('127.0.0.1'),
    /** Include business figures (30-day assessment gauges, cases by category, card scans) in /metrics. */
    METRICS_BUSINESS: z.enum(['true', 'false']).default('false'),
    /** Console sessions end after this long without a request, and in any case this long after sign-in. */
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(8 * 60),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(24),
    /** Failed sign-ins per account, and per client address, within the window before sign-in answers 429 until it ends. */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOGIN_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(20),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    // --- end of defences ---
    /** Office hours, in OFFICE_TIME_ZONE, on OFFICE_DAYS. */
    OFFICE_HOURS: z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'HH:MM-HH:MM')
      .default('09:00-17:30'),
    OFFICE_DAYS: z
      .string()
      .regex(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(,(Mon|Tue|Wed|Thu|Fri|Sat|Sun))*$/, 'e.g. Mon,Tue,Wed,Thu,Fri')
      .default('Mon,Tue,Wed,Thu,Fri'),
  })
  .transform((e) => ({ ...e, OUTBOX_SEND_TIMEOUT_MS: e.OUTBOX_SEND_TIMEOUT_MS ?? Math.min(10_000, Math.floor((e.OUTBOX_LEASE_SECONDS * 1000) / 3)) }))
  .refine((e) => e.OUTBOX_SEND_TIMEOUT_MS < (e.OUTBOX_LEASE_SECONDS * 1000) / 2, {
    path: ['OUTBOX_SEND_TIMEOUT_MS'],
    message: 'must be less than half of OUTBOX_LEASE_SECONDS (a send must end well before its lease)',
  });

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
