/** Debian's Chromium through playwright-core, for the browser tests; screenshots go to test-results/. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;
export const SCREENSHOTS = path.resolve('test-results', 'screenshots');

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (!CHROMIUM) return 'browser tests skipped: Chromium is not installed (apt-get install -y chromium)';
  if (!existsSync(path.resolve('web', 'dist', 'index.html'))) return 'browser tests skipped: the web app is not built (npm run build:web)';
  return null;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-full.png`), fullPage: true });
  return file;
}

/**
 * Copies the built web app to a temporary folder (retrying while a build is rewriting it) and
 * returns the folder, for ALIANZA_WEB_DIST: the nodes then serve a copy that another build on
 * the same machine cannot change under a running browser test.
 */
export function snapshotWebDist(): string {
  const source = path.resolve('web', 'dist');
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alianza-web-'));
    try {
      cpSync(source, dir, { recursive: true });
      const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
      if (assets.length > 0 && assets.every((a) => existsSync(path.join(dir, a)))) return dir;
    } catch {
      // a build was emptying the folder: try again
    }
    rmSync(dir, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  throw new Error('web/dist could not be copied whole (is a build running?)');
}

/** A new browser context signed in as `email` on the node at `baseUrl`. */
export async function signInPage(browser: Browser, baseUrl: string, email: string, password: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(baseUrl);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** Picks a language in the header and waits until the page speaks it. */
export async function switchLanguage(page: Page, locale: 'en' | 'fr' | 'es'): Promise<void> {
  await page.getByTestId('lang-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${locale}`));
}

/** axe-core over the page: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}
