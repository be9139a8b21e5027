/**
 * Possible duplicates in a real browser (Debian's Chromium): analyst@mx.demo starts a search
 * for duplicates, reads a pair field by field, sees a victim pair only as restricted,
 * confirms the recruiter's two records (they merge) and undoes it; the page in English,
 * French and Spanish, with axe-core on each. Screenshots: test-results/screenshots/review-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, expectAccessible, launch, shot, signInPage, switchLanguage } from '../helpers/browser';
import { as, demoNode, DEMO_PASSWORD, signIn as apiSignIn, type TestNode } from '../helpers/demo-node';

const why = browserUnavailable();
if (why) console.warn(why);

const JOSE = 'José Luis Hernández Ruiz';
const PEPE = 'Pepe Hernandez Ruiz';
const AMBER = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true };
let node: TestNode;
let browser: Browser;
const ids: Record<string, string> = {};
const cases: Record<string, string> = {};

const signIn = (email: string): Promise<Page> => signInPage(browser, node.url!, email, DEMO_PASSWORD);
const switchTo = switchLanguage;
const axe = expectAccessible;

/** The investigator records the people through the API, as earlier work would have. */
async function plant() {
  const inv = await apiSignIn(node.app, 'investigator@mx.demo');
  const inv2 = await apiSignIn(node.app, 'investigator2@mx.demo');
  const add = async (key: string, who: typeof inv, role: string, properties: Record<string, string[]>) => {
    let res = await node.app.inject({ method: 'POST', url: '/api/cases', headers: as(who), payload: { title: `Reclutamiento ${key}`, type: 'labour_trafficking', handling: AMBER } });
    cases[key] = res.json().id;
    res = await node.app.inject({ method: 'POST', url: `/api/cases/${cases[key]}/subjects`, headers: as(who), payload: { role, entity: { schema: 'Person', properties } } });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().subjects.find((x: { role: string }) => x.role === role).entity.id;
  };
  await add('jose', inv, 'recruiter', { name: [JOSE], givenName: ['José Luis'], surname: ['Hernández'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'], gender: ['male'], nationality: ['MX'] });
  await add('pepe', inv, 'suspect', { name: [PEPE], givenName: ['Pepe'], surname: ['Hernandez'], secondSurname: ['Ruiz'], birthDate: ['1985-03-14'], gender: ['male'], phone: ['55 1234 5678'] });
  await add('jl', inv, 'suspect', { name: ['J. L. Hernández'], givenName: ['J. L.'], surname: ['Hernández'], birthDate: ['1985'] });
  await add('rosa', inv, 'victim', { name: ['Rosa Ibáñez Peña'], givenName: ['Rosa'], surname: ['Ibáñez'], secondSurname: ['Peña'], birthDate: ['1990-05-02'], gender: ['female'] });
  await add('rosa2', inv2, 'victim', { name: ['Rosa Ibanez'], givenName: ['Rosa'], surname: ['Ibanez'], birthDate: ['1990-05-02'], gender: ['female'] });
}

describe.skipIf(!!why)('reviewing possible duplicates in the browser', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    node = await demoNode('MX', { listen: true, fresh: true, scale: 0.2 });
    await plant();
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await node?.close();
  });

  it('analyst@mx.demo runs the search, reads a pair field by field and confirms it', async () => {
    const page = await signIn('analyst@mx.demo');
    await switchTo(page, 'en');
    await page.getByTestId('nav-review').click();
    await page.getByTestId('review-page').waitFor();
    await page.getByTestId('review-run').click();
    await expect.poll(() => page.getByTestId('review-run-status').getAttribute('data-run-status'), { timeout: 60_000 }).toBe('done');
    const pair = page.getByTestId('review-pair').filter({ hasText: PEPE }).filter({ hasText: JOSE });
    await expect.poll(() => pair.count()).toBe(1);
    await expect.poll(() => pair.getAttribute('data-decision')).toBe('match');
    const row = (field: string) => pair.locator(`[data-testid="review-explanation-row"][data-field="${field}"]`);
    expect(await row('given_name').getAttribute('data-level')).toBe('alias');
    expect(await row('date_of_birth').getAttribute('data-level')).toBe('exact');
    expect(await row('given_name').textContent()).toMatch(/Nickname of the same name/);
    expect(await pair.getByTestId('review-probability').textContent()).toMatch(/\d+(\.\d+)?\s?%/);

    // the victim recorded by two agencies: listed, never named, not decidable by an analyst
    const restricted = page.getByTestId('review-pair').filter({ has: page.getByTestId('review-restricted') });
    await expect.poll(() => restricted.count()).toBeGreaterThan(0);
    expect(await restricted.first().getByTestId('review-confirm').count()).toBe(0);
    expect(await page.content()).not.toMatch(/Rosa|Ibáñez|Ibanez/);

    await pair.scrollIntoViewIfNeeded();
    await shot(page, 'review-01-queue-en');
    await axe(page, 'review page (en)');
    for (const locale of ['fr', 'es'] as const) {
      await switchTo(page, locale);
      await expect.poll(() => page.locator('h1').textContent()).toBe(locale === 'fr' ? 'Doublons possibles' : 'Posibles duplicados');
      await expect.poll(() => row('given_name').textContent()).toMatch(locale === 'fr' ? /Diminutif/ : /Hipocorístico/);
      await pair.scrollIntoViewIfNeeded();
      await shot(page, `review-02-queue-${locale}`);
      await axe(page, `review page (${locale})`);
    }

    await switchTo(page, 'en');
    const pairId = (await pair.getAttribute('data-pair-id'))!;
    await pair.getByTestId('review-note').fill('Same birth date; Pepe is a nickname of José.');
    await pair.getByTestId('review-confirm').click();
    await expect.poll(() => page.getByTestId('review-result').textContent()).toMatch(/Merged/);
    await expect.poll(() => page.locator(`[data-testid="review-pair"][data-pair-id="${pairId}"]`).count()).toBe(0);
    await shot(page, 'review-03-confirmed-en');

    // what the store holds now
    expect((await node.store.entities.get(ids.pepe!))!.properties).toEqual({});
    expect((await node.store.entities.get(ids.jose!))!.properties.name).toEqual([JOSE, PEPE]);
    expect((await node.store.cases.listSubjects(cases.pepe!)).map((s) => s.entityId)).toEqual([ids.jose]);
    const confirmed = await node.store.audit.list({ action: 'resolution.pair.confirm' });
    expect(confirmed.items).toHaveLength(1);

    // the decided list keeps the pair as it was, with an undo
    await page.getByTestId('review-filter-status').selectOption('confirmed');
    const done = page.locator(`[data-testid="review-pair"][data-pair-id="${pairId}"]`);
    await expect.poll(() => done.count()).toBe(1);
    expect(await done.getByTestId('review-note-text').textContent()).toContain('Pepe is a nickname');
    await shot(page, 'review-04-confirmed-list-en');
    await axe(page, 'confirmed pairs (en)');
    await done.getByTestId('review-undo').click();
    await expect.poll(() => page.getByTestId('review-result').textContent()).toMatch(/Merge undone/);
    expect((await node.store.entities.get(ids.pepe!))!.properties.name).toEqual([PEPE]);
    expect((await node.store.cases.listSubjects(cases.pepe!)).map((s) => s.entityId)).toEqual([ids.pepe]);
    await page.context().close();
  });
});
