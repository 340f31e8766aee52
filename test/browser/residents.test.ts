/**
 * The residents' pages in a real browser (Debian's Chromium) at phone size (390 px), as a resident uses them:
 * the information window with and without JavaScript (a 6 MB phone photo, the zone search, POST-redirect-GET,
 * a forced error that keeps what was typed), the lookup without JavaScript in plain words, and a contact
 * card's page. Screenshots of each page in zh-CN and English go to test/browser/screenshots/; axe-core
 * checks every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, launchBrowser, PHONE, screenshot, seriousViolations } from '../helpers/browser.js';
import { phonePhoto } from '../helpers/photos.js';

const run = browserAvailable();

let sys: TestSystem;
let browser: Browser;
let base: string;
let photo: Buffer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!run) return;
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  browser = await launchBrowser();
  base = baseUrlOf(sys);
  photo = await phonePhoto();
}, 120_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await sys?.teardown();
});

async function phonePage(options: { script?: boolean; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: options.locale ?? 'zh-CN', javaScriptEnabled: options.script ?? true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  return page;
}

async function checked(page: Page, label: string): Promise<void> {
  expect(await seriousViolations(page, label)).toEqual([]);
}

/**
 * axe for a page seen without JavaScript: the browser runs no script in such a page, axe included, so its
 * document (scripts removed) is checked in a scripted page of the same origin, where the styles load alike.
 */
async function checkedWithoutScript(page: Page, label: string): Promise<void> {
  const document = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, '');
  const copy = await phonePage();
  await copy.goto(`${base}/window/privacy`);
  await copy.setContent(document, { waitUntil: 'load' });
  await checked(copy, label);
}

const messageCount = async () => (await sys.sql<{ n: number }>(`SELECT count(*)::int AS n FROM message WHERE direction = 'in'`))[0]!.n;

/** The stored photo of the message that reserved `caseNo`. */
async function storedPhoto(caseNo: string): Promise<Buffer> {
  const [row] = await sys.sql<{ attachments: { id: string }[] }>(`SELECT attachments FROM message WHERE reserved_case_no = $1`, [caseNo]);
  expect(row!.attachments).toHaveLength(1);
  return readFile(join(sys.env.DATA_DIR!, 'attachments', row!.attachments[0]!.id));
}

async function expectPhotoClean(stored: Buffer): Promise<void> {
  expect(stored.length).toBeLessThanOrEqual(1024 * 1024);
  const meta = await sharp(stored).metadata();
  expect(meta.format).toBe('jpeg');
  expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(2048);
  expect(meta.exif).toBeUndefined();
}

const caseNoOf = (url: string) => new URL(url).searchParams.get('caseNo')!;

describe.runIf(run)("the residents' pages on a phone", { timeout: 60_000 }, () => {
  it('sends a message with a 6 MB photo with JavaScript: zone found by search, SMS preselected, redirected to the confirmation', async () => {
    const page = await phonePage();
    await page.goto(`${base}/window`);
    await page.getByRole('heading', { name: '民情信息窗口' }).waitFor();
    await screenshot(page, 'window-zh-390');
    await checked(page, 'window (zh)');

    // The zone search: 翠湖 keeps the community and its groups, nothing else.
    await page.getByLabel('搜索社区或小组').fill('翠湖');
    const options = await page.locator('#f-zone option').allTextContents();
    expect(options.length).toBeGreaterThan(3);
    expect(options.slice(1).every((o) => o.includes('翠湖'))).toBe(true);
    await expect.poll(() => page.locator('#zone-count').textContent()).toMatch(/找到 \d+ 项/);
    await page.getByLabel('问题所在的社区或小组').selectOption('wh-hs-ch-02');
    await screenshot(page, 'window-zone-search-zh-390');

    await page.getByLabel('您要反映的问题').fill('翠湖南路人行道的地砖翘起来了，老人容易绊倒');
    expect(await page.getByLabel('网上查询').isChecked()).toBe(true); // nothing given yet: lookup
    await page.getByLabel('手机号（选填）').fill('13912345001');
    expect(await page.getByLabel('短信').isChecked()).toBe(true);
    await page.getByLabel('照片（选填）').setInputFiles({ name: 'IMG_2001.JPG', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/window\/done\?/);
    const caseNo = caseNoOf(page.url());
    await page.getByText('回执短信将发送到您留下的手机号').waitFor();
    expect(await page.locator('#case-no').textContent()).toBe(caseNo);
    await expect.poll(() => page.locator('main').textContent()).toContain('翠湖社区第二居民小组');
    await screenshot(page, 'done-sms-zh-390');
    await checked(page, 'confirmation (zh)');
    await page.getByRole('link', { name: 'English' }).click(); // the same confirmation in English
    await page.getByText('A receipt is being sent to your phone by SMS').waitFor();
    expect(await page.locator('#case-no').textContent()).toBe(caseNo);
    await screenshot(page, 'done-sms-en-390');
    await expectPhotoClean(await storedPhoto(caseNo));
  });

  it('sends an anonymous message with a 6 MB photo without JavaScript: POST-redirect-GET, the code never in an address, a reload sends nothing', async () => {
    const page = await phonePage({ script: false, locale: 'en-GB' });
    await page.goto(`${base}/window?lang=en`);
    await screenshot(page, 'window-en-390');
    await checkedWithoutScript(page, 'window (en, no script)');
    await page.getByLabel('Your message').fill('The pavement tiles on Cuihu South Road are loose');
    await page.getByLabel('Community or group concerned').selectOption('wh-hs-ch-01');
    await page.getByLabel('Photo (optional)').setInputFiles({ name: 'IMG_2002.JPG', mimeType: 'image/jpeg', buffer: photo });
    const before = await messageCount();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/window\/done\?/);
    expect(await messageCount()).toBe(before + 1);
    const caseNo = caseNoOf(page.url());
    const code = (await page.locator('#access-code').textContent())!;
    expect(code).toMatch(/^\d{8}$/);
    expect(page.url()).not.toContain(code);
    await page.getByText('You wrote anonymously').waitFor();
    await screenshot(page, 'done-anonymous-en-390');
    await checkedWithoutScript(page, 'confirmation (en, anonymous, no script)');
    await page.getByRole('link', { name: '中文' }).click();
    expect(await page.locator('#access-code').textContent()).toBe(code);
    await screenshot(page, 'done-anonymous-zh-390');
    await page.goBack();

    await page.reload(); // a plain GET: nothing is sent again
    expect(await page.locator('#case-no').textContent()).toBe(caseNo);
    expect(await messageCount()).toBe(before + 1);
    await page.goBack(); // the form, not the post
    expect(page.url()).toBe(`${base}/window?lang=en`);
    await expectPhotoClean(await storedPhoto(caseNo));

    // The code looks the case up (the lookup, also without script).
    await page.goto(`${base}/window/lookup?lang=en&caseNo=${caseNo}`);
    await page.getByLabel('Phone, email or lookup code').fill(code);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.locator('#result').waitFor();
    expect(await page.locator('#result').textContent()).toContain('The pavement tiles on Cuihu South Road are loose');
  });

  it('keeps what was typed on a forced error without JavaScript, in the page language, the error at its field', async () => {
    const page = await phonePage({ script: false });
    await page.goto(`${base}/window?lang=en`);
    await page.getByLabel('Your message').fill('Noise from the building site after 22:00 every night');
    await page.getByLabel('Community or group concerned').selectOption('wh-hs-ch-01');
    await page.getByLabel('Name (optional)').fill('Wang Fang');
    await page.getByLabel('Mobile phone (optional)').fill('12345');
    await page.getByLabel('SMS').check();
    await page.getByLabel('Photo (optional)').setInputFiles({ name: 'IMG_2003.JPG', mimeType: 'image/jpeg', buffer: photo });
    const before = await messageCount();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('#form-error').waitFor();
    expect(await messageCount()).toBe(before);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('Your message').inputValue()).toBe('Noise from the building site after 22:00 every night');
    expect(await page.getByLabel('Community or group concerned').inputValue()).toBe('wh-hs-ch-01');
    expect(await page.getByLabel('Name (optional)').inputValue()).toBe('Wang Fang');
    expect(await page.getByLabel('SMS').isChecked()).toBe(true);
    expect(await page.locator('#form-error').textContent()).toBe('Not a valid phone number');
    expect(await page.getByLabel('Mobile phone (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Mobile phone (optional)').getAttribute('aria-describedby')).toBe('form-error optional-note');
    await screenshot(page, 'window-error-en-390');
    await checkedWithoutScript(page, 'form error (en, no script)');
  });

  it('clears a stale error with JavaScript once its field is fixed', async () => {
    const page = await phonePage();
    await page.goto(`${base}/window`);
    await page.getByLabel('您要反映的问题').fill('小区门口的下水道堵了');
    await page.getByLabel('手机号（选填）').fill('12345');
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('#form-error:not([hidden])').waitFor();
    expect(await page.locator('#form-error').textContent()).toBe('手机号格式不正确，请检查。');
    await screenshot(page, 'window-error-zh-390');
    await page.getByLabel('手机号（选填）').fill('13912345002');
    expect(await page.locator('#form-error').isHidden()).toBe(true);
    expect(await page.getByLabel('手机号（选填）').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('手机号（选填）').getAttribute('aria-describedby')).toBe('optional-note');
  });

  it('looks a case up without JavaScript: plain-language events, the message, the answer in full, a numeric keypad', async () => {
    const res = await sys.app!.inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      payload: { text: '翠湖北路的路灯坏了一周', zoneCode: 'wh-hs-ch-01', phone: '13912345003' },
    });
    const { caseNo } = res.json<{ caseNo: string }>();
    await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1);
    const answer = '您好，路灯已报修。\n维修人员明天上午到场更换灯具，届时请注意避让。'.repeat(3);
    const replied = await sys.app!.inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/replies`, headers: adminHeaders, payload: { text: answer } });
    expect(replied.statusCode).toBe(200);
    const status = await sys.app!.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/status`,
      headers: adminHeaders,
      payload: { status: 'answered', note: '已答复' },
    });
    expect(status.statusCode).toBe(200);

    for (const [lang, labels] of [
      ['zh', { contact: '手机号、邮箱或查询码', button: '查询', events: ['已登记', '已答复'], caseNo: '案件编号' }],
      ['en', { contact: 'Phone, email or lookup code', button: 'Look up', events: ['Registered', 'Answered'], caseNo: 'Case number' }],
    ] as const) {
      const page = await phonePage({ script: false });
      await page.goto(`${base}/window/lookup?lang=${lang}`);
      expect(await page.getByLabel(labels.caseNo).getAttribute('inputmode')).toBe('numeric');
      await screenshot(page, `lookup-${lang}-390`);
      await checkedWithoutScript(page, `lookup (${lang}, no script)`);
      await page.getByLabel(labels.caseNo).fill(caseNo);
      await page.getByLabel(labels.contact).fill('139 1234 5003');
      await page.getByRole('button', { name: labels.button, exact: true }).click();
      await page.locator('#result').waitFor();
      const text = (await page.locator('#result').innerText()).replace(/\s+/g, ' ');
      for (const words of labels.events) expect(text).toContain(words);
      expect(text).toContain('翠湖北路的路灯坏了一周');
      expect(await page.locator('.timeline .reply .text').filter({ hasText: '维修人员' }).textContent()).toContain(answer); // in full, line breaks kept
      expect(text).not.toMatch(/status_changed|registered\b|deadline_set|liaison_notified|replied/);
      // Office times: the page says which.
      expect(text).toContain(lang === 'zh' ? '北京时间' : 'China Standard Time');
      await screenshot(page, `lookup-result-${lang}-390`);
      await checkedWithoutScript(page, `lookup result (${lang}, no script)`);
    }
  });

  it("shows a contact card's form titled as the card's, sends on to the card's form again, and a friendly 404 for a damaged link", async () => {
    const cards = await sys.app!.inject({ method: 'POST', url: '/api/v1/zones/wh-hs-ch-01/cards', headers: adminHeaders, payload: {} });
    expect(cards.statusCode).toBeLessThan(300);
    const cardUrl: string = cards.json().url;
    const path = new URL(cardUrl).pathname;
    for (const lang of ['zh', 'en'] as const) {
      const page = await phonePage();
      await page.goto(`${base}${path}${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByRole('heading', { name: lang === 'zh' ? '民情联系卡留言' : 'Write via your contact card' }).waitFor();
      await screenshot(page, `card-${lang}-390`);
      await checked(page, `card form (${lang})`);
      if (lang === 'zh') {
        await page.getByLabel('您要反映的问题').fill('楼道灯坏了');
        await page.getByRole('button', { name: '提交' }).click();
        await page.waitForURL(/\/window\/done\?/);
        await page.getByRole('link', { name: '再反映一个问题' }).click();
        await page.getByRole('heading', { name: '民情联系卡留言' }).waitFor();
        expect(new URL(page.url()).pathname).toBe(path);
      }
    }
    const en = await phonePage();
    expect((await en.goto(`${base}${path.slice(0, -3)}?lang=en`))!.status()).toBe(404);
    await en.getByRole('link', { name: 'Go to the information window' }).waitFor();
    await screenshot(en, 'card-unknown-en-390');
    const page = await phonePage();
    const res = await page.goto(`${base}${path.slice(0, -3)}`);
    expect(res!.status()).toBe(404);
    await screenshot(page, 'card-unknown-zh-390');
    await checked(page, 'unknown card (zh)');
    await page.getByRole('link', { name: '前往民情信息窗口' }).click();
    await page.getByRole('heading', { name: '民情信息窗口' }).waitFor();
  });

  it('shows the privacy notice in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = await phonePage();
      await page.goto(`${base}/window/privacy?lang=${lang}`);
      expect(await page.locator('main').textContent()).toContain(lang === 'zh' ? '第十七条' : 'Article 17');
      await screenshot(page, `privacy-${lang}-390`);
      await checked(page, `privacy (${lang})`);
    }
  });
});
