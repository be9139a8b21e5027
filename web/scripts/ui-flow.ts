/**
 * Drives the main write paths of the web app against a running node and reports what it saw:
 * open a case, add a victim and a recruiter, link a phone, screen indicators, assess Palermo,
 * change status, and provoke a version conflict from a second tab.
 *
 *   npx tsx web/scripts/ui-flow.ts --base http://127.0.0.1:8081 --email investigator@mx.demo
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const base = option('base', 'http://127.0.0.1:8081');
const out = path.resolve(option('out', '.tmp/ui-flow'));
const email = option('email', 'investigator@mx.demo');
const password = option('password', 'alianza-demo');

const step = (text: string) => console.log(`- ${text}`);

const login = async (page: Page) => {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
};

/** Administrators: create a user (the initial password is shown once), disable and enable them, add an agency. */
const adminFlow = async (page: Page) => {
  await page.goto(`${base}/admin`);
  const stamp = Date.now().toString(36);
  await page.getByTestId('admin-user-email').fill(`new.${stamp}@mx.demo`);
  await page.getByTestId('admin-user-name').fill('Usuario de prueba');
  await page.getByTestId('admin-user-role').selectOption('analyst');
  await page.getByTestId('admin-user-create').click();
  await page.getByTestId('initial-password').waitFor();
  step(`user created; initial password shown (${(await page.getByTestId('initial-password').textContent())?.length} characters)`);
  const row = page.locator(`[data-testid="user-row"][data-email="new.${stamp}@mx.demo"]`);
  await row.waitFor();
  await row.getByTestId('user-toggle-disabled').click();
  await row.getByText(/Desactivado|Disabled|Désactivé/).waitFor();
  step('user disabled');
  await row.getByTestId('user-toggle-disabled').click();
  await row.getByText(/Activo|Active|Actif/).waitFor();
  step('user enabled again');
  await page.getByTestId('agency-code').fill(`T${stamp.slice(-4).toUpperCase()}`);
  await page.getByTestId('agency-name').fill('Agencia de prueba');
  await page.getByTestId('agency-create').click();
  await page.getByTestId('agency-row').filter({ hasText: `T${stamp.slice(-4).toUpperCase()}` }).waitFor();
  step(`agencies: ${await page.getByTestId('agency-row').count()}`);
};

/** Auditors: filter the log by user and action, page through it, verify the chain. */
const auditorFlow = async (page: Page) => {
  await page.goto(`${base}/audit`);
  await page.getByTestId('audit-count').waitFor();
  step(`audit log: ${await page.getByTestId('audit-count').textContent()}`);
  await page.getByTestId('audit-filter-actor').fill(option('actor', 'investigator@mx.demo'));
  await page.getByTestId('audit-filter-action').fill('case.*');
  await page.getByTestId('audit-filter-apply').click();
  await page.waitForURL(/actor=/);
  await page.getByTestId('audit-count').waitFor();
  step(`filtered (${new URL(page.url()).search}): ${await page.getByTestId('audit-count').textContent()}, rows ${await page.getByTestId('audit-row').count()}`);
  await page.getByTestId('verify-chain').click();
  await page.getByTestId('verify-result').waitFor();
  step(`verify: ${await page.getByTestId('verify-result').innerText()}`.replace(/\n/g, ' | '));
};

const main = async () => {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });

  await login(page);
  step(`logged in as ${email}, landed on ${new URL(page.url()).pathname}`);
  const part = option('part', 'case');
  if (part !== 'case') {
    await (part === 'admin' ? adminFlow(page) : auditorFlow(page));
    await browser.close();
    console.log(errors.length ? `page errors:\n  ${errors.join('\n  ')}` : 'flow completed without page errors');
    return;
  }

  await page.getByTestId('lang-select').selectOption('fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  step(`language switched to French: <html lang="${await page.evaluate(() => document.documentElement.lang)}">`);

  await page.getByTestId('new-case-button').click();
  await page.getByTestId('case-title').fill('Essai : recrutement frauduleux vers des serres');
  await page.getByTestId('case-type').selectOption('labour_trafficking');
  await page.getByTestId('case-tlp').selectOption('AMBER');
  await page.getByTestId('case-save').click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  const reference = await page.getByTestId('case-reference').textContent();
  step(`case opened: ${reference}`);

  await page.getByTestId('add-subject-role').selectOption('victim');
  await page.getByTestId('add-subject-schema').selectOption('Person');
  await page.getByTestId('subject-field-givenName').fill('Rosa María');
  await page.getByTestId('subject-field-surname').fill('Quispe');
  await page.getByTestId('subject-field-birthDate').fill('1999-04');
  await page.getByTestId('subject-field-nationality').selectOption('GT');
  await page.getByTestId('add-subject-submit').click();
  await page.getByTestId('subject-row').first().waitFor();
  step(`victim added; shown as: ${await page.getByTestId('subject-row').first().innerText()}`.replace(/\n/g, ' | '));

  await page.getByTestId('add-subject-role').selectOption('recruiter');
  await page.getByTestId('add-subject-schema').selectOption('Person');
  await page.getByTestId('subject-field-name').fill('Héctor Salinas Mora');
  await page.getByTestId('add-subject-submit').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="subject-row"]').length >= 2);
  step(`recruiter added; ${await page.getByTestId('subject-row').count()} subjects`);

  await page.getByTestId('link-entity-schema').selectOption('Phone');
  await page.getByTestId('entity-field-number').fill('+52 222 555 0199');
  await page.getByTestId('link-entity-submit').click();
  await page.getByTestId('linked-row').first().waitFor();
  step(`phone linked: ${await page.getByTestId('linked-row').first().innerText()}`.replace(/\n/g, ' | '));

  await page.getByTestId('indicator-retention_of_identity_documents-present').check();
  await page.getByTestId('indicator-retention_of_identity_documents-evidence').fill('Passeport gardé par le contremaître.');
  await page.getByTestId('indicator-debt_bondage-present').check();
  await page.getByTestId('indicators-save').click();
  await page.getByTestId('indicator-debt_bondage-evidence-error').waitFor();
  step(`present without evidence refused: ${await page.getByTestId('indicator-debt_bondage-evidence-error').textContent()}`);
  await page.getByTestId('indicator-debt_bondage-evidence').fill('Dette de 45 000 pesos pour le recrutement.');
  await page.getByTestId('indicators-save').click();
  await page.getByText(/Indicateurs enregistrés/).waitFor();
  step(`indicators saved: ${await page.getByTestId('indicators-count').textContent()}`);

  await page.getByTestId('palermo-act-recruitment').check();
  await page.getByTestId('palermo-purpose-forced_labour_or_services').check();
  step(`palermo without means: ${await page.getByTestId('palermo-result').innerText()}`.replace(/\n/g, ' | '));
  await page.getByTestId('palermo-child').check();
  step(`palermo, victim a child: ${await page.getByTestId('palermo-result').innerText()}`.replace(/\n/g, ' | '));
  await page.getByTestId('palermo-save').click();
  await page.getByText(/Évaluation enregistrée/).waitFor();
  step('palermo saved');

  const next = page.locator('[data-testid^="status-to-"]').first();
  const target = await next.getAttribute('data-testid');
  await next.click();
  await page.waitForTimeout(800);
  step(`status moved (${target}); now: ${await page.getByTestId('case-status').first().textContent()}`);
  await shot('case-after-edits');

  // a second tab edits the same case; the first, now stale, tries to save
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByTestId('indicator-isolation-present').check();
  await other.getByTestId('indicator-isolation-evidence').fill('Logement sans téléphone.');
  await other.getByTestId('indicators-save').click();
  await other
    .getByTestId('indicators-count')
    .filter({ hasText: '3' })
    .waitFor({ timeout: 10_000 })
    .catch(async (e: unknown) => {
      await other.screenshot({ path: path.join(out, 'other-tab.png'), fullPage: true });
      throw e;
    });
  await page.getByTestId('indicator-excessive_overtime-present').check();
  await page.getByTestId('indicator-excessive_overtime-evidence').fill('Journées de 14 heures.');
  await page.getByTestId('indicators-save').click();
  await page.getByTestId('version-conflict').waitFor();
  step(`conflict shown: ${await page.getByTestId('version-conflict').innerText()}`.replace(/\n/g, ' | '));
  await shot('conflict');
  await page.getByTestId('indicators-save').click();
  await page.getByTestId('indicators-count').filter({ hasText: '4' }).waitFor();
  step(`saved again after the reload: ${await page.getByTestId('indicators-count').textContent()}`);

  await page.goto(`${base}/search?q=${encodeURIComponent('Salinas')}`);
  await page.getByTestId('search-count').waitFor();
  step(`search "Salinas": ${await page.getByTestId('search-count').textContent()}`);
  await page.getByTestId('lang-select').selectOption(option('end-locale', 'es'));
  await page.waitForTimeout(500);

  await browser.close();
  if (errors.length) {
    console.log(`page errors:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('flow completed without page errors');
};

await main();
