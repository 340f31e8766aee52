/**
 * The figures screen (考核) in Chromium on the demo district: residents' messages
 * through the web intake become cases, one is answered and one resolved; the
 * page draws its charts, drills down from the district to a street to a
 * community, switches to by-category and by-liaison, downloads the XLSX (read
 * back with ExcelJS) and shows leaders' visits. A supervisor sees the figures
 * and the audit log in the menu and no configuration screen. Screenshots
 * figures-* go to test/browser/screenshots/; axe-core checks every view.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, DESKTOP, launchBrowser, PHONE, screenshot, seriousViolations, signInToConsole } from '../helpers/browser.js';

const run = browserAvailable();
const SUPERVISOR_PASSWORD = 'supervisor-password-01';
const CONFIGURATION = ['责任区', '联络员', '类别', '分派规则', '联系卡', '工作日历', '运行状况'];

let sys: TestSystem;
let browser: Browser;
let base: string;
const contexts: BrowserContext[] = [];

/** A resident's message through the web form's API; its case number once the workers made it a case. */
async function submitCase(text: string, zoneCode: string): Promise<string> {
  const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text, zoneCode, phone: '13912340077' } });
  expect(res.statusCode, res.body).toBe(202);
  const { caseNo } = res.json<{ caseNo: string }>();
  await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1, 20_000);
  return caseNo;
}

async function act(caseNo: string, action: string, payload: object) {
  const res = await sys.app!.inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/${action}`, headers: adminHeaders, payload });
  expect(res.statusCode, res.body).toBe(200);
}

/** How many of this period's cases lie in the zone or below it, as the database has them. */
async function casesUnder(code: string): Promise<number> {
  const [row] = await sys.sql<{ n: number }>(
    `WITH RECURSIVE tree AS (SELECT id FROM zone WHERE code = $1 UNION ALL SELECT z.id FROM zone z JOIN tree t ON z.parent_id = t.id)
     SELECT count(*)::int AS n FROM "case" WHERE zone_id IN (SELECT id FROM tree)`,
    [code],
  );
  return row!.n;
}

beforeAll(async () => {
  if (!run) return;
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  browser = await launchBrowser();
  base = baseUrlOf(sys);
  const answered = await submitCase('翠湖西路12号门口的路灯坏了，晚上很黑', 'wh-hs-ch-01');
  const resolved = await submitCase('翠湖西路的垃圾桶满了没人清运', 'wh-hs-ch-01');
  await submitCase('钱局街的下水道堵了，污水漫到路上', 'wh-hs-ch-02');
  await submitCase('北门街菜市场旁边的井盖松动了', 'wh-hs-yt-01');
  await submitCase('文庙直街路口晚上有人大声喧哗', 'wh-hg-hg-01');
  await act(answered, 'replies', { text: '已派人检修路灯，预计明天修好。' });
  await act(resolved, 'resolve', { summary: '垃圾已清运。' });
  const visits = [
    ['wh-hs', '张副区长', 'district'],
    ['wh-hs-ch', '李建华', 'street'],
  ] as const;
  for (const [zoneCode, leader, level] of visits) {
    const res = await sys.app!.inject({
      method: 'POST',
      url: '/api/v1/visits',
      headers: adminHeaders,
      payload: { zoneCode, leader, level, visitedAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const supervisor = await sys.app!.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: adminHeaders,
    payload: { login: 'dujun', name: '督查员杜军', role: 'supervisor', password: SUPERVISOR_PASSWORD },
  });
  expect(supervisor.statusCode, supervisor.body).toBe(201);
}, 180_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await sys?.teardown();
});

async function newPage(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  return page;
}

/** Waits until the chart has drawn shapes in its SVG. */
async function drawn(page: Page, testId: string): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.waitFor();
  expect(await chart.getAttribute('aria-label')).toBeTruthy();
  await expect.poll(() => chart.locator('svg path').count()).toBeGreaterThan(2);
}

/** The row of the table whose first cell is `name`: its cells' texts. */
async function rowOf(page: Page, tableId: string, name: string): Promise<string[]> {
  const row = page
    .getByTestId(tableId)
    .locator('tbody tr.ant-table-row')
    .filter({ has: page.locator('td:first-child', { hasText: name }) });
  await row.first().waitFor();
  return row.first().locator('td').allInnerTexts();
}

describe.runIf(run)('the figures screen in Chromium', { timeout: 120_000 }, () => {
  it('draws the charts, drills down the zone tree, switches grouping, downloads the XLSX and shows the visits', async () => {
    const page = await newPage();
    await signInToConsole(page, base, 'admin', ADMIN_PASSWORD, '/console/figures');
    await page.getByRole('heading', { name: '考核统计', level: 1 }).waitFor();
    await drawn(page, 'fig-chart-zones');
    await drawn(page, 'fig-chart-trend');
    const street = await rowOf(page, 'fig-table-zones', '华山街道');
    expect(street[1]).toBe(String(await casesUnder('wh-hs')));
    expect(await casesUnder('wh-hs')).toBe(4);
    // Each figure's header says what it means.
    expect(await page.getByRole('button', { name: /^响应率：收到后 24 小时内首次答复/ }).count()).toBe(1);
    await screenshot(page, 'figures-zones');
    expect(await seriousViolations(page, 'figures by zone')).toEqual([]);

    // District → street → community, by the zones' names; the address follows.
    await page.locator('a[data-drill="wh-hs"]').click();
    await page.waitForURL(/\/console\/figures\/wh-hs$/);
    await page.getByTestId('fig-breadcrumb').getByText('华山街道').waitFor();
    expect((await rowOf(page, 'fig-table-zones', '翠湖社区'))[1]).toBe('3');
    await page.locator('a[data-drill="wh-hs-ch"]').click();
    await page.waitForURL(/\/console\/figures\/wh-hs-ch$/);
    const group = await rowOf(page, 'fig-table-zones', '第一居民小组');
    expect(group[1]).toBe('2');
    expect(group[2]).toBe('100.0%'); // one answered, one resolved: both a first answer within 24 hours
    expect((await rowOf(page, 'fig-table-zones', '第二居民小组'))[1]).toBe('1');
    await drawn(page, 'fig-chart-zones');
    await screenshot(page, 'figures-drilldown');
    expect(await seriousViolations(page, 'figures drill-down')).toEqual([]);

    // The XLSX of what is shown: Chinese headers, each group named by its path.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fig-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^minqing-figures-zone-wh-hs-ch-.+\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核统计')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 5)).toEqual(['区域', '层级', '受理量', '响应率']);
    expect(rows.map((r) => [r[1], r[3]])).toEqual(
      expect.arrayContaining([
        ['华山街道/翠湖社区/第一居民小组', 2],
        ['华山街道/翠湖社区/第二居民小组', 1],
        ['合计', 3],
      ]),
    );
    expect(rows.find((r) => r[1] === '华山街道/翠湖社区/第一居民小组')![4]).toBe(1);

    // Back up by the breadcrumb.
    await page.getByTestId('fig-breadcrumb').getByRole('link', { name: '华山街道' }).click();
    await page.waitForURL(/\/console\/figures\/wh-hs$/);
    await page.locator('a[data-drill="wh-hs-ch"]').waitFor();

    // By category, within the street looked at: the mix as a pie and its table.
    await page.getByRole('tab', { name: '按类别' }).click();
    await drawn(page, 'fig-chart-category');
    await page.getByText('范围：华山街道').waitFor();
    const categoryRows = page.getByTestId('fig-table-category').locator('tbody tr.ant-table-row');
    await categoryRows.first().waitFor();
    const counts = (await categoryRows.locator('td:nth-child(2)').allInnerTexts()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    await screenshot(page, 'figures-categories');
    expect(await seriousViolations(page, 'figures by category')).toEqual([]);

    // By liaison: 赵桂兰 has the first group's two cases.
    await page.getByRole('tab', { name: '按联络员' }).click();
    await drawn(page, 'fig-chart-liaison');
    expect((await rowOf(page, 'fig-table-liaison', '赵桂兰'))[1]).toBe('2');
    await screenshot(page, 'figures-liaisons');
    expect(await seriousViolations(page, 'figures by liaison')).toEqual([]);

    // Leaders' visits this month: the district leader's one visit is one short of two.
    await page.getByRole('tab', { name: '领导下访' }).click();
    const leader = await rowOf(page, 'fig-table-visits', '张副区长');
    expect(leader.slice(0, 5)).toEqual(['张副区长', '区领导', '1', '2', '未达要求']);
    expect(leader[5]).toBe('华山街道');
    expect((await rowOf(page, 'fig-table-visits', '李建华')).slice(3, 5)).toEqual(['1', '已达要求']);
    await expect.poll(() => page.getByTestId('fig-visits-summary').textContent()).toContain('1 位未达要求');
    await screenshot(page, 'figures-visits');
    expect(await seriousViolations(page, "figures leaders' visits")).toEqual([]);
  });

  it('fits a phone', async () => {
    const phone = await newPage(PHONE);
    await signInToConsole(phone, base, 'admin', ADMIN_PASSWORD, '/console/figures');
    await drawn(phone, 'fig-chart-zones');
    await rowOf(phone, 'fig-table-zones', '华山街道');
    // Nothing wider than the screen but the tables, which scroll inside themselves.
    const wide = await phone.evaluate(
      `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width} + 1 && !e.closest('.fig-table-wrap')).map((e) => e.tagName + '.' + e.className).slice(0, 8)`,
    );
    expect(wide).toEqual([]);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'figures-phone');
    expect(await seriousViolations(phone, 'figures on a phone')).toEqual([]);
  });

  it('shows a supervisor the figures and the audit log, and no configuration screen', async () => {
    const page = await newPage();
    await signInToConsole(page, base, 'dujun', SUPERVISOR_PASSWORD, '/console/figures');
    await drawn(page, 'fig-chart-zones');
    const menu = page.getByRole('navigation', { name: '导航' });
    await menu.getByRole('link', { name: '考核统计' }).waitFor();
    await menu.getByRole('link', { name: '审计日志' }).waitFor();
    const links = await menu.getByRole('link').allInnerTexts();
    for (const name of CONFIGURATION) expect(links).not.toContain(name);
    expect(links.sort()).toEqual(['审计日志', '案件', '考核统计'].sort());

    // Last month (office time) had none of these cases; the export follows the period shown.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const [year, month] = today.split('-').map(Number) as [number, number];
    const lastMonth = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
    await page.getByText('上月', { exact: true }).click();
    await expect.poll(() => page.getByTestId('fig-export-csv').getAttribute('href')).toContain(`from=${lastMonth}T00%3A00%3A00%2B08%3A00`);
    await expect.poll(() => page.getByTestId('fig-summary').locator('.ant-statistic').first().innerText()).toMatch(/受理量\s*0$/);

    await page.goto(`${base}/console/zones`);
    await page.getByText('您的角色不能使用此页面').waitFor();
    expect(await page.locator('.ant-result-403').count()).toBe(1);

    // In English, the definitions too.
    await page.goto(`${base}/console/figures`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Figures', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'By liaison' }).waitFor();
    expect(await page.getByRole('button', { name: /^Response rate: Share of received cases first answered .* within 24 hours\.$/ }).count()).toBe(1);
  });
});
