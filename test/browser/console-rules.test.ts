/**
 * The routing rules screen in Chromium against a whole gateway: an admin
 * writes a rule in the form that sends a keyword to a new residents' group,
 * sees its impact on earlier cases, saves it, and a resident's message lands
 * there with the rule in its evidence; the rule is edited and its older
 * version restored; rules are reordered; the test panel shows the match.
 * Screenshots rules-list, rules-form, rules-preview, rules-versions and
 * rules-test-panel (1280x800) go to test/browser/screenshots/; axe-core on each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, launchBrowser, newConsolePage, screenshot, seriousViolations, signInToConsole } from '../helpers/browser.js';

const KEYWORD = '共享单车';
const ZONE = { code: 'wh-hs-ch-dc', name: '单车停放小组' };
const RULE = '共享单车归停放小组';
const run = browserAvailable();

let sys: TestSystem;
let browser: Browser;
let base: string;
let page: Page;

interface ApiRule {
  id: number;
  name: string;
  version: number;
}

const api = async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
  const res = await sys.app!.inject({ method, url, headers: adminHeaders, ...(payload ? { payload } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<T>();
};
const rules = async () => (await api<{ items: ApiRule[] }>('GET', '/api/v1/rules')).items;

/** A resident's message through the web form's API; its case number once the workers made it a case. */
async function submitCase(text: string): Promise<string> {
  const { caseNo } = await api<{ caseNo: string }>('POST', '/api/v1/intake/web', { text });
  await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1, 15_000);
  return caseNo;
}

/** Picks a zone by name in the tree picker labelled `label` (typing searches the tree). */
async function pickZone(label: string, name: string) {
  await page.getByLabel(label).fill(name);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title', { hasText: name }).first().click();
}

beforeAll(async () => {
  if (!run) return;
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  // A new residents' group under 翠湖社区 with its own liaison, as the zones screen would make it.
  const liaison = await api<{ id: number }>('POST', '/api/v1/liaisons', { name: '车小勇', phone: '13800009901' });
  await api('POST', '/api/v1/zones', { code: ZONE.code, name: ZONE.name, level: 'group', parentCode: 'wh-hs-ch', liaisonId: liaison.id });
  // Earlier cases: three with the keyword, one without, so the preview has something to count.
  for (const text of [`${KEYWORD}堆在人行道上`, `小区门口${KEYWORD}乱停放`, `${KEYWORD}挡住了盲道`, '楼道的灯不亮了']) await submitCase(text);
  browser = await launchBrowser();
  base = baseUrlOf(sys);
  page = await newConsolePage(browser);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sys?.teardown();
});

describe.runIf(run)('the routing rules screen in Chromium', { timeout: 90_000 }, () => {
  it('should let an admin write a rule in the form, preview its impact, save it, and route the next matching message by it', async () => {
    await signInToConsole(page, base, 'admin', ADMIN_PASSWORD, '/console/rules');
    await page.getByRole('heading', { name: '分派规则', level: 1 }).waitFor();
    await page.getByText('还没有分派规则').waitFor();

    await page.getByRole('button', { name: '新建规则' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('名称').fill(RULE);
    await form.getByLabel('关键词（包含任一即可）').fill(KEYWORD);
    await form.getByLabel('关键词（包含任一即可）').press('Enter');
    await pickZone('分派到责任区', ZONE.name);
    // Back to the top of the form (and the tree picker closed) for the screenshot.
    await form.getByLabel('名称').click();
    await screenshot(page, 'rules-form');
    expect(await seriousViolations(page, 'rules-form')).toEqual([]);

    // A pattern that could backtrack catastrophically: the API's refusal shows under the pattern field.
    await form.getByLabel('正则表达式').fill('(a+)+$');
    await form.getByTestId('rule-preview').click();
    await expect.poll(() => form.locator('#conditions_pattern_help').textContent(), { timeout: 15_000 }).toContain('ReDoS');
    await form.getByLabel('正则表达式').fill('');

    await form.getByTestId('rule-preview').click();
    await expect.poll(() => page.getByTestId('impact-zone').textContent(), { timeout: 15_000 }).toBe('3');
    expect(await page.getByTestId('impact-summary').textContent()).toContain('4 件案件中，有 3 件会改变，3 件匹配此规则');
    await page.getByTestId('impact-preview').getByText(`→ 翠湖社区${ZONE.name}`).first().waitFor();
    // The pointer off the button it clicked: antd's hover colour is a passing state, not the page's.
    await page.getByTestId('impact-summary').hover();
    await screenshot(page, 'rules-preview');
    expect(await seriousViolations(page, 'rules-preview')).toEqual([]);

    await form.getByTestId('rule-save').click();
    await page.locator('.rule-name', { hasText: RULE }).waitFor();
    const [rule] = await rules();
    expect(rule).toMatchObject({ name: RULE, version: 1 });

    // A resident writes through the web form; the case lands in the new group, the rule named in its evidence.
    const caseNo = await submitCase(`楼下${KEYWORD}太多了，没法走路`);
    await page.goto(`${base}/console/cases/${caseNo}`);
    await page.getByRole('heading', { name: `案件编号 ${caseNo}` }).waitFor();
    await page.getByText(`翠湖社区${ZONE.name}`).first().waitFor();
    await page.getByText(`规则 #${rule!.id}「${RULE}」`).waitFor();
  });

  it('should show what an edit changed in the history, and restore the older version with one click', async () => {
    await page.goto(`${base}/console/rules`);
    await page.locator('.rule-name', { hasText: RULE }).waitFor();
    await page.getByRole('button', { name: '编辑' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('名称').fill('单车改名');
    await form.getByLabel('加标签').fill('市容');
    await form.getByLabel('加标签').press('Enter');
    await form.getByTestId('rule-save').click();
    await page.locator('.rule-name', { hasText: '单车改名' }).waitFor();

    await page.getByRole('button', { name: '历史' }).click();
    const versions = page.getByRole('dialog');
    await versions.getByTestId('version-2').getByText('共享单车归停放小组').waitFor();
    expect(await versions.getByTestId('version-2').textContent()).toMatch(/名称：共享单车归停放小组\s*→\s*单车改名/);
    expect(await versions.getByTestId('version-2').textContent()).toContain('加标签：无 → 市容');
    await screenshot(page, 'rules-versions');
    expect(await seriousViolations(page, 'rules-versions')).toEqual([]);

    await versions.getByTestId('version-1').getByRole('button', { name: '恢复此版本' }).click();
    await versions.getByTestId('version-3').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.rule-name', { hasText: RULE }).waitFor();
    expect(await rules()).toMatchObject([{ name: RULE, version: 3 }]);
  });

  it('should reorder the rules with the keyboard, and save the order', async () => {
    await api('POST', '/api/v1/rules', { name: '盲道标记', priority: 500, conditions: { keywords: ['盲道'] }, action: { tags: ['无障碍'] } });
    await page.reload();
    await page.locator('.rule-name', { hasText: '盲道标记' }).waitFor();
    expect((await page.locator('.rule-name').allTextContents()).join('|')).toBe(`${RULE}|盲道标记`);

    await page.getByRole('button', { name: '上移「盲道标记」' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rules()).map((r) => r.name).join('|')).toBe(`盲道标记|${RULE}`);
    await expect.poll(async () => (await page.locator('.rule-name').allTextContents()).join('|')).toBe(`盲道标记|${RULE}`);
    await screenshot(page, 'rules-list');
    expect(await seriousViolations(page, 'rules-list')).toEqual([]);
  });

  it('should show in the test panel the rules a message matches and where it would go', async () => {
    await page.getByLabel('来信内容').fill(`${KEYWORD}把盲道堵了`);
    await page
      .getByRole('button', { name: '测 试' })
      .or(page.getByRole('button', { name: '测试', exact: true }))
      .click();
    await expect.poll(() => page.getByTestId('test-matched').textContent(), { timeout: 15_000 }).toContain(RULE);
    expect(await page.getByTestId('test-matched').textContent()).toContain('盲道标记');
    expect(await page.getByTestId('test-result').textContent()).toContain(ZONE.name);
    await page.getByTestId('test-result').hover();
    await screenshot(page, 'rules-test-panel');
    expect(await seriousViolations(page, 'rules-test-panel')).toEqual([]);
  });
});
