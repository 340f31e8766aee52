import { spawn } from 'node:child_process';
import pg from 'pg';
import { runLoad } from '../bench/load.js';
const tag = 'probe_' + Date.now().toString(36);
const admin = new pg.Pool({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
await admin.query(`CREATE SCHEMA ${tag}`);
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--role=http'], { cwd: '/work/main', stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres', DATABASE_SCHEMA: tag, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: tag, PORT: '3950', LOG_LEVEL: 'warn' } });
for (let i = 0; i < 100; i++) { if ((await fetch('http://127.0.0.1:3950/healthz').catch(() => null))?.status === 200) break; await new Promise(r => setTimeout(r, 100)); }
const body = (i: number) => JSON.stringify({ text: `第${i}号反映：小区路灯坏了`, phone: `139${String(i).padStart(8, '0')}`, zoneCode: 'district' });
const r = await runLoad({ url: 'http://127.0.0.1:3950/api/v1/intake/web', total: 3000, rate: Infinity, concurrency: 64, body, okStatus: 202 });
console.log({ ok: r.ok, failed: r.failed, perSec: Math.round(r.ok / r.seconds) });
const res = await fetch('http://127.0.0.1:3950/api/v1/intake/web', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(1) });
console.log(res.status, await res.text());
child.kill('SIGINT'); await new Promise(r => child.once('exit', r));
await admin.query(`DROP SCHEMA ${tag} CASCADE`); await admin.end();
