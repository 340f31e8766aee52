/**
 * The zones area of the console in Chromium, as an admin: find a community in
 * the tree, add a residents' group under it with a boundary uploaded as
 * GeoJSON, try to move the community under its own group (refused, with the
 * reason under the field), add a liaison for the new group and make a bind
 * code (the code and its QR code), change a category's deadline, and mark a
 * holiday in the calendar. Each step is checked against the API; each screen
 * is screenshotted at 1280 px (the tree also at 390 px) and checked by axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, launchBrowser, newConsolePage, PHONE, screenshot, seriousViolations, signInToConsole } from '../helpers/browser.js';

const run = browserAvailable();
const NEW_GROUP = 'wh-hs-ch-09';
/** A small square by 翠湖, as a Feature (the screen takes the geometry out of it). */
const GEOJSON = {
  type: 'Feature',
  properties: { name: '第九居民小组' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [102.699, 25.048],
        [102.703, 25.048],
        [102.703, 25.051],
        [102.699, 25.051],
        [102.699, 25.048],
      ],
    ],
  },
};

let sys: TestSystem;
let browser: Browser;
let base: string;
let page: Page;

const get = async <T>(url: string): Promise<T> => (await sys.app!.inject({ method: 'GET', url, headers: adminHeaders })).json<T>();
const zone = async (code: string) =>
  (await get<{ items: { code: string; parentCode: string; boundary: unknown; liaison: { name: string } | null }[] }>('/api/v1/zones')).items.find(
    (z) => z.code === code,
  );

/** Picks an option of an antd Select by its label, and waits until the field shows it. */
async function choose(field: string, search: string, label: string): Promise<void> {
  const select = page.getByLabel(field);
  await select.click();
  await select.fill(search);
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
  await expect.poll(() => page.locator('.ant-form-item').filter({ hasText: field }).locator('.ant-select').textContent()).toContain(label);
}

beforeAll(async () => {
  if (!run) return;
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  browser = await launchBrowser();
  base = baseUrlOf(sys);
  page = await newConsolePage(browser);
  await signInToConsole(page, base, 'admin', ADMIN_PASSWORD, '/console/zones');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sys?.teardown();
});

describe.runIf(run)('the zones, liaisons, categories and calendar screens in Chromium', { timeout: 60_000 }, () => {
  it('finds 翠湖 in the tree with its groups, and adds a group under the community', async () => {
    await page.getByRole('heading', { name: '责任区', level: 1 }).waitFor();
    await page.getByPlaceholder('搜索名称、编码或别名').fill('翠湖');
    const tree = page.locator('.zone-tree');
    await tree.getByText('翠湖社区', { exact: true }).waitFor();
    await expect.poll(() => tree.getByText('第一居民小组', { exact: true }).count()).toBe(1);
    expect(await tree.getByText('篆塘社区').count()).toBe(0);

    await tree.getByText('翠湖社区', { exact: true }).click();
    await page.getByRole('heading', { name: /翠湖社区/, level: 2 }).waitFor();
    await page.getByTestId('zone-add-child').click();
    await page.getByTestId('zone-new-code').fill(NEW_GROUP);
    await page.getByTestId('zone-new-name').fill('第九居民小组');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^新\s?增$/ })
      .click();
    await page.getByRole('heading', { name: /第九居民小组/, level: 2 }).waitFor();
    expect(await zone(NEW_GROUP)).toMatchObject({ parentCode: 'wh-hs-ch' });
  });

  it('uploads a GeoJSON boundary for the new group and draws the shape', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'group-9.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(GEOJSON)) });
    const shape = page.getByTestId('zone-boundary-shape');
    await shape.waitFor();
    expect(await shape.locator('path').getAttribute('d')).toMatch(/^M[\d.,L]+Z$/);
    expect((await zone(NEW_GROUP))!.boundary).toEqual(GEOJSON.geometry);
  });

  it('refuses to move the community under its own group, with the reason under the field', async () => {
    await page.locator('.zone-tree').getByText('翠湖社区', { exact: true }).click();
    await page.getByRole('heading', { name: /翠湖社区/, level: 2 }).waitFor();
    await choose('移到上级', '翠湖社区/第一', '华山街道/翠湖社区/第一居民小组 (居民小组)');
    await page.getByTestId('zone-move').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: 'descendant' }).waitFor();
    expect((await zone('wh-hs-ch'))!.parentCode).toBe('wh-hs');
    // The pointer still on the button shows antd's light hover blue; the page as left, not as hovered.
    await expect.poll(() => page.getByTestId('zone-move').locator('.ant-btn-icon').count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await screenshot(page, 'zones-tree');
    expect(await seriousViolations(page, 'zones')).toEqual([]);
  });

  it('creates a liaison for the new group, assigns it, and shows a bind code with its QR code', async () => {
    await page.goto(`${base}/console/liaisons`);
    await page.getByRole('heading', { name: '联络员', level: 1 }).waitFor();
    expect(await seriousViolations(page, 'liaisons')).toEqual([]);
    await page.getByTestId('liaison-new').click();
    await page.getByTestId('liaison-name').fill('韦春燕');
    await page.getByTestId('liaison-phone').fill('138-0000-7301');
    await choose('负责的责任区', '第九', '华山街道/翠湖社区/第九居民小组');
    await page.getByTestId('liaison-save').click();
    await page.getByPlaceholder('搜索姓名或责任区').fill('第九');
    const row = page.getByRole('row').filter({ hasText: '韦春燕' });
    await row.getByText('华山街道/翠湖社区/第九居民小组').waitFor();
    expect((await zone(NEW_GROUP))!.liaison).toMatchObject({ name: '韦春燕' });

    await row.getByRole('button', { name: /绑定码/ }).click();
    const code = page.getByTestId('bind-code-text');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/\d{8}/);
    await page.getByText(/^绑定 \d{8}$/).waitFor();
    const qr = page.getByTestId('bind-code-qr');
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => qr.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.waitForTimeout(400); // the dialog's fade-in over
    await screenshot(page, 'zones-liaisons');
    expect(await seriousViolations(page, 'liaisons with a bind code')).toEqual([]);
  });

  it("edits a category's deadline, and shows why the fallback category cannot be retired", async () => {
    await page.goto(`${base}/console/categories`);
    await page.getByRole('heading', { name: '类别', level: 1 }).waitFor();
    await page.getByTestId('cat-edit-medical').click();
    await page.getByTestId('category-deadline').fill('96');
    await page.getByTestId('category-save').click();
    await expect.poll(() => page.getByTestId('cat-deadline-medical').textContent()).toBe('96 小时（4 天）');
    const categories = await get<{ items: { code: string; deadlineHours: number }[] }>('/api/v1/categories');
    expect(categories.items.find((c) => c.code === 'medical')!.deadlineHours).toBe(96);

    await page.getByTestId('cat-retire-other').click();
    await page
      .getByRole('button', { name: /^停\s?用$/ })
      .last()
      .click();
    await expect.poll(() => page.getByTestId('category-problem').textContent()).toContain('cannot be retired');
    await screenshot(page, 'zones-categories');
    expect(await seriousViolations(page, 'categories')).toEqual([]);
  });

  it('marks a holiday in the calendar and saves the year, which the API then has', async () => {
    await page.goto(`${base}/console/calendar/2027`);
    await page.getByRole('heading', { name: '工作日历', level: 1 }).waitFor();
    await page.getByLabel('名称').fill('国庆节');
    await page.locator('[data-date="2027-10-08"]').click(); // a Friday
    await page.locator('[data-date="2027-10-09"]').click(); // a Saturday: a make-up working day
    await expect.poll(() => page.getByTestId('calendar-counts').textContent()).toMatch(/节假日1.*调休上班日1/);
    await page.getByTestId('calendar-save').click();
    await page.getByText('2027 年的日历已保存').waitFor();
    const calendar = await get<{ days: { date: string; workday: boolean; name: string }[] }>('/api/v1/calendar/2027');
    expect(calendar.days).toEqual([
      { date: '2027-10-08', workday: false, name: '国庆节' },
      { date: '2027-10-09', workday: true, name: '国庆节' },
    ]);
    await screenshot(page, 'zones-calendar');
    expect(await seriousViolations(page, 'calendar')).toEqual([]);
  });

  it('shows the tree and the zone panel one above the other at 390 px', async () => {
    const phone = await newConsolePage(browser, PHONE);
    await signInToConsole(phone, base, 'admin', ADMIN_PASSWORD, `/console/zones/${NEW_GROUP}`);
    await phone.getByRole('heading', { name: /第九居民小组/, level: 2 }).waitFor();
    await phone.getByTestId('zone-boundary-shape').waitFor();
    const [tree, panel] = await Promise.all([phone.locator('.zones-tree').boundingBox(), phone.getByTestId('zone-panel').boundingBox()]);
    expect(panel!.y).toBeGreaterThan(tree!.y + tree!.height - 1);
    expect(panel!.width).toBeLessThanOrEqual(390);
    await screenshot(phone, 'zones-tree-phone');
    expect(await seriousViolations(phone, 'zones at 390 px')).toEqual([]);
    await phone.context().close();
  });
});
