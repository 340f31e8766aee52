/**
 * The console when the world moves on: a case changed by someone else
 * meanwhile (412, with a reload), a session that ended while an answer was
 * half written (back through the sign-in to the same page, the draft still
 * there), a new case arriving while the inbox is open, and sign-in slowed
 * down after repeated failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, DESKTOP, launchBrowser } from '../helpers/browser.js';

const run = browserAvailable();
const PHONE = '13912348831';

let sys: TestSystem;
let browser: Browser;
let context: BrowserContext;
let base: string;

beforeAll(async () => {
  if (!run) return;
  // Three failures per account, so the throttle test is short.
  sys = await startTestSystem({ env: { LOGIN_FAILURES_PER_ACCOUNT: '3' } });
  await seedDemoDistrict(sys.db.pool);
  browser = await launchBrowser();
  // Signed in through the context's own request API: its cookie jar is the pages'.
  context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  base = baseUrlOf(sys);
  const signedIn = await context.request.post(`${base}/api/v1/auth/login`, { data: { login: 'admin', password: ADMIN_PASSWORD }, headers: { origin: base } });
  expect(signedIn.status()).toBe(200);
}, 120_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await sys?.teardown();
});

async function submitCase(text: string): Promise<string> {
  const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text, zoneCode: 'wh-hs-ch-02', phone: PHONE } });
  const { caseNo } = res.json<{ caseNo: string }>();
  await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1);
  return caseNo;
}

async function signIn(page: Page) {
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: /登\s?录/ }).click();
}

const replies = (caseNo: string) =>
  sys.sql(`SELECT 1 FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.case_no = $1 AND e.type = 'replied'`, [caseNo]).then((r) => r.length);

describe.runIf(run)('console writes', { timeout: 60_000 }, () => {
  it('refuses an answer written on a stale case with a clear message and a reload, and sends nothing', async () => {
    const caseNo = await submitCase('钱局街口的井盖松了，车压过去哐哐响');
    const page = await context.newPage();
    await page.goto(`${base}/console/cases/${caseNo}`);
    await page.getByText('车压过去哐哐响').first().waitFor();

    // Someone else works the case meanwhile.
    const note = await sys.app!.inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/notes`, headers: adminHeaders, payload: { text: '已电话联系维修队' } });
    expect(note.statusCode).toBe(201);

    await page.getByTestId('composer').fill('您好，井盖已安排加固。');
    await page.getByRole('button', { name: /发\s?送/ }).click();
    await page.getByText('该案件已被他人更新，请刷新后再试').waitFor();
    expect(await replies(caseNo)).toBe(0);

    // Reloaded, the other person's note shows and the same answer goes through; the draft was kept.
    await page.getByRole('button', { name: /刷\s?新/ }).click();
    await page.getByText('已电话联系维修队').waitFor();
    expect(await page.getByTestId('composer').inputValue()).toBe('您好，井盖已安排加固。');
    await page.getByRole('button', { name: /发\s?送/ }).click();
    await page.getByTestId('message-out').filter({ hasText: '您好，井盖已安排加固。' }).waitFor();
    expect(await replies(caseNo)).toBe(1);
    expect(await page.getByTestId('composer').inputValue()).toBe('');
  });

  it('keeps a half-written answer through an ended session and comes back to the case after signing in', async () => {
    const caseNo = await submitCase('钱局街的路面塌了一个坑');
    const page = await context.newPage();
    await page.goto(`${base}/console/cases/${caseNo}`);
    await page.getByText('路面塌了一个坑').first().waitFor();
    await page.getByTestId('composer').fill('您好，已通知市政');

    // The session ends (idle timeout, or an admin disabled it) while the answer is being written.
    await sys.sql('DELETE FROM staff_session');
    await page.getByRole('button', { name: /发\s?送/ }).click();
    await page.getByText('登录已过期，请重新登录').waitFor();
    expect(page.url()).toContain(`/console/login?next=${encodeURIComponent(`/console/cases/${caseNo}`)}`);
    expect(await replies(caseNo)).toBe(0);

    await signIn(page);
    await page.getByText('路面塌了一个坑').first().waitFor();
    expect(page.url()).toBe(`${base}/console/cases/${caseNo}`);
    expect(await page.getByTestId('composer').inputValue()).toBe('您好，已通知市政');
  });

  it('explains why an answer cannot reach a resident who opted out of texts, and keeps it for the lookup when asked', async () => {
    const caseNo = await submitCase('钱局街晚上有人烧烤，油烟很大');
    await sys.sql('INSERT INTO sms_opt_out (address) VALUES ($1) ON CONFLICT DO NOTHING', [`+86${PHONE}`]);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/console/cases/${caseNo}`);
      await page.getByText('油烟很大').first().waitFor();
      await page.getByTestId('composer').fill('您好，已通知城管夜间巡查。');
      await page.getByRole('button', { name: /发\s?送/ }).click();
      await expect.poll(() => page.getByTestId('undeliverable').textContent()).toContain('群众已退订短信');
      expect(await page.getByTestId('undeliverable').textContent()).toContain('电话联系');
      expect(await replies(caseNo)).toBe(0);

      await page.getByRole('button', { name: '只保存答复，供群众在查询页查看' }).click();
      await expect.poll(() => replies(caseNo)).toBe(1);
      const lookup = await sys.app!.inject({ url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=${PHONE}` });
      expect(JSON.stringify(lookup.json().timeline)).toContain('已通知城管夜间巡查');
      expect(await sys.sql(`SELECT 1 FROM outbox o JOIN "case" c ON c.id = o.case_id WHERE c.case_no = $1 AND o.kind = 'answer'`, [caseNo])).toHaveLength(0);
    } finally {
      await sys.sql('DELETE FROM sms_opt_out WHERE address = $1', [`+86${PHONE}`]);
    }
  });

  it('shows a case that arrives while the inbox is open, without a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.locator('tr[data-row-key]').first().waitFor();
    const caseNo = await submitCase('钱局街的消防通道被车堵住了');
    // The inbox polls every 10 s.
    await page.locator(`tr[data-row-key="${caseNo}"]`).waitFor({ timeout: 25_000 });
    await page.getByText('有 1 件新案件').waitFor();
  }, 40_000);

  it('tags the selected cases in one go, and says how many worked', async () => {
    const first = await submitCase('钱局街的路灯一闪一闪的');
    const second = await submitCase('钱局街有人乱贴小广告');
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    for (const caseNo of [first, second]) await page.locator(`tr[data-row-key="${caseNo}"] input[type="checkbox"]`).check();
    await page.getByText('已选 2 件').waitFor();
    await page.getByRole('region', { name: '操作' }).getByRole('combobox', { name: '操作' }).click();
    await page.getByTitle('加标签').click();
    await page.getByRole('region', { name: '操作' }).getByPlaceholder('标签').fill('夜查');
    await page.getByRole('button', { name: /应\s?用/ }).click();
    await page.getByText('2 件成功，0 件失败').waitFor();
    const tagged = await sys.sql<{ case_no: string }>(`SELECT case_no FROM "case" WHERE '夜查' = ANY(tags) ORDER BY case_no`);
    expect(tagged.map((r) => r.case_no)).toEqual([first, second].sort());
  });

  it('says how long to wait once sign-in is throttled', async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    await page.goto(`${base}/console/login`);
    await page.getByLabel('登录名').fill('admin');
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('密码').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: /登\s?录/ }).click();
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('登录名或密码不正确');
    }
    // Even the right password waits now: the answer says for how long.
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/登录失败次数过多，请在 \d+(分钟|小时).* 后再试/);
    expect(page.url()).toContain('/console/login');
    await page.context().close();
  });
});
