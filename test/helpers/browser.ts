/**
 * Debian's Chromium through playwright-core, for the console's browser tests.
 * Without /usr/bin/chromium the tests are skipped with a message, except in CI
 * (process.env.CI), where a missing browser fails the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = new URL('../browser/screenshots/', import.meta.url);

/** Whether the browser tests can run here; throws in CI when they cannot. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOT_DIR).pathname, fullPage: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; prints a summary and answers the serious and critical violations. */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (scripts from files only) rightly refuses an inline script tag.
  await page.evaluate(`${AXE_SOURCE}\n;0`);
  // A string, not a function: this project's TypeScript has no DOM types outside console/.
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })),
  })))`);
  const summary = violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  console.log(`axe on ${label}: ${violations.length ? summary.join('; ') : 'no violations'}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Where a browser reaches a test system's HTTP front (it listens on a port of its own choosing). */
export function baseUrlOf(sys: { app: { server: { address(): unknown } } | null }): string {
  const address = sys.app!.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? (address as { port: number }).port : 0}`;
}

/** A fresh page in its own context (no shared cookies), in Chinese, whose script errors are printed. */
export async function newConsolePage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  return page;
}

/** Signs in to the console at `path` (the sign-in page comes first, then the page asked for). */
export async function signInToConsole(page: Page, base: string, login: string, password: string, path = '/console/'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}
