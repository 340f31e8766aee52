/**
 * The console's operations, contact card and audit log screens in Chromium
 * against a whole gateway: queue counts and failed sends (refused for good by
 * a local fake Twilio), retry and cancel from the screen; a retrain followed
 * until live; a zone's card issued, printed past the localhost warning,
 * rotated and revoked; the rotation found in the audit log by action and by
 * person. Screenshots at 1280x800; axe-core on each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { ADMIN_PASSWORD, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { baseUrlOf, browserAvailable, launchBrowser, newConsolePage, PHONE, screenshot, seriousViolations, signInToConsole } from '../helpers/browser.js';
import { startFakeTwilio, twilioEnv } from '../helpers/twilio.js';

const run = browserAvailable();
const ZONE = 'wh-hs-ch-01';

let sys: TestSystem;
let sms: Awaited<ReturnType<typeof startFakeTwilio>>;
let browser: Browser;
let base: string;
let page: Page;

beforeAll(async () => {
  if (!run) return;
  sms = await startFakeTwilio();
  sys = await startTestSystem({
    env: {
      ...twilioEnv(sms.url),
      // The demo's default: the cards screen must warn before printing.
      PUBLIC_BASE_URL: 'http://localhost:3000',
      OUTBOX_MAX_ATTEMPTS: '1',
      OUTBOX_WAKE_DELAY_MS: '0',
      ROUTER_MODEL_POLL_MS: '300',
    },
  });
  await seedDemoDistrict(sys.db.pool);
  sys.app!.deps.catalog.invalidate();
  browser = await launchBrowser();
  base = baseUrlOf(sys);
  page = await newConsolePage(browser);
  await signInToConsole(page, base, 'admin', ADMIN_PASSWORD, '/console/operations');
  await page.getByRole('heading', { name: '运行状况', level: 1 }).waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sys?.teardown();
  await sms?.close();
});

/** A resident's receipt by SMS that the provider refuses for good; its case number and outbox id. */
async function failedReceipt(phone: string, text: string): Promise<{ caseNo: string; id: number }> {
  sms.failNext(400, 21211, undefined, `+86${phone}`);
  const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text, phone, replyVia: 'sms', zoneCode: ZONE } });
  expect(res.statusCode).toBe(202);
  const caseNo = res.json<{ caseNo: string }>().caseNo;
  return eventually(async () => {
    const [row] = await sys.sql<{ id: number; status: string }>(`SELECT id, status FROM outbox WHERE to_address = $1 AND kind = 'receipt'`, [`+86${phone}`]);
    return row?.status === 'failed' ? { caseNo, id: row.id } : null;
  });
}

const statusOf = async (id: number) => (await sys.sql<{ status: string }>('SELECT status FROM outbox WHERE id = $1', [id]))[0]!.status;
const confirm = (p: Page) => p.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ });

describe.runIf(run)('operations, contact cards and the audit log in Chromium', { timeout: 120_000 }, () => {
  it('shows queue counts and failed sends; retries one and cancels another from the screen', async () => {
    const toRetry = await failedReceipt('13800008001', '小区门口的路灯坏了好几天');
    const toCancel = await failedReceipt('13800008002', '楼道里堆满了杂物');
    await page.reload();
    await expect
      .poll(async () => Number(await page.getByTestId('outbox-failed').locator('.ant-statistic-content-value').textContent()), { timeout: 10_000 })
      .toBe(2);
    await page.getByTestId('intake-waiting').waitFor();
    const cancelRow = page.getByTestId('failed-sends').locator('tr', { hasText: toCancel.caseNo });
    await cancelRow.waitFor();
    expect(await cancelRow.textContent()).toContain('21211');
    await screenshot(page, 'ops-overview');
    expect(await seriousViolations(page, 'operations')).toEqual([]);

    await cancelRow.getByRole('button', { name: '取消发送' }).click();
    await confirm(page).waitFor();
    await screenshot(page, 'ops-failed-sends');
    await confirm(page).click();
    await page.getByText('已取消发送').first().waitFor();
    await eventually(async () => (await statusOf(toCancel.id)) === 'cancelled');
    const [event] = await sys.sql<{ actor: string }>(
      `SELECT e.actor FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.case_no = $1 AND e.type = 'send_cancelled'`,
      [toCancel.caseNo],
    );
    expect(event!.actor).toMatch(/^user:\d+$/);

    await page
      .getByTestId('failed-sends')
      .locator('tr', { hasText: toRetry.caseNo })
      .getByRole('button', { name: /^重\s?发$/ })
      .click();
    await eventually(async () => (await statusOf(toRetry.id)) === 'sent');
    expect(sms.sent.filter((s) => s.To === '+8613800008001')).toHaveLength(1);
    await expect.poll(() => page.getByTestId('failed-sends').locator('tr', { hasText: toRetry.caseNo }).count()).toBe(0);
    // The cancelled send stays unsent: the relay passed it (the retried one went out after it).
    expect(sms.sent.filter((s) => s.To === '+8613800008002')).toHaveLength(0);
    expect(await statusOf(toCancel.id)).toBe('cancelled');
  });

  it('starts a retrain and follows it until the new model is live', async () => {
    const before = (await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM router_model'))[0]!.n;
    const clicked = Date.now();
    await page.getByTestId('retrain').click();
    await expect.poll(() => page.getByTestId('retrain-state').textContent(), { timeout: 170_000, interval: 1_000 }).toMatch(/已生效/);
    console.log(`retrain live ${Date.now() - clicked} ms after the click`);
    const [newest] = await sys.sql<{ id: number; actor: string }>('SELECT id, actor FROM router_model ORDER BY id DESC LIMIT 1');
    expect((await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM router_model'))[0]!.n).toBe(before + 1);
    expect(newest!.actor).toMatch(/^user:\d+$/);
    const liveRow = page.getByTestId('router-models').locator(`tr[data-row-key="${newest!.id}"]`);
    await expect.poll(() => liveRow.textContent()).toContain('使用中');
    expect(await liveRow.textContent()).toContain('admin');
    await page.getByTestId('router-models').scrollIntoViewIfNeeded();
    await screenshot(page, 'ops-models');
  }, 200_000);

  it('issues a card for a zone, warns before printing on a localhost address, rotates and revokes it', async () => {
    await page.goto(`${base}/console/cards`);
    await page.getByRole('heading', { name: '联系卡', level: 1 }).waitFor();
    expect(await page.getByTestId('local-warning').textContent()).toContain('http://localhost:3000');
    // Pick the zone by searching its name in the tree.
    await page.getByTestId('zone-picker').click();
    await page.keyboard.type('第一居民小组');
    await page.locator('.ant-select-tree-title', { hasText: '第一居民小组' }).first().click();
    await page.waitForURL(/\/console\/cards\/wh-/);
    const zone = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    await page.getByTestId('issue-card').click();
    await page.getByText(/已发放联系卡 \d+/).waitFor();
    const [card] = await sys.sql<{ id: number }>(
      `SELECT k.id FROM contact_card k JOIN zone z ON z.id = k.zone_id WHERE z.code = $1 ORDER BY k.id DESC LIMIT 1`,
      [zone],
    );
    const row = page.locator(`tr[data-row-key="${card!.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('有效');
    await screenshot(page, 'cards-zone');
    expect(await seriousViolations(page, 'contact cards')).toEqual([]);

    // Printing asks first: the QR code would be dead on paper.
    await row.getByRole('button', { name: `打印 SVG · ${card!.id}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-modal-confirm-title', { hasText: '二维码在纸上将无法使用' }).waitFor();
    const [printed] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('button', { name: '仍要打印' }).click()]);
    await printed.waitForLoadState();
    expect(printed.url()).toContain(`/api/v1/zones/${zone}/card.svg?card=${card!.id}`);
    await printed.close();

    await row.getByRole('button', { name: /^更\s?换$/ }).click();
    await confirm(page).click();
    await page.getByText(/已更换为新卡 \d+/).waitFor();
    await expect.poll(() => row.textContent()).toContain('已更换');
    const [rotated] = await sys.sql<{ id: number }>(`SELECT id FROM contact_card WHERE rotated_from = $1`, [card!.id]);
    const newRow = page.locator(`tr[data-row-key="${rotated!.id}"]`);
    await newRow.getByRole('button', { name: /^作\s?废$/ }).click();
    await confirm(page).click();
    await expect.poll(() => newRow.textContent()).toContain('已作废');
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'card.revoke' AND subject_id = $1`, [String(rotated!.id)])).toHaveLength(1);
  });

  it('finds the rotation in the audit log by action and by person', async () => {
    await page.goto(`${base}/console/audit`);
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    await page.getByTestId('audit-action').fill('card.rotate');
    await page.getByTestId('audit-search').click();
    const rows = page.getByTestId('audit-rows').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('card.rotate');
    expect(await rows.first().textContent()).toContain('admin');

    // By person: everything the signed-in admin did, then narrowed to the card family.
    await page.getByTestId('audit-action').fill('');
    await page.getByTestId('audit-actor').click();
    await page.keyboard.type('admin');
    await page.locator('.ant-select-item-option[title="admin"]').click();
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await rows.allTextContents()).some((text) => text.includes('card.rotate'))).toBe(true);
    expect(new Set(await rows.locator('td:nth-child(2)').allTextContents())).toEqual(new Set(['admin']));
    await page.getByTestId('audit-action').fill('card');
    await page.getByTestId('audit-search').click();
    const actions = rows.locator('td:nth-child(3)');
    await expect.poll(() => actions.allTextContents()).toEqual(expect.arrayContaining(['card.rotate', 'card.revoke', 'card.issue']));
    expect((await actions.allTextContents()).every((action) => action.startsWith('card.'))).toBe(true);
    await screenshot(page, 'audit-search');
    expect(await seriousViolations(page, 'audit log')).toEqual([]);

    // A malformed case number is refused next to its field.
    await page.getByTestId('audit-case').fill('12ab');
    await page.getByTestId('audit-search').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();

    // On a phone the operations screen still reads: a look for the reviewer.
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/console/operations`);
    await page.getByTestId('outbox-failed').waitFor();
    await screenshot(page, 'ops-overview-390');
  });
});
