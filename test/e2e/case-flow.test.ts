/**
 * The foundation's story in a real browser (Debian's Chromium): an investigator opens a case
 * in Spanish with an accented victim, a suspect's phone and three ILO indicators; a search
 * for `nunez` finds `Núñez`; an analyst sees the victim pseudonymised; an auditor sees the
 * investigator's reads and writes. The same pages are checked in French and English, with
 * axe-core on each. Screenshots: test-results/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, expectAccessible, launch, shot, signInPage, switchLanguage } from '../helpers/browser';
import { demoNode, DEMO_PASSWORD, type TestNode } from '../helpers/demo-node';

const why = browserUnavailable();
if (why) console.warn(why);

const VICTIM = 'María Fernanda Núñez Peña';
let node: TestNode;
let browser: Browser;
let caseUrl = '';
let caseId = '';

async function signIn(email: string, locale?: 'en' | 'fr' | 'es'): Promise<Page> {
  const page = await signInPage(browser, node.url!, email, DEMO_PASSWORD);
  if (locale) await switchTo(page, locale);
  return page;
}

const switchTo = switchLanguage;
const axe = expectAccessible;

describe.skipIf(!!why)('case flow in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    node = await demoNode('MX', { listen: true, fresh: true, scale: 0.2 });
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await node?.close();
  });

  it('investigator@mx.demo opens a case in Spanish with a victim, a suspect phone and three indicators', async () => {
    const page = await signIn('investigator@mx.demo');
    await switchTo(page, 'en');
    await switchTo(page, 'es');
    await page.getByTestId('new-case-button').click();
    await page.getByTestId('case-title').fill('Reclutamiento fraudulento — jornaleros en Ontario');
    await page.getByTestId('case-type').selectOption('labour_trafficking');
    await page.getByTestId('case-tlp').selectOption('AMBER');
    await shot(page, '01-new-case-es');
    await page.getByTestId('case-save').click();
    await page.getByTestId('case-page').waitFor();
    caseUrl = page.url();
    caseId = caseUrl.split('/').pop()!;

    await page.getByTestId('add-subject-role').selectOption('victim');
    await page.getByTestId('add-subject-schema').selectOption('Person');
    await page.getByTestId('subject-field-name').fill(VICTIM);
    await page.getByTestId('add-subject-submit').click();
    await expect.poll(() => page.getByTestId('subject-row').filter({ hasText: VICTIM }).count()).toBe(1);

    await page.getByTestId('add-subject-role').selectOption('suspect');
    await page.getByTestId('add-subject-schema').selectOption('Phone');
    await page.getByTestId('subject-field-number').fill('55 1234 5678');
    await page.getByTestId('add-subject-submit').click();
    await expect.poll(() => page.getByTestId('subject-row').filter({ hasText: '+525512345678' }).count()).toBe(1);

    const notes: Record<string, string> = {
      retention_of_identity_documents: 'El reclutador guarda los pasaportes «por seguridad».',
      debt_bondage: 'Deuda de 45 000 MXN por «cuota de colocación».',
      deception: 'Se prometió un salario de 18 CAD/h; se pagan 9.',
    };
    for (const [code, note] of Object.entries(notes)) {
      await page.getByTestId(`indicator-${code}-present`).check();
      await page.getByTestId(`indicator-${code}-evidence`).fill(note);
    }
    await page.getByTestId('indicators-save').click();
    await expect.poll(() => page.getByTestId('indicators-count').textContent()).toMatch(/3/);
    await shot(page, '02-case-es');
    await axe(page, 'case page (es)');

    // what is stored, as the store sees it
    const subjects = await node.store.cases.listSubjects(caseId);
    const entities = await node.store.entities.getMany(subjects.map((s) => s.entityId));
    const phone = entities.find((e) => e.schema === 'Phone')!;
    expect(phone.properties.number).toEqual(['+525512345678']);
    expect(entities.find((e) => e.schema === 'Person')!.properties.name).toEqual([VICTIM]);
    const kase = (await node.store.cases.get(caseId))!;
    expect(kase.indicators.filter((i) => i.present).map((i) => i.indicator).sort()).toEqual(Object.keys(notes).sort());
    expect(kase.indicators.find((i) => i.indicator === 'debt_bondage')!.evidence).toBe(notes.debt_bondage);

    // a search without accents finds the accented name
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('nunez');
    await page.getByTestId('search-submit').click();
    await expect.poll(() => page.getByTestId('search-result').filter({ hasText: 'Núñez' }).count()).toBeGreaterThan(0);
    await shot(page, '03-search-nunez-es');
    await axe(page, 'search (es)');

    for (const locale of ['fr', 'en'] as const) {
      await switchTo(page, locale);
      await page.goto(caseUrl);
      await page.getByTestId('case-page').waitFor();
      await expect.poll(() => page.getByTestId('subject-row').filter({ hasText: VICTIM }).count()).toBe(1);
      await shot(page, `04-case-${locale}`);
      await axe(page, `case page (${locale})`);
    }
    await page.context().close();
  });

  it('analyst@mx.demo sees the case with the victim pseudonymised', async () => {
    const page = await signIn('analyst@mx.demo');
    for (const locale of ['es', 'fr', 'en'] as const) {
      await switchTo(page, locale);
      await page.goto(caseUrl);
      await page.getByTestId('case-page').waitFor();
      const victimRow = page.locator('[data-testid="subject-row"][data-role="victim"]');
      await victimRow.waitFor();
      await expect.poll(() => victimRow.getByTestId('pseudonymised').count()).toBe(1);
      expect(await page.content()).not.toContain('Núñez');
      await expect.poll(() => victimRow.textContent()).toMatch(/(Víctima|Victime|Victim)-[0-9A-Z]{4}-[0-9A-Z]{4}/);
      await shot(page, `05-analyst-case-${locale}`);
      await axe(page, `analyst case page (${locale})`);
    }
    await page.context().close();
  });

  it('auditor@mx.demo sees the investigator’s reads and writes', async () => {
    const page = await signIn('auditor@mx.demo');
    for (const locale of ['es', 'fr', 'en'] as const) {
      await switchTo(page, locale);
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-filter-actor').fill('investigator@mx.demo');
      await page.getByTestId('audit-filter-apply').click();
      await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(3);
      const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      expect(actions).toEqual(expect.arrayContaining(['case.create', 'case.subject.add', 'case.update', 'case.read', 'victim.identity.read', 'search']));
      await shot(page, `06-audit-${locale}`);
      await axe(page, `audit page (${locale})`);
    }
    await page.getByTestId('verify-chain').click();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
    await page.context().close();
  });

  it('an injected script in a case title shows as text', async () => {
    const page = await signIn('investigator@mx.demo', 'en');
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await page.goto(caseUrl);
    await page.getByTestId('case-page').waitFor();
    const version = (await node.store.cases.get(caseId))!.version;
    const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).csrfToken as string);
    const status = await page.evaluate(
      async ({ id, v, title, token }) => (await fetch(`/api/cases/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ version: v, title }) })).status,
      { id: caseId, v: version, title: evil, token: csrf },
    );
    expect(status).toBe(200);
    await page.reload();
    await page.getByTestId('case-heading').waitFor();
    await expect.poll(() => page.getByTestId('case-heading').textContent()).toContain('<script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot(page, '07-injected-title-as-text');
    await page.context().close();
  });

  it('is usable on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'es-MX' });
    const page = await context.newPage();
    await page.goto(node.url!);
    await page.getByTestId('login-email').fill('investigator@mx.demo');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('case-row').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, '08-phone-case-list');
    await axe(page, 'case list on a phone');
    await context.close();
  });
});
