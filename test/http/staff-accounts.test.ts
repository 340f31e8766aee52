import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const app = () => sys.app!;
/** Every answer the tests saw, to check that no password or hash ever left the server. */
const answers: string[] = [];
const passwords = new Set<string>([ADMIN_PASSWORD]);

async function call(options: InjectOptions): Promise<LightMyRequestResponse> {
  const res = await app().inject(options);
  answers.push(JSON.stringify(res.headers) + res.body);
  return res;
}

function login(loginName: string, password: string, remoteAddress = '127.0.0.1') {
  passwords.add(password);
  return call({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password }, remoteAddress });
}

interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

async function signIn(loginName: string, password: string): Promise<Session> {
  const res = await login(loginName, password);
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'minqing_session')!;
  return { cookie: `minqing_session=${cookie.value}`, csrf: res.json().csrfToken, userId: res.json().user.id };
}

async function createUser(body: Record<string, unknown>) {
  if (typeof body.password === 'string') passwords.add(body.password);
  return call({ method: 'POST', url: '/api/v1/users', headers: adminHeaders, payload: body });
}

const zoneCount = async (code: string) => (await sys.sql(`SELECT 1 FROM zone WHERE code = $1`, [code])).length;
const newZone = (code: string) => ({ code, name: '测试', level: 'community', parentCode: 'wh-hs' });

let liaisonId: number;

beforeAll(async () => {
  sys = await startTestSystem({ env: { LOGIN_FAILURES_PER_ACCOUNT: '3', LOGIN_FAILURES_PER_CLIENT: '6', LOGIN_FAILURE_WINDOW_SECONDS: '2' } });
  await seedDemoDistrict(sys.db.pool);
  const res = await call({ method: 'POST', url: '/api/v1/liaisons', headers: adminHeaders, payload: { name: '王联络', phone: '13800138000' } });
  liaisonId = res.json().id;
});
afterAll(() => sys.teardown());

describe('the users API', () => {
  it.each([
    ['supervisor', {}],
    ['dispatcher', {}],
    ['liaison', { liaisonId: -1 }],
    ['admin', {}],
  ])('should create a %s account, without its hash in the answer', async (role, extra) => {
    const body = { login: `Zhang.${role}`, name: `张${role}`, role, password: `pw-${role}-0123456789`, ...extra };
    if (role === 'liaison') body.liaisonId = liaisonId;
    const res = await createUser(body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ login: `zhang.${role}`, role, disabled: false, lastLoginAt: null });
    expect(res.json().liaison).toEqual(role === 'liaison' ? { id: liaisonId, name: '王联络' } : null);
    expect(Object.keys(res.json()).sort()).toEqual(['createdAt', 'disabled', 'id', 'lastLoginAt', 'liaison', 'login', 'name', 'role']);
    const [row] = await sys.sql<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE id = $1`, [res.json().id]);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    const [entry] = await sys.sql<{ action: string }>(`SELECT action FROM audit_event WHERE subject_type = 'user' AND subject_id = $1`, [
      String(res.json().id),
    ]);
    expect(entry!.action).toBe('user.create');
  });

  it('should list people with their liaison, not the machines holding keys', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/users', headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    const logins = res.json().items.map((u: { login: string }) => u.login);
    expect(logins).toEqual(expect.arrayContaining(['admin', 'zhang.supervisor', 'zhang.dispatcher', 'zhang.liaison', 'zhang.admin']));
    expect(res.json().items.every((u: { login: string | null }) => u.login)).toBe(true);
    expect(res.json().items.find((u: { login: string }) => u.login === 'zhang.liaison').liaison).toEqual({ id: liaisonId, name: '王联络' });
  });

  it.each([
    ['a short password', { login: 'short', name: 'x', role: 'dispatcher', password: 'only-9-ch' }, 400, 'password'],
    ['a liaison without liaisonId', { login: 'li-none', name: 'x', role: 'liaison', password: 'long-enough-pw' }, 400, 'liaisonId'],
    ['a liaisonId for another role', { login: 'li-extra', name: 'x', role: 'dispatcher', password: 'long-enough-pw', liaisonId: 1 }, 400, 'liaisonId'],
    ['an unknown liaison', { login: 'li-unknown', name: 'x', role: 'liaison', password: 'long-enough-pw', liaisonId: 999999 }, 400, 'liaisonId'],
    ['an unknown role', { login: 'bad-role', name: 'x', role: 'mayor', password: 'long-enough-pw' }, 400, 'role'],
    ['an invalid login', { login: 'has space', name: 'x', role: 'dispatcher', password: 'long-enough-pw' }, 400, 'login'],
    ['a taken login (any case)', { login: 'ZHANG.dispatcher', name: 'x', role: 'dispatcher', password: 'long-enough-pw' }, 409, 'login'],
  ])('should refuse %s, naming the field and changing nothing', async (_title, body, status, field) => {
    const before = await sys.sql('SELECT id FROM app_user');
    const res = await createUser(body);
    expect(res.statusCode).toBe(status);
    expect(res.json().field).toBe(field);
    expect(await sys.sql('SELECT id FROM app_user')).toEqual(before);
  });

  it('should be for admins only', async () => {
    const dispatcher = await signIn('zhang.dispatcher', 'pw-dispatcher-0123456789');
    const res = await call({ method: 'GET', url: '/api/v1/users', headers: { cookie: dispatcher.cookie } });
    expect(res.statusCode).toBe(403);
  });
});

describe('signing in', () => {
  it('should set an HttpOnly, SameSite=Strict session cookie and answer the user and a CSRF token', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: expect.any(Number), login: 'admin', name: 'admin', role: 'admin', liaisonId: null },
      csrfToken: expect.any(String),
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^minqing_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const token = setCookie.split(';')[0]!.split('=')[1]!;
    // Only the token's SHA-256 is stored.
    expect(await sys.sql(`SELECT 1 FROM staff_session WHERE id = $1`, [token])).toHaveLength(0);
    const session = await call({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `minqing_session=${token}` } });
    expect(session.json()).toEqual(res.json());
  });

  it('should give a liaison their liaisonId', async () => {
    const res = await login('zhang.liaison', 'pw-liaison-0123456789');
    expect(res.json().user).toMatchObject({ role: 'liaison', liaisonId });
  });

  it('should answer a wrong password and an unknown login identically, and audit both without the password', async () => {
    const wrong = await login('zhang.supervisor', 'not-the-password-1');
    const unknown = await login('nobody-here', 'not-the-password-2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ error: 'invalid_credentials', message: '登录名或密码不正确 / wrong login or password' });
    const { ['date']: _d1, ...a } = wrong.headers;
    const { ['date']: _d2, ...b } = unknown.headers;
    expect({ ...a, 'x-request-id': null }).toEqual({ ...b, 'x-request-id': null });
    const rows = await sys.sql<{ detail: { login?: string; reason: string } }>(`SELECT detail FROM audit_event WHERE action = 'auth.login_failed' ORDER BY id`);
    expect(rows.map((r) => r.detail)).toEqual(
      expect.arrayContaining([
        { login: 'zhang.supervisor', ip: '127.0.0.1', reason: 'wrong_password' },
        { ip: '127.0.0.1', reason: 'unknown_login' },
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain('not-the-password');
  });

  it('should refuse a missing field, naming it', async () => {
    const res = await call({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('password');
  });

  it('should refuse a sign-in from another site', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { login: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('should answer 401 to GET /auth/session without a live session', async () => {
    expect((await call({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'minqing_session=forged' } })).statusCode).toBe(401);
  });

  it('should end the session on logout', async () => {
    const s = await signIn('zhang.supervisor', 'pw-supervisor-0123456789');
    const out = await call({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^minqing_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const [entry] = await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'auth.logout' AND subject_id = $1`, [String(s.userId)]);
    expect(entry).toBeDefined();
  });
});

describe('a cookie session', () => {
  it('should read the case list', async () => {
    const s = await signIn('zhang.supervisor', 'pw-supervisor-0123456789');
    const res = await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('items');
  });

  it.each([
    ['no X-CSRF-Token', {}],
    ['a wrong X-CSRF-Token', { 'x-csrf-token': 'not-the-token' }],
    ['the right token from another site', 'right+origin'],
  ] as const)('should refuse a change with %s (403) and change nothing', async (_title, extra) => {
    const s = await signIn('admin', ADMIN_PASSWORD);
    const headers = extra === 'right+origin' ? { 'x-csrf-token': s.csrf, origin: 'https://evil.example' } : extra;
    const res = await call({ method: 'POST', url: '/api/v1/zones', headers: { cookie: s.cookie, ...headers }, payload: newZone('csrf-zone') });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('csrf');
    expect(await zoneCount('csrf-zone')).toBe(0);
  });

  it('should pass a change with the right X-CSRF-Token from this site', async () => {
    const s = await signIn('admin', ADMIN_PASSWORD);
    const res = await call({
      method: 'POST',
      url: '/api/v1/zones',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'http://localhost:80', host: 'localhost:80' },
      payload: newZone('csrf-ok'),
    });
    expect(res.statusCode).toBe(201);
    expect(await zoneCount('csrf-ok')).toBe(1);
  });

  it("should not accept another session's CSRF token", async () => {
    const a = await signIn('admin', ADMIN_PASSWORD);
    const b = await signIn('zhang.admin', 'pw-admin-0123456789');
    const res = await call({ method: 'POST', url: '/api/v1/zones', headers: { cookie: a.cookie, 'x-csrf-token': b.csrf }, payload: newZone('csrf-other') });
    expect(res.statusCode).toBe(403);
  });

  it('should keep role semantics: a supervisor reads but does not change, a dispatcher gets no admin route', async () => {
    const sup = await signIn('zhang.supervisor', 'pw-supervisor-0123456789');
    const supWrite = await call({
      method: 'POST',
      url: '/api/v1/zones',
      headers: { cookie: sup.cookie, 'x-csrf-token': sup.csrf },
      payload: newZone('sup-zone'),
    });
    expect(supWrite.statusCode).toBe(403);
    const dis = await signIn('zhang.dispatcher', 'pw-dispatcher-0123456789');
    const disWrite = await call({
      method: 'POST',
      url: '/api/v1/zones',
      headers: { cookie: dis.cookie, 'x-csrf-token': dis.csrf },
      payload: newZone('dis-zone'),
    });
    expect(disWrite.statusCode).toBe(403);
    // Dispatchers read the zones (the transfer picker), not the accounts.
    expect((await call({ method: 'GET', url: '/api/v1/zones', headers: { cookie: dis.cookie } })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: '/api/v1/users', headers: { cookie: dis.cookie } })).statusCode).toBe(403);
    expect(await zoneCount('sup-zone')).toBe(0);
    expect(await zoneCount('dis-zone')).toBe(0);
  });

  it('should end when idle past the timeout, and slide only once a minute', async () => {
    const s = await signIn('zhang.supervisor', 'pw-supervisor-0123456789');
    const id = (await sys.sql<{ id: string }>(`SELECT id FROM staff_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [s.userId]))[0]!.id;
    const seen = async () => (await sys.sql<{ t: Date }>(`SELECT last_seen_at AS t FROM staff_session WHERE id = $1`, [id]))[0]!.t.getTime();
    const first = await seen();
    await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } });
    expect(await seen()).toBe(first);
    await sys.sql(`UPDATE staff_session SET last_seen_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
    await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } });
    expect(await seen()).toBeGreaterThan(Date.now() - 60_000);
    await sys.sql(`UPDATE staff_session SET last_seen_at = now() - interval '8 hours 1 minute' WHERE id = $1`, [id]);
    expect((await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('should end at its absolute expiry however busy', async () => {
    const s = await signIn('zhang.supervisor', 'pw-supervisor-0123456789');
    await sys.sql(`UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [s.userId]);
    expect((await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });
});

describe('disabling and resetting', () => {
  it('should refuse a disabled user at sign-in (the same 401) and end their live session at once', async () => {
    const created = await createUser({ login: 'to-disable', name: '李', role: 'supervisor', password: 'disable-me-0123' });
    const s = await signIn('to-disable', 'disable-me-0123');
    const res = await call({ method: 'POST', url: `/api/v1/users/${created.json().id}/disable`, headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const again = await login('to-disable', 'disable-me-0123');
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('invalid_credentials');
    const enabled = await call({ method: 'POST', url: `/api/v1/users/${created.json().id}/enable`, headers: adminHeaders });
    expect(enabled.json().disabled).toBe(false);
    expect((await login('to-disable', 'disable-me-0123')).statusCode).toBe(200);
  });

  it('should stop a session at once even when its user is disabled behind the API', async () => {
    const created = await createUser({ login: 'flagged', name: '赵', role: 'supervisor', password: 'flagged-0123456' });
    const s = await signIn('flagged', 'flagged-0123456');
    await sys.sql(`UPDATE app_user SET disabled = true WHERE id = $1`, [created.json().id]);
    expect((await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('should not let an admin disable themselves', async () => {
    const s = await signIn('zhang.admin', 'pw-admin-0123456789');
    const res = await call({ method: 'POST', url: `/api/v1/users/${s.userId}/disable`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('id');
    expect((await sys.sql<{ disabled: boolean }>(`SELECT disabled FROM app_user WHERE id = $1`, [s.userId]))[0]!.disabled).toBe(false);
  });

  it('should end every session on a password reset; the new password works, the old one not', async () => {
    const created = await createUser({ login: 'to-reset', name: '孙', role: 'dispatcher', password: 'old-password-01' });
    const s = await signIn('to-reset', 'old-password-01');
    passwords.add('new-password-02');
    const res = await call({
      method: 'POST',
      url: `/api/v1/users/${created.json().id}/password`,
      headers: adminHeaders,
      payload: { password: 'new-password-02' },
    });
    expect(res.statusCode).toBe(204);
    expect((await call({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await login('to-reset', 'old-password-01')).statusCode).toBe(401);
    expect((await login('to-reset', 'new-password-02')).statusCode).toBe(200);
  });

  it('should refuse a short new password, naming the field', async () => {
    const res = await call({ method: 'POST', url: `/api/v1/users/1/password`, headers: adminHeaders, payload: { password: 'short' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('password');
  });

  it('should answer 404 for an unknown user', async () => {
    const res = await call({ method: 'POST', url: `/api/v1/users/999999/disable`, headers: adminHeaders });
    expect(res.statusCode).toBe(404);
  });
});

describe('throttling failed sign-ins', () => {
  it('should answer 429 with Retry-After after repeated failures, and let the account in again after the window', async () => {
    await createUser({ login: 'guessed', name: '周', role: 'supervisor', password: 'guessed-right-01' });
    for (let i = 0; i < 3; i++) expect((await login('guessed', `wrong-guess-${i}`)).statusCode).toBe(401);
    const refused = await login('guessed', 'guessed-right-01');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, Number(refused.headers['retry-after']) * 1000 + 100));
    expect((await login('guessed', 'guessed-right-01')).statusCode).toBe(200);
  });

  it('should count per client address too, whatever login is tried', async () => {
    for (let i = 0; i < 6; i++) expect((await login(`spray-${i}`, 'spray-password', '10.9.8.7')).statusCode).toBe(401);
    expect((await login('spray-7', 'spray-password', '10.9.8.7')).statusCode).toBe(429);
    // Another address is not held up.
    const other = await login('zhang.supervisor', 'pw-supervisor-0123456789', '10.9.8.6');
    expect({ status: other.statusCode, body: other.json() }).toMatchObject({ status: 200, body: { user: { login: 'zhang.supervisor' } } });
  });

  it('should forget an account failures after a success', async () => {
    await createUser({ login: 'forgetful', name: '吴', role: 'supervisor', password: 'forgetful-right' });
    // From an address of its own, so only the account's count can refuse.
    const from = '10.9.8.5';
    for (let i = 0; i < 2; i++) await login('forgetful', `forgetful-wrong-${i}`, from);
    expect((await login('forgetful', 'forgetful-right', from)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) await login('forgetful', `forgetful-wrong-again-${i}`, from);
    expect((await login('forgetful', 'forgetful-right', from)).statusCode).toBe(200);
  });
});

describe('bearer keys', () => {
  it('should keep working, without any CSRF token', async () => {
    const res = await call({ method: 'POST', url: '/api/v1/zones', headers: adminHeaders, payload: newZone('bearer-zone') });
    expect(res.statusCode).toBe(201);
  });

  it('should be judged alone when sent with a cookie (a bad key is not rescued by the cookie)', async () => {
    const s = await signIn('admin', ADMIN_PASSWORD);
    const res = await call({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie, authorization: 'Bearer not-a-key' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('secrets', () => {
  it('should never put a password or its hash in the logs or in an answer', async () => {
    const hashes = (await sys.sql<{ h: string }>(`SELECT password_hash AS h FROM app_user WHERE password_hash IS NOT NULL`)).map((r) => r.h);
    expect(hashes.length).toBeGreaterThan(5);
    const logs = sys.logs.join('\n');
    const said = answers.join('\n');
    for (const secret of [...passwords, ...hashes, ...hashes.map((h) => h.split('$')[5]!)]) {
      expect(logs).not.toContain(secret);
      expect(said).not.toContain(secret);
    }
  });

  it('should log where the generated admin password is, never the password (and mark the cookie Secure over HTTPS)', async () => {
    const other = await startTestSystem({ env: { ADMIN_PASSWORD: '', TRUST_PROXY: '1' } });
    try {
      const password = (await readFile(join(other.env.DATA_DIR!, 'admin-password'), 'utf8')).trim();
      expect(password.length).toBeGreaterThanOrEqual(10);
      expect(other.logs.join('\n')).toContain('admin-password');
      expect(other.logs.join('\n')).not.toContain(password);
      const res = await other.app!.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'admin', password } });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).not.toContain('Secure');
      // Behind a TLS proxy the cookie is only ever sent back over HTTPS.
      const https = await other.app!.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { login: 'admin', password },
      });
      expect(String(https.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await other.teardown();
    }
  });
});
