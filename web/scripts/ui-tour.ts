/**
 * Walks through the web app in headless Chromium: takes screenshots at desktop and phone
 * widths, runs axe-core on every page, and reports console errors and CSP violations.
 *
 *   npx tsx web/scripts/ui-tour.ts                 # built app (web/dist) with the stand-in API
 *   npx tsx web/scripts/ui-tour.ts --base http://127.0.0.1:8081 --email investigator@mx.demo
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Role } from '../../src/server/api-types';
import { answer } from './mock-api';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const dist = path.resolve(import.meta.dirname, '..', 'dist');
const out = path.resolve(option('out', '.tmp/ui-tour'));
const email = option('email', 'investigator@mx.demo');
const password = option('password', 'alianza-demo');
const role = option('role', 'investigator') as Role;
const only = option('only', '');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

const serveDist = (): Promise<{ server: Server; base: string }> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      let file = path.join(dist, decodeURIComponent(url.pathname));
      if (!file.startsWith(dist) || !existsSync(file) || url.pathname === '/') file = path.join(dist, 'index.html');
      res.setHeader('content-security-policy', CSP);
      res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      res.end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    });
  });

const main = async () => {
  mkdirSync(out, { recursive: true });
  const mock = !args.includes('--base');
  const served = mock ? await serveDist() : null;
  const base = served?.base ?? option('base', 'http://127.0.0.1:8081');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const problems: string[] = [];
  let loggedIn = false;

  const visit = async (page: Page, label: string, url: string, action?: (page: Page) => Promise<void>) => {
    if (only && !label.includes(only)) return;
    await page.goto(`${base}${url}`);
    await page.waitForLoadState('networkidle');
    if (action) await action(page);
    await page.waitForTimeout(300);
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({ path: path.join(out, `${label}-${width}.png`), fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const slice = width < 600 ? 1400 : 1100;
    if (height > slice * 1.5) {
      for (let y = 0, part = 0; y < height; y += slice, part += 1) {
        const clip = { x: 0, y, width, height: Math.min(slice, height - y) };
        await page.screenshot({ path: path.join(out, `${label}-${width}-part${part}.png`), fullPage: true, clip });
      }
    }
    const axe = await new AxeBuilder({ page }).analyze();
    for (const v of axe.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${label}@${width}: axe ${v.impact} ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      else console.log(`  (${label}@${width}: axe ${v.impact} ${v.id})`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${label}@${width}: page scrolls sideways by ${overflow}px`);
  };

  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'es-MX' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) problems.push(`console@${width}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror@${width}: ${e.message}`));
    if (mock) {
      loggedIn = false;
      await page.route('**/api/**', async (route) => {
        const request = route.request();
        const url = new URL(request.url());
        if (request.method() !== 'GET' && url.pathname !== '/api/auth/login' && request.headers()['x-csrf-token'] !== 'csrf-test') problems.push(`missing CSRF on ${request.method()} ${url.pathname}`);
        if (url.pathname === '/api/auth/login') loggedIn = true;
        if (url.pathname === '/api/auth/logout') loggedIn = false;
        const [status, body] = answer(request.method(), url, role, loggedIn);
        await route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
      });
    }

    await visit(page, 'login', '/login');
    if (!page.url().includes('/login')) await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.getByTestId('user-menu').waitFor();
    const has = async (testId: string) => (await page.getByTestId(testId).count()) > 0;
    if (await has('nav-cases')) {
      await visit(page, 'cases', '/cases');
      const firstCase = mock ? '/cases/c-1' : await page.getByTestId('case-link').first().getAttribute('href', { timeout: 5000 }).catch(() => null);
      if (await has('new-case-button')) await visit(page, 'new-case', '/cases/new');
      if (firstCase) await visit(page, 'case', firstCase);
      const firstEntity = mock ? '/entities/e-2' : await page.getByTestId('entity-link').first().getAttribute('href', { timeout: 5000 }).catch(() => null);
      if (firstEntity) await visit(page, 'entity', firstEntity);
    }
    if (await has('nav-search')) await visit(page, 'search', `/search?q=${encodeURIComponent(option('q', 'garcia'))}`);
    if (await has('nav-admin')) await visit(page, 'admin', '/admin');
    if (await has('nav-audit'))
      await visit(page, 'audit', '/audit', async (p) => {
        await p.getByTestId('verify-chain').click();
        await p.getByTestId('verify-result').waitFor();
      });
    await visit(page, 'account', '/account');
    await context.close();
  }

  await browser.close();
  served?.server.close();
  console.log(`screenshots in ${out}`);
  if (problems.length) {
    console.log(`${problems.length} problem(s):`);
    for (const p of problems) console.log(`  - ${p}`);
    process.exitCode = 1;
  } else console.log('no serious or critical accessibility violation, no console error, no sideways scrolling');
};

await main();
