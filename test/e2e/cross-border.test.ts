/**
 * Cross-border matching in a real browser (Debian's Chromium), on two demo nodes seeded
 * with the synthetic scenario and sharing the demo linkage secret: Canada's liaison officer
 * runs the cross-border check; the recruiter Mexico knows as "José Luis Hernández Ruiz" and
 * Canada as "Jose Hernandez" is a hit on both sides, with the same score and a different
 * opaque reference on each. Canada asks Mexico for his name, birth date and phone; Mexico's
 * liaison officer approves the name and the birth date only, and Canada sees exactly those.
 * Canada then asks for the phone as well; Mexico refuses, and that request discloses nothing and discloses nothing. The
 * auditors of both nodes see every step. axe-core on every page, and the pages at 375 px.
 * Screenshots: test-results/screenshots/cross-border-*.png.
 */
import { rmSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLinkageSecret } from '../../src/cli/demo-command';
import type { CrossBorderHitView, DisclosureView, ListResult } from '../../src/server/api-types';
import { setNodeLinkageSecret } from '../../src/server/linkage-secret';
import { closeNodes, httpNodes, type HttpNode } from '../federation/http-nodes';
import { browserUnavailable, expectAccessible, launch, shot, signInPage, snapshotWebDist, switchLanguage } from '../helpers/browser';
import { as, DEMO_PASSWORD, type Session } from '../helpers/demo-node';

const why = browserUnavailable();
if (why) console.warn(why);

const SEED = 2026; // the seed the test nodes are prepared with (test/helpers/demo-node.ts)
const RECRUITER_MX = 'José Luis Hernández Ruiz';
const RECRUITER_CA = 'Jose Hernandez';

let mx: HttpNode;
let ca: HttpNode;
let nodes: Record<string, HttpNode>;
let browser: Browser;
let webDist = '';
let caLiaison: Page;
let mxLiaison: Page;
let approvedId = '';
let refusedId = '';
let hitScore = '';

const signIn = (node: HttpNode, email: string, width = 1280): Promise<Page> => signInPage(browser, node.url, email, DEMO_PASSWORD, width);

const sessions = new Map<string, Session>();
async function api<T>(node: HttpNode, role: string, url: string): Promise<T> {
  const key = `${node.url} ${role}`;
  if (!sessions.has(key)) sessions.set(key, await node.signIn(role));
  const res = await node.app.inject({ method: 'GET', url, headers: as(sessions.get(key)!) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

/** No serious accessibility violation, and nothing scrolls sideways. */
async function axe(page: Page, name: string) {
  await expectAccessible(page, name);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name}: sideways scroll`).toBeLessThanOrEqual(1);
}

/** The hit row of a Person whose caption (as this viewer sees it) is `caption`. */
const personHit = (page: Page, caption: string): Locator =>
  page.locator('[data-testid="matches-hit-row"][data-kind="Person"]').filter({ has: page.getByTestId('hit-entity-link').filter({ hasText: new RegExp(`^\\s*${caption}\\s*$`) }) });

/** Reloads the page until `locator` is there. */
async function reloadUntil(page: Page, locator: Locator, timeout = 30_000) {
  await expect
    .poll(
      async () => {
        if ((await locator.count()) > 0) return true;
        await page.reload();
        await page.waitForLoadState('networkidle').catch(() => undefined);
        return (await locator.count()) > 0;
      },
      { timeout, interval: 500 },
    )
    .toBe(true);
}

describe.skipIf(!!why)('cross-border matching and gradual disclosure in the browser', { timeout: 200_000 }, () => {
  beforeAll(async () => {
    webDist = snapshotWebDist();
    process.env.ALIANZA_WEB_DIST = webDist;
    nodes = await httpNodes(['MX', 'CA']);
    ({ mx, ca } = nodes as Record<'mx' | 'ca', HttpNode>);
    // what `npm start` does for the three demo nodes: the same demo linkage secret on each
    await setNodeLinkageSecret(mx.ctx, mx.dir, demoLinkageSecret(SEED));
    await setNodeLinkageSecret(ca.ctx, ca.dir, demoLinkageSecret(SEED));
    browser = await launch();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    if (nodes) await closeNodes(nodes);
    if (webDist) rmSync(webDist, { recursive: true, force: true });
  });

  it('Canada runs the check; the recruiter is a hit on both sides with the same score and only opaque references', async () => {
    caLiaison = await signIn(ca, 'liaison@ca.demo');
    expect(await caLiaison.evaluate(() => document.documentElement.lang)).toMatch(/^fr/);
    await caLiaison.goto(`${ca.url}/exchange/matches`);
    await caLiaison.getByTestId('matches-page').waitFor();
    // both nodes show the same fingerprint of the shared secret, never the secret
    const caFingerprint = await caLiaison.getByTestId('secret-fingerprint').getAttribute('data-fingerprint');
    expect(caFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(await caLiaison.content()).not.toContain(Buffer.from(demoLinkageSecret(SEED)).toString('base64'));

    await caLiaison.getByTestId('matches-run-check').click();
    await reloadUntil(caLiaison, caLiaison.locator('[data-testid="check-row"][data-direction="sent"][data-peer="mx"][data-status="answered"]'));
    const caHit = personHit(caLiaison, RECRUITER_CA);
    await reloadUntil(caLiaison, caHit);
    hitScore = (await caHit.getAttribute('data-score'))!;
    expect(Number(hitScore)).toBeGreaterThanOrEqual(0.6);
    expect(await caHit.getAttribute('data-peer')).toBe('mx');
    const caRemoteRef = (await caHit.getByTestId('hit-remote-ref').textContent())!.trim();
    expect(caRemoteRef).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Canada's page names nobody Mexico holds: only the score and the reference
    expect(await caLiaison.content()).not.toContain('Hernández Ruiz');
    await caHit.scrollIntoViewIfNeeded();
    await shot(caLiaison, 'cross-border-01-ca-hits-fr');
    await axe(caLiaison, 'matches (ca, fr)');

    // Mexico answered the check: the same hit, the same score, its own entity by name, Canada's reference
    mxLiaison = await signIn(mx, 'liaison@mx.demo');
    await mxLiaison.goto(`${mx.url}/exchange/matches`);
    expect(await mxLiaison.getByTestId('secret-fingerprint').getAttribute('data-fingerprint')).toBe(caFingerprint);
    await mxLiaison.locator('[data-testid="check-row"][data-direction="received"][data-peer="ca"][data-status="answered"]').waitFor();
    const mxHit = personHit(mxLiaison, RECRUITER_MX);
    await mxHit.waitFor();
    expect(await mxHit.getAttribute('data-score')).toBe(hitScore);
    expect(await mxHit.getAttribute('data-peer')).toBe('ca');
    const mxRemoteRef = (await mxHit.getByTestId('hit-remote-ref').textContent())!.trim();
    expect(mxRemoteRef).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(mxRemoteRef).not.toBe(caRemoteRef);
    expect(await mxLiaison.content()).not.toContain(RECRUITER_CA);
    await mxHit.scrollIntoViewIfNeeded();
    await shot(mxLiaison, 'cross-border-02-mx-hits-es');
    await axe(mxLiaison, 'matches (mx, es)');

    // the stored hits agree: same score on both sides, each side's reference is the other's remote one
    const caHits = await api<ListResult<CrossBorderHitView>>(ca, 'liaison', '/api/cross-border/hits?kind=Person&limit=200');
    const mxHits = await api<ListResult<CrossBorderHitView>>(mx, 'liaison', '/api/cross-border/hits?kind=Person&limit=200');
    const caView = caHits.items.find((h) => h.local.caption === RECRUITER_CA)!;
    const mxView = mxHits.items.find((h) => h.local.caption === RECRUITER_MX && h.peerNode === 'ca')!;
    expect(caView.remoteRef).toBe(caRemoteRef);
    expect(mxView.remoteRef).toBe(mxRemoteRef);
    expect(caView.score).toBe(mxView.score);
  });

  it('Canada asks for name, birth date and phone; Mexico approves name and birth date; Canada sees only those', async () => {
    const caHit = personHit(caLiaison, RECRUITER_CA);
    await caHit.getByTestId('disclosure-request-open').click();
    const form = caLiaison.getByTestId('disclosure-form');
    await form.waitFor();
    await caLiaison.getByTestId('disclosure-level-fields').check();
    for (const f of ['name', 'birthDate', 'phone']) await caLiaison.getByTestId(`disclosure-field-${f}`).check();
    await caLiaison.getByTestId('disclosure-basis-kind').selectOption('mlat');
    await caLiaison.getByTestId('disclosure-basis-reference').fill('Traité d’entraide juridique en matière pénale Canada–Mexique, art. 2');
    await caLiaison.getByTestId('disclosure-purpose').fill('Identifier le recruteur signalé lors d’une inspection du travail à Leamington.');
    await caLiaison.getByTestId('disclosure-case-reference').fill('CA-2026-000117');
    await shot(caLiaison, 'cross-border-03-ca-request-fr');
    await axe(caLiaison, 'request form (ca, fr)');
    await caLiaison.getByTestId('disclosure-submit').click();
    const requested = caLiaison.getByTestId('disclosure-requested');
    await requested.waitFor();
    approvedId = (await requested.getAttribute('data-disclosure-id'))!;
    expect(approvedId).toBeTruthy();

    // Mexico's liaison officer: the incoming request, with its legal basis; approves fewer fields
    await mxLiaison.goto(`${mx.url}/exchange/disclosures?direction=incoming`);
    const incoming = mxLiaison.locator(`[data-testid="disclosure-row"][data-disclosure-id="${approvedId}"]`);
    await reloadUntil(mxLiaison, incoming);
    expect(await incoming.getAttribute('data-status')).toBe('pending');
    await shot(mxLiaison, 'cross-border-04-mx-incoming-es');
    await axe(mxLiaison, 'incoming (mx, es)');
    await incoming.getByTestId('disclosure-link').click();
    await mxLiaison.getByTestId('disclosure-detail').waitFor();
    expect(await mxLiaison.getByTestId('disclosure-request').textContent()).toContain('Canada–Mexique, art. 2');
    await mxLiaison.getByTestId('disclosure-approve').click();
    await mxLiaison.getByTestId('decision-form').waitFor();
    await mxLiaison.getByTestId('decision-level-fields').check();
    await mxLiaison.getByTestId('decision-field-name').check();
    await mxLiaison.getByTestId('decision-field-birthDate').check();
    const phone = mxLiaison.getByTestId('decision-field-phone');
    if (await phone.isChecked()) await phone.uncheck();
    await mxLiaison.getByTestId('decision-basis-kind').selectOption('mlat');
    await mxLiaison.getByTestId('decision-basis-reference').fill('Tratado de Asistencia Jurídica Mutua en Materia Penal México–Canadá, art. 2');
    await mxLiaison.getByTestId('decision-reason').fill('Finalidad cubierta por el tratado; el teléfono no es necesario para identificarlo.');
    await shot(mxLiaison, 'cross-border-05-mx-decide-es');
    await axe(mxLiaison, 'decide (mx, es)');
    await mxLiaison.getByTestId('decision-submit').click();
    await mxLiaison.getByTestId('decision-recorded').waitFor();

    // Canada: approved at level fields, exactly name and birth date, the phone withheld
    await caLiaison.goto(`${ca.url}/exchange/disclosures/${approvedId}`);
    const detail = caLiaison.getByTestId('disclosure-detail');
    await expect
      .poll(async () => {
        await caLiaison.reload();
        await detail.waitFor();
        return detail.getAttribute('data-status');
      }, { timeout: 30_000, interval: 500 })
      .toBe('approved');
    const disclosed = await caLiaison.getByTestId('disclosed-field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')).sort());
    expect(disclosed).toEqual(['birthDate', 'name']);
    expect(await caLiaison.getByTestId('disclosed-fields').textContent()).toContain(RECRUITER_MX);
    expect(await caLiaison.getByTestId('withheld-fields').textContent()).toMatch(/[Tt]éléphone/);
    expect(await caLiaison.getByTestId('contact-agency').textContent()).toBeTruthy();
    const steps = await caLiaison.getByTestId('disclosure-step').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-level')}:${e.getAttribute('data-state')}`));
    expect(steps).toEqual(['existence:reached', 'contact:reached', 'fields:reached']);
    await shot(caLiaison, 'cross-border-06-ca-disclosed-fr');
    await axe(caLiaison, 'disclosed (ca, fr)');
    // the same in English, and on a phone
    await switchLanguage(caLiaison, 'en');
    await expect.poll(() => caLiaison.getByTestId('withheld-fields').textContent()).toMatch(/Phone/i);
    await shot(caLiaison, 'cross-border-07-ca-disclosed-en');
    await axe(caLiaison, 'disclosed (ca, en)');
    const small = await signIn(ca, 'liaison@ca.demo', 375);
    await small.goto(`${ca.url}/exchange/disclosures/${approvedId}`);
    await small.getByTestId('disclosed-field').first().waitFor();
    await shot(small, 'cross-border-08-ca-disclosed-375');
    await axe(small, 'disclosed (ca, 375 px)');
    await small.goto(`${ca.url}/exchange/matches`);
    await small.getByTestId('matches-hit-row').first().waitFor();
    await shot(small, 'cross-border-09-ca-matches-375');
    await axe(small, 'matches (ca, 375 px)');
    await small.context().close();

    // what Canada's node holds: the approved properties and nothing else
    const view = await api<DisclosureView>(ca, 'liaison', `/api/cross-border/disclosures/${approvedId}`);
    expect(view.decision?.level).toBe('fields');
    expect(Object.keys(view.decision?.disclosed?.properties ?? {}).sort()).toEqual(['birthDate', 'name']);
    expect(view.decision?.disclosed?.properties.name).toEqual([RECRUITER_MX]);
  });

  it('a refused request discloses nothing', async () => {
    await switchLanguage(caLiaison, 'fr');
    // Canada asks again, now for the phone number Mexico withheld
    await caLiaison.goto(`${ca.url}/exchange/matches?kind=Person`);
    const caHit = personHit(caLiaison, RECRUITER_CA);
    await caHit.waitFor();
    expect(await caHit.getByTestId('hit-disclosure').getAttribute('data-status')).toBe('approved');
    await caHit.getByTestId('disclosure-request-open').click();
    await caLiaison.getByTestId('disclosure-level-fields').check();
    await caLiaison.getByTestId('disclosure-field-phone').check();
    await caLiaison.getByTestId('disclosure-basis-kind').selectOption('domestic_law');
    await caLiaison.getByTestId('disclosure-basis-reference').fill('Loi sur l’immigration et la protection des réfugiés, art. 118');
    await caLiaison.getByTestId('disclosure-purpose').fill('Joindre le recruteur au sujet des frais exigés des travailleurs saisonniers.');
    await caLiaison.getByTestId('disclosure-submit').click();
    const requested = caLiaison.getByTestId('disclosure-requested');
    await requested.waitFor();
    refusedId = (await requested.getAttribute('data-disclosure-id'))!;

    await mxLiaison.goto(`${mx.url}/exchange/disclosures/${refusedId}`);
    await reloadUntil(mxLiaison, mxLiaison.getByTestId('disclosure-refuse')).catch(async (e) => {
      await shot(mxLiaison, 'cross-border-debug-refuse');
      console.error(JSON.stringify(await api(mx, 'liaison', `/api/cross-border/disclosures/${refusedId}`)));
      throw e;
    });
    await mxLiaison.getByTestId('disclosure-refuse').click();
    await mxLiaison.getByTestId('decision-basis-kind').selectOption('domestic_law');
    await mxLiaison.getByTestId('decision-basis-reference').fill('Ley Federal de Protección de Datos Personales, art. 37');
    await mxLiaison.getByTestId('decision-reason').fill('El teléfono no es necesario para la finalidad declarada; contacte a la agencia indicada.');
    await mxLiaison.getByTestId('decision-submit').click();
    await mxLiaison.getByTestId('decision-recorded').waitFor();

    await caLiaison.goto(`${ca.url}/exchange/disclosures/${refusedId}`);
    await reloadUntil(caLiaison, caLiaison.getByTestId('nothing-disclosed'));
    expect(await caLiaison.getByTestId('disclosed-field').count()).toBe(0);
    expect(await caLiaison.getByTestId('disclosed-contact').count()).toBe(0);
    expect(await caLiaison.getByTestId('disclosure-detail').getAttribute('data-status')).toBe('refused');
    await shot(caLiaison, 'cross-border-10-ca-refused-fr');
    await axe(caLiaison, 'refused (ca, fr)');
    const view = await api<DisclosureView>(ca, 'liaison', `/api/cross-border/disclosures/${refusedId}`);
    expect(view.decision).toMatchObject({ level: 'existence', contact: null, disclosed: null });
    expect(view.decision?.legalBasis.reference).toContain('art. 37');
    // the first decision stands as it was
    const first = await api<DisclosureView>(ca, 'liaison', `/api/cross-border/disclosures/${approvedId}`);
    expect(Object.keys(first.decision?.disclosed?.properties ?? {}).sort()).toEqual(['birthDate', 'name']);
  });

  it('the auditors of both nodes see every step', async () => {
    const mxSteps = ['crossborder.check.answered', 'disclosure.request.received', 'disclosure.decided'];
    const caSteps = ['crossborder.check.sent', 'crossborder.hits.received', 'disclosure.requested', 'disclosure.decision.received', 'disclosure.read'];
    for (const [node, email, steps, locale] of [
      [mx, 'auditor@mx.demo', mxSteps, 'es'],
      [ca, 'auditor@ca.demo', caSteps, 'en'],
    ] as const) {
      const page = await signIn(node, email);
      if (locale === 'en') await switchLanguage(page, 'en');
      const seen = new Set<string>();
      for (const prefix of ['crossborder*', 'disclosure*']) {
        await page.goto(`${node.url}/audit?action=${encodeURIComponent(prefix)}`);
        await page.getByTestId('audit-count').waitFor();
        await page.getByTestId('audit-row').first().waitFor();
        for (const a of await page.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))) seen.add(a!);
        await shot(page, `cross-border-11-audit-${node === mx ? 'mx' : 'ca'}-${prefix.replace('*', '')}`);
        await axe(page, `audit ${email} ${prefix}`);
      }
      for (const s of steps) expect([...seen], `${email} sees ${s}`).toContain(s);
      // the two decisions (approved, refused) and the two requests are each recorded
      const count = async (action: string) => (await api<ListResult<{ action: string }>>(node, 'auditor', `/api/audit?action=${action}&limit=200`)).total;
      if (node === mx) {
        expect(await count('disclosure.request.received')).toBe(2);
        expect(await count('disclosure.decided')).toBe(2);
      } else {
        expect(await count('disclosure.requested')).toBe(2);
        expect(await count('disclosure.decision.received')).toBe(2);
      }
      // every message of the flow is a signed federation message, sent and received on record
      expect(await count('federation.message.received')).toBeGreaterThanOrEqual(node === mx ? 3 : 3);
      await page.context().close();
    }
  });
});
