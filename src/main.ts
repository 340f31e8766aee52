/**
 * `npm start [-- --role=http|worker|all]`: the gateway. With no configuration
 * it runs everything in one process on an embedded PostgreSQL and a private
 * Redis; see README for the environment variables.
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './core/log.js';
import { startSystem, type Role } from './runtime/system.js';
import { explainStartupFailure } from './runtime/startup-errors.js';

const { values } = parseArgs({ options: { role: { type: 'string', default: 'all' } } });
const role = values.role as Role;
if (!['http', 'worker', 'all'].includes(role)) {
  console.error(`--role must be http, worker or all (got ${role})`);
  process.exit(2);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
if (config.NODE_ENV === 'production' && (!config.DATABASE_URL || !config.REDIS_URL || !config.APP_SECRET)) {
  console.error('production needs DATABASE_URL, REDIS_URL and APP_SECRET (the generated defaults are for demos)');
  process.exit(2);
}

if (config.NODE_ENV === 'production' && (config.TWILIO_ACCOUNT_SID || config.TWILIO_WEBHOOK_INSECURE === 'true') && !config.TWILIO_AUTH_TOKEN) {
  console.error('production with Twilio needs TWILIO_AUTH_TOKEN: webhooks are never accepted unsigned');
  process.exit(2);
}

const log = createLogger(config.LOG_LEVEL);
// Signals are ours from the start: one that arrives while starting stops the gateway once it has started,
// so the embedded services it started are stopped too (none is left running without its gateway).
let signalledWhileStarting: string | null = null;
let started = false;
let stopping = false;
const onSignal = (signal: string) => (started ? void shutdown(signal) : (signalledWhileStarting ??= signal));
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGINT', () => onSignal('SIGINT'));

const system = await startSystem(config, log, role).catch((err: unknown) => {
  // The cause and what to do, both in the structured log and plainly on stderr for whoever started us.
  const failure = explainStartupFailure(err, config);
  const cause = failure.cause instanceof Error ? failure.cause : undefined;
  log.fatal({ err: cause, hint: failure.hint || undefined }, `could not start: ${failure.message}`);
  console.error(`could not start: ${failure.message}${failure.hint ? `\n  what to do: ${failure.hint}` : ''}`);
  process.exit(1);
});
const address = system.app?.server.address();
log.info({ role, port: address && typeof address === 'object' ? address.port : undefined }, 'minqing gateway running');
started = true;
if (signalledWhileStarting) void shutdown(signalledWhileStarting, 0);

async function shutdown(signal: string, drainMs = signal === 'SIGTERM' && system.app ? config.SHUTDOWN_DRAIN_MS : 0) {
  if (stopping) return;
  stopping = true;
  // SIGTERM (an orchestrator) drains first so load balancers can look away; Ctrl-C stops at once.
  log.info({ signal, drainMs }, 'shutting down');
  const force = setTimeout(() => {
    log.error('graceful shutdown timed out');
    process.exit(1);
  }, drainMs + config.SHUTDOWN_GRACE_MS);
  force.unref();
  await system.stop(drainMs);
  process.exit(0);
}
