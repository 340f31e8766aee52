// Measures the gateway's RSS while 20 clients send 24 MB mails at once.
import { spawn, execSync } from 'node:child_process';
import nodemailer from 'nodemailer';
import pg from 'pg';
const schema = 'mflood_' + Date.now();
const c = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/test' }); await c.connect(); await c.query(`CREATE SCHEMA ${schema}`);
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: '/work/wt-attacks', stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: schema, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: schema, PORT: '30391', HOST: '127.0.0.1', SMTP_LISTEN_PORT: '25251', DATA_DIR: `/tmp/${schema}`, ADMIN_TOKEN: 'flood-admin-token-0123456789', LOG_LEVEL: 'warn', EMAIL_MAILBOXES: 'mailbox@minqing.test', SMTP_RATE_PER_IP_PER_HOUR: '1000', ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}) } });
for (let i = 0; i < 600; i++) { const r = await fetch('http://127.0.0.1:30391/healthz').catch(() => null); if (r?.ok) break; await new Promise((r) => setTimeout(r, 200)); }
const rss = () => Number(execSync(`ps -o rss= -p ${child.pid}`).toString().trim()) / 1024;
console.log('rss before MB', rss().toFixed(0));
let peak = 0; const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 100);
let worstHealth = 0; const health = setInterval(async () => { const t = Date.now(); await fetch('http://127.0.0.1:30391/healthz').catch(() => null); worstHealth = Math.max(worstHealth, Date.now() - t); }, 250);
const body = Buffer.alloc(24 * 1024 * 1024, 'a'.repeat(75) + '\r\n').toString();
const t0 = Date.now();
const results = await Promise.all(Array.from({ length: 20 }, (_, i) => nodemailer.createTransport({ host: '127.0.0.1', port: 25251, secure: false, ignoreTLS: true })
  .sendMail({ from: `s${i}@example.com`, to: 'mailbox@minqing.test', subject: 'big', text: body }).then(() => 'ok', (e) => String(e.responseCode))));
clearInterval(sampler); clearInterval(health);
const tally = results.reduce((m: Record<string, number>, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});
console.log(JSON.stringify({ seconds: (Date.now() - t0) / 1000, replies: tally, peakRssMB: Math.round(peak), worstHealthzMs: worstHealth }));
child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r));
await c.query(`DROP SCHEMA ${schema} CASCADE`); await c.end();
process.exit(0);
