/**
 * The staff console in a real browser (Debian's Chromium) against a whole
 * gateway: sign in, find a resident's case in the inbox, open it, answer it,
 * and see the answer in the resident's lookup and the outbox. Screenshots at
 * 1280x800 and 390x844 go to test/browser/screenshots/; axe-core checks the
 * sign-in, inbox and case pages for serious and critical violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, launchBrowser, newConsolePage, PHONE, screenshot, seriousViolations, signInToConsole } from '../helpers/browser.js';

/** The one browser global these tests read (the project's TypeScript has no DOM types outside console/). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { color: string };
}

const RESIDENT_PHONE = '13912348821';
/** A 4x4 PNG, as a resident's photo. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000004000000040806000000a9f19e7e0000001249444154789c63f8cfc0f01f1933902e00003c401fe1e08177b40000000049454e44ae426082',
  'hex',
);
const run = browserAvailable();

let sys: TestSystem;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!run) return;
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  browser = await launchBrowser();
  base = baseUrlOf(sys);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sys?.teardown();
});

/** A resident's message through the web form's API; its case number once the workers made it a case. */
async function submitCase(text: string): Promise<string> {
  const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text, zoneCode: 'wh-hs-ch-01', phone: RESIDENT_PHONE } });
  expect(res.statusCode).toBe(202);
  const { caseNo } = res.json<{ caseNo: string }>();
  await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1);
  return caseNo;
}

describe.runIf(run)('the staff console in Chromium', { timeout: 120_000 }, () => {
  it('refuses a wrong password with the generic message, and the sign-in page has no serious accessibility faults', async () => {
    const page = await newConsolePage(browser);
    await signInToConsole(page, base, 'admin', 'not-the-password-at-all');
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('登录名或密码不正确');
    // The same words for a login that does not exist: nothing says which part was wrong.
    await page.getByLabel('登录名').fill('nobody-here');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('登录名或密码不正确');
    // The message is the same as the first attempt's: wait for this attempt's answer (the button stops loading).
    await page.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    expect(page.url()).toContain('/console/login');
    await screenshot(page, 'sign-in-1280');
    expect(await seriousViolations(page, 'sign-in')).toEqual([]);

    // English on request, remembered across a reload; and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Staff sign-in').waitFor();
    await page.reload();
    await page.getByText('Staff sign-in').waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('工作人员登录').waitFor();
  });

  it("signs in, finds a resident's case in the inbox, opens it, answers it; the resident's lookup and the outbox have the answer", async () => {
    const caseNo = await submitCase('翠湖西路路灯坏了一个星期，晚上很黑，老人出门不方便');
    const overdue = await submitCase('钱局街的垃圾桶满了好几天没人清运');
    await sys.sql(`UPDATE "case" SET deadline_at = now() - interval '3 hours' WHERE case_no = $1`, [overdue]);

    const page = await newConsolePage(browser);
    await signInToConsole(page, base, 'admin', ADMIN_PASSWORD, `/console/cases/${caseNo}`);
    // Back where the user was going before signing in.
    await page.getByRole('heading', { name: `案件编号 ${caseNo}` }).waitFor();
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBeTruthy();

    await page.goto(`${base}/console/`);
    await page.getByRole('search').getByPlaceholder('搜索案件编号或内容').fill(caseNo);
    await page.getByRole('search').getByPlaceholder('搜索案件编号或内容').press('Enter');
    const row = page.locator(`tr[data-row-key="${caseNo}"]`);
    await row.waitFor();
    await page.getByRole('search').getByPlaceholder('搜索案件编号或内容').fill('');
    await page.getByRole('search').getByPlaceholder('搜索案件编号或内容').press('Enter');

    // The overdue case's deadline badge is red; a fresh one is not.
    const overdueBadge = page.locator(`tr[data-row-key="${overdue}"] [data-deadline]`);
    await overdueBadge.waitFor();
    expect(await overdueBadge.getAttribute('data-deadline')).toBe('overdue');
    expect(await overdueBadge.evaluate((el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).color)).toMatch(
      /^rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)$/,
    );
    expect(await page.locator(`tr[data-row-key="${caseNo}"] [data-deadline]`).getAttribute('data-deadline')).not.toBe('overdue');
    await screenshot(page, 'inbox-1280');
    expect(await seriousViolations(page, 'inbox')).toEqual([]);

    await page.locator(`tr[data-row-key="${caseNo}"] a.case-link`).click();
    await page.getByRole('heading', { name: `案件编号 ${caseNo}` }).waitFor();
    await page.getByText('老人出门不方便').first().waitFor();
    expect(await seriousViolations(page, 'case detail')).toEqual([]);

    // `/` at the start lists the case's templates; picking one puts in its text, filled in for this case.
    await page.getByTestId('composer').fill('/rec');
    await page.getByRole('button', { name: '/received · 已受理' }).click();
    expect(await page.getByTestId('composer').inputValue()).toContain(`案件编号${caseNo}`);
    expect(await page.getByTestId('composer').inputValue()).not.toContain('{');

    const answer = '您好，路灯已报修，维修人员明天上午到场更换。';
    await page.getByTestId('composer').fill(answer);
    await page.getByRole('button', { name: /发\s?送/ }).click();
    await page.getByTestId('message-out').filter({ hasText: answer }).waitFor();
    await screenshot(page, 'case-1280');

    const outbox = await sys.sql<{ body: string }>(
      `SELECT m.body FROM outbox o JOIN message m ON m.id = o.message_id JOIN "case" c ON c.id = o.case_id WHERE c.case_no = $1 AND m.body LIKE $2`,
      [caseNo, `%${answer}%`],
    );
    expect(outbox).toHaveLength(1);
    const lookup = await sys.app!.inject({ url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=${RESIDENT_PHONE}` });
    expect(lookup.statusCode).toBe(200);
    expect(JSON.stringify(lookup.json().timeline)).toContain(answer);

    // The same pages on a phone.
    const phone = await newConsolePage(browser, PHONE);
    await signInToConsole(phone, base, 'admin', ADMIN_PASSWORD);
    await phone.locator(`[data-case="${caseNo}"]`).waitFor();
    await screenshot(phone, 'inbox-390');
    expect(await seriousViolations(phone, 'inbox on a phone')).toEqual([]);
    await phone.locator(`[data-case="${caseNo}"] a.case-link`).click();
    await phone.getByTestId('message-out').filter({ hasText: answer }).waitFor();
    await screenshot(phone, 'case-390');
  });

  it("shows the resident's photo inline on the case page", async () => {
    // A multipart submission, as the web form's page sends it.
    const boundary = 'console-test-boundary';
    const field = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(field('text', '翠湖西路的井盖丢了，见照片') + field('zoneCode', 'wh-hs-ch-01') + field('phone', RESIDENT_PHONE)),
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="井盖.png"\r\ncontent-type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await sys.app!.inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(202);
    const answer = res.json<{ caseNo: string }>();
    const { caseNo } = answer;
    await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1);

    const page = await newConsolePage(browser);
    await signInToConsole(page, base, 'admin', ADMIN_PASSWORD, `/console/cases/${caseNo}`);
    const photo = page.getByRole('img', { name: '附件 1' });
    await photo.waitFor();
    // Loaded through the attachments endpoint under the console's CSP: the picture's real width.
    await expect.poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(4);
    // The web form re-encodes every photo as a JPEG (EXIF gone): the PNG sent is stored as one.
    expect(await photo.getAttribute('src')).toMatch(/^\/api\/v1\/attachments\/[\w-]+\.jpg$/);
  });

  it("keeps a liaison out of another zone's case", async () => {
    const caseNo = await submitCase('翠湖西路有一棵树倒了挡住了人行道');
    const [{ id: liaisonId }] = (await sys.sql(`SELECT liaison_id AS id FROM zone WHERE code = 'wh-hg-hg-01'`)) as [{ id: number }];
    const created = await sys.app!.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: adminHeaders,
      payload: { login: 'luo', name: '罗玉珍', role: 'liaison', password: 'liaison-password-01', liaisonId },
    });
    expect(created.statusCode).toBe(201);

    const page = await newConsolePage(browser);
    await signInToConsole(page, base, 'luo', 'liaison-password-01', `/console/cases/${caseNo}`);
    await expect.poll(() => page.getByTestId('case-refused').textContent()).toContain('无权查看或处理该案件');
    expect(await page.getByText('有一棵树倒了').count()).toBe(0);
  });
});
