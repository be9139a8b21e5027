/** Debian's Chromium through playwright-core, for the browser tests; screenshots go to test-results/. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
