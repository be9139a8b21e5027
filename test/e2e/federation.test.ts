/**
 * Trilateral exchange in a real browser (Debian's Chromium), between three demo nodes on
 * loopback pinned to each other, each delivering its outbox: Mexico's liaison officer sends
 * an AMBER alert about a recruiter (chosen fields only) to Canada and the United States;
 * Canada reads it in French, the United States in English, and Mexico's outbox goes from
 * delivered to read. Canada asks Mexico for information, Mexico answers, a past-due request
 * stands out. A forward waits for the originator's consent; a RED item offers none. An
 * auditor lists the exchanges with their receipts, an administrator the partners with their
 * fingerprints. axe-core on every new page, and the pages at 375 px. Screenshots:
 * test-results/screenshots/federation-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownKeys } from '../../src/app/federation-peers';
import { closeNodes, eventually, httpNodes, type HttpNode } from '../federation/http-nodes';
import { rmSync } from 'node:fs';
import { browserUnavailable, launch, shot, snapshotWebDist } from '../helpers/browser';
import { as, DEMO_PASSWORD, type Session } from '../helpers/demo-node';

const why = browserUnavailable();
if (why) console.warn(why);

const AMBER = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 365, originatorConsentRequiredToForward: true };
const RECRUITER = 'Julián Ortega Ruiz';
const AGENCY = 'Agencia Agrícola del Norte S.A. de C.V.';
const VICTIM = 'Rosa Ibáñez Peña';
const ALERT_TITLE = 'Reclutador activo en Ontario y Georgia';

let nodes: Record<string, HttpNode>;
let mx: HttpNode;
let ca: HttpNode;
let us: HttpNode;
let browser: Browser;
let caseId = '';
let alertToCa = '';
let webDist = '';

async function signIn(node: HttpNode, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(node.url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

// API sessions, one per node and role (sign-ins are rate-limited per address)
const sessions = new Map<string, Session>();
async function apiSession(node: HttpNode, role: string): Promise<Session> {
  const key = `${node.url} ${role}`;
  if (!sessions.has(key)) sessions.set(key, await node.signIn(role));
  return sessions.get(key)!;
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function axe(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
}

/** A row of the inbox or outbox table. */
const row = (page: Page, filter: { peer?: string; type?: string; id?: string }): Locator => {
  let selector = '[data-testid="item-row"]';
  if (filter.peer) selector += `[data-peer="${filter.peer}"]`;
  if (filter.type) selector += `[data-type="${filter.type}"]`;
  if (filter.id) selector += `[data-item-id="${filter.id}"]`;
  return page.locator(selector);
};

/** The entity fieldset of the compose form that holds `text`. */
const entityBox = (page: Page, schema: string, text?: string): Locator => {
  const box = page.locator(`[data-testid="share-entity"][data-schema="${schema}"]`);
  return text ? box.filter({ hasText: text }) : box;
};

describe.skipIf(!!why)('exchange with partners in the browser', { timeout: 170_000 }, () => {
  beforeAll(async () => {
    webDist = snapshotWebDist();
    process.env.ALIANZA_WEB_DIST = webDist;
    nodes = await httpNodes(['MX', 'CA', 'US']);
    ({ mx, ca, us } = nodes as Record<'mx' | 'ca' | 'us', HttpNode>);
    // the case Mexico's investigators opened: a recruiter, his agency, his phone, and a victim
    const inv = await mx.signIn('investigator');
    let res = await mx.app.inject({ method: 'POST', url: '/api/cases', headers: as(inv), payload: { title: 'Red de enganchadores — jornaleros a Ontario y Georgia', type: 'labour_trafficking', handling: AMBER } });
    caseId = res.json().id;
    const add = async (url: string, payload: object) => {
      res = await mx.app.inject({ method: 'POST', url: `/api/cases/${caseId}/${url}`, headers: as(inv), payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await add('subjects', { role: 'recruiter', entity: { schema: 'Person', properties: { name: [RECRUITER], nationality: ['MX'], birthDate: ['1979-04-02'], passportNumber: ['G12345678'] } } });
    await add('subjects', { role: 'recruiter', entity: { schema: 'Organization', properties: { name: [AGENCY], country: ['MX'], taxNumber: ['AAN190312XY1'] } } });
    await add('entities', { entity: { schema: 'Phone', properties: { number: ['55 8765 4321'], country: ['MX'] } } });
    await add('subjects', { role: 'victim', entity: { schema: 'Person', properties: { name: [VICTIM], nationality: ['MX'], gender: ['female'] } } });
    browser = await launch();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    if (nodes) await closeNodes(nodes);
    if (webDist) rmSync(webDist, { recursive: true, force: true });
  });

  it('MX sends an AMBER alert with chosen fields to CA and US; it arrives in French and in English; the outbox goes from delivered to read', async () => {
    const mxPage = await signIn(mx, 'liaison@mx.demo');
    const caPage = await signIn(ca, 'liaison@ca.demo');
    const usPage = await signIn(us, 'liaison@us.demo');
    expect(await lang(mxPage)).toMatch(/^es/);
    expect(await lang(caPage)).toMatch(/^fr/);
    expect(await lang(usPage)).toMatch(/^en/);

    await mxPage.goto(`${mx.url}/cases/${caseId}`);
    await mxPage.getByTestId('share-alert').scrollIntoViewIfNeeded();
    await shot(mxPage, 'federation-00-case-share-es');
    await mxPage.getByTestId('share-alert').click();
    await mxPage.getByTestId('compose-form').waitFor();
    await expect.poll(() => mxPage.getByTestId('compose-type-Alert').isChecked()).toBe(true);
    await mxPage.getByTestId('compose-title').fill(ALERT_TITLE);
    await mxPage.getByTestId('compose-summary').fill('Coloca jornaleros con cuotas de 45 000 MXN y retiene sus pasaportes al llegar a las granjas.');
    await mxPage.getByTestId('recipient-ca').check();
    await mxPage.getByTestId('audience-ca').fill('CA-NLO');
    await mxPage.getByTestId('recipient-us').check();
    await mxPage.getByTestId('audience-us').fill('US-NLO');
    expect(await mxPage.getByTestId('compose-tlp').inputValue()).toBe('AMBER');
    await mxPage.getByTestId('compose-retention').fill('90');
    expect(await mxPage.getByTestId('compose-consent-forward').isChecked()).toBe(true);

    // minimisation: the recruiter's name and nationality, the agency's name, the phone number — nothing else
    const person = entityBox(mxPage, 'Person', RECRUITER);
    await person.getByTestId('share-field-name').check();
    await person.getByTestId('share-field-nationality').check();
    await entityBox(mxPage, 'Organization', AGENCY).getByTestId('share-field-name').check();
    await entityBox(mxPage, 'Phone').getByTestId('share-field-number').check();
    // the victim is offered with her identity fields marked, and left out
    await expect.poll(() => entityBox(mxPage, 'Person').filter({ hasNotText: RECRUITER }).locator('.identity-tag').count()).toBeGreaterThan(0);
    expect(await mxPage.getByTestId('identity-basis-fields').count()).toBe(0);
    await shot(mxPage, 'federation-01-compose-alert-es');
    await axe(mxPage, 'compose (es)');

    await mxPage.getByTestId('compose-send').click();
    await mxPage.getByTestId('outbox-page').waitFor();
    await mxPage.getByTestId('sent-confirmation').waitFor();
    const sentAt = Date.now();

    // within 5 s in Canada's inbox, in French, with its handling
    await caPage.getByTestId('nav-federation').click();
    await caPage.getByTestId('inbox-page').waitFor();
    await expect
      .poll(
        async () => {
          await caPage.reload();
          await caPage.getByTestId('inbox-count').waitFor();
          return row(caPage, { peer: 'mx', type: 'Alert' }).count();
        },
        { timeout: Math.max(1000, 5000 - (Date.now() - sentAt)), interval: 250 },
      )
      .toBe(1);
    const caRow = row(caPage, { peer: 'mx', type: 'Alert' });
    alertToCa = (await caRow.getAttribute('data-item-id'))!;
    expect(await caRow.textContent()).toContain('Alerte');
    expect(await caRow.textContent()).toContain(ALERT_TITLE);
    expect(await caRow.getByTestId('tlp-banner').getAttribute('data-tlp')).toBe('AMBER');
    expect(await caRow.getByTestId('handling-purpose').textContent()).toMatch(/Enquête/);
    expect(await caRow.getByTestId('handling-retention').textContent()).toMatch(/90\s*jours/);
    expect(await caRow.getByTestId('read-status').getAttribute('data-read')).toBe('false');
    await shot(caPage, 'federation-02-inbox-ca-fr');
    await axe(caPage, 'inbox (fr)');

    // and in the United States' inbox, in English
    await usPage.getByTestId('nav-federation').click();
    await expect
      .poll(
        async () => {
          await usPage.reload();
          await usPage.getByTestId('inbox-count').waitFor();
          return row(usPage, { peer: 'mx', type: 'Alert' }).count();
        },
        { timeout: Math.max(1000, 5000 - (Date.now() - sentAt)), interval: 250 },
      )
      .toBe(1);
    expect(await row(usPage, { peer: 'mx' }).textContent()).toMatch(/Alert.*investigation.*90 days/is);
    await shot(usPage, 'federation-03-inbox-us-en');

    // Mexico's outbox: delivered to both (signed receipts), nobody has read it yet
    await expect
      .poll(async () => {
        await mxPage.reload();
        await mxPage.getByTestId('outbox-count').waitFor();
        return mxPage.locator('[data-testid="item-row"][data-type="Alert"] [data-testid="delivery-status"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')).sort());
      })
      .toEqual(['delivered', 'delivered']);
    await shot(mxPage, 'federation-04-outbox-delivered-es');
    await axe(mxPage, 'outbox (es)');

    // Canada opens it: only the chosen fields arrived
    await caRow.getByTestId('item-link').click();
    await caPage.getByTestId('thread-page').waitFor();
    const item = caPage.getByTestId('thread-item');
    await item.getByTestId('shared-entities').waitFor();
    expect(await item.getByTestId('tlp-banner').getAttribute('data-tlp')).toBe('AMBER');
    const shared = await item.getByTestId('shared-entity').evaluateAll((cards) =>
      cards.map((c) => ({ schema: c.getAttribute('data-schema'), fields: [...c.querySelectorAll('dd')].map((d) => d.getAttribute('data-testid')) })),
    );
    expect(shared).toEqual(
      expect.arrayContaining([
        { schema: 'Person', fields: ['shared-property-name', 'shared-property-nationality'] },
        { schema: 'Organization', fields: ['shared-property-name'] },
        { schema: 'Phone', fields: ['shared-property-number'] },
      ]),
    );
    expect(shared).toHaveLength(3);
    const content = await item.textContent();
    expect(content).toContain(RECRUITER);
    expect(content).toContain('+525587654321');
    expect(content).not.toContain('1979');
    expect(content).not.toContain('G12345678');
    expect(content).not.toContain('AAN190312XY1');
    expect(content).not.toContain('Ibáñez');
    await shot(caPage, 'federation-05-thread-ca-fr');
    await axe(caPage, 'thread (fr)');

    // the read receipt reaches Mexico: read for Canada, still delivered for the United States
    await expect
      .poll(async () => {
        await mxPage.reload();
        await mxPage.getByTestId('outbox-count').waitFor();
        return row(mxPage, { peer: 'ca', type: 'Alert' }).getByTestId('delivery-status').getAttribute('data-status');
      })
      .toBe('read');
    expect(await row(mxPage, { peer: 'us', type: 'Alert' }).getByTestId('delivery-status').getAttribute('data-status')).toBe('delivered');
    await shot(mxPage, 'federation-06-outbox-read-es');
    for (const p of [mxPage, caPage, usPage]) await p.context().close();
  });

  it('CA asks MX for information with a deadline; MX answers from the thread; both sides see both; a past-due request stands out', async () => {
    const caPage = await signIn(ca, 'liaison@ca.demo');
    await caPage.getByTestId('nav-federation').click();
    await caPage.getByTestId('new-rfi-button').click();
    await caPage.getByTestId('compose-form').waitFor();
    expect(await caPage.getByTestId('compose-type-RequestForInformation').isChecked()).toBe(true);
    await caPage.getByTestId('compose-subject').fill('Agence de recrutement — travailleurs en Ontario');
    await caPage.getByTestId('compose-questions').fill("L'agence est-elle enregistrée au Mexique?\nY a-t-il des plaintes contre elle?");
    // the form refuses a deadline in the past
    await caPage.getByTestId('compose-deadline').fill('2020-01-01T10:00');
    await caPage.getByTestId('recipient-mx').check();
    await caPage.getByTestId('audience-mx').fill('MX-ENT');
    await caPage.getByTestId('compose-send').click();
    await caPage.getByTestId('compose-deadline-error').waitFor();
    await shot(caPage, 'federation-07-compose-rfi-past-deadline-fr');
    const deadline = new Date(Date.now() + 10 * 86_400_000);
    const local = new Date(deadline.getTime() - deadline.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await caPage.getByTestId('compose-deadline').fill(local);
    await caPage.getByTestId('compose-send').click();
    await caPage.getByTestId('outbox-page').waitFor();
    const rfiRow = row(caPage, { peer: 'mx', type: 'RequestForInformation' });
    await rfiRow.waitFor();
    const rfiId = (await rfiRow.getAttribute('data-item-id'))!;

    const mxPage = await signIn(mx, 'liaison@mx.demo');
    await mxPage.getByTestId('nav-federation').click();
    await expect
      .poll(async () => {
        await mxPage.reload();
        await mxPage.getByTestId('inbox-count').waitFor();
        return row(mxPage, { id: rfiId }).count();
      })
      .toBe(1);
    expect(await row(mxPage, { id: rfiId }).getAttribute('data-overdue')).toBe('false');
    await row(mxPage, { id: rfiId }).getByTestId('item-link').click();
    await mxPage.getByTestId('response-form').waitFor();
    await mxPage.getByTestId('response-answer-0').fill('Sí: registrada en Oaxaca en 2019 (RFC AAN190312XY1).');
    await mxPage.getByTestId('response-answer-1').fill('Dos quejas laborales en trámite ante la inspección federal.');
    await mxPage.getByTestId('response-audience').fill('CA-NLO');
    await shot(mxPage, 'federation-08-answer-rfi-es');
    await axe(mxPage, 'thread with response form (es)');
    await mxPage.getByTestId('response-submit').click();
    await mxPage.getByTestId('response-sent').waitFor();
    await expect.poll(() => mxPage.getByTestId('thread-item').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-direction')}:${e.getAttribute('data-type')}`))).toEqual(['received:RequestForInformation', 'sent:Response']);

    // Canada's thread: its request and Mexico's answer
    await expect
      .poll(async () => {
        await caPage.goto(`${ca.url}/exchange/threads/${rfiId}`);
        await caPage.getByTestId('thread').waitFor();
        return caPage.getByTestId('thread-item').count();
      })
      .toBe(2);
    expect(await caPage.getByTestId('item-answers').textContent()).toContain('registrada en Oaxaca');
    expect(await caPage.locator('[data-testid="thread-item"][data-type="RequestForInformation"] [data-testid="item-deadline"]').getAttribute('data-overdue')).toBe('false');
    await shot(caPage, 'federation-09-thread-answered-fr');

    // a request whose deadline passes without an answer (the API takes any future deadline; this one is 3 s away)
    const session = await apiSession(ca, 'liaison');
    const res = await ca.app.inject({
      method: 'POST',
      url: '/api/federation/messages',
      headers: as(session),
      payload: {
        type: 'RequestForInformation',
        to: 'mx',
        handling: AMBER,
        audience: { agencies: ['MX-ENT'], persons: [] },
        subject: 'Urgente: paradero del reclutador',
        questions: ['¿Dónde se encuentra ahora?'],
        deadline: new Date(Date.now() + 3000).toISOString(),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const lateId = res.json().id as string;
    await eventually(async () => (await mx.rt.inbox.get(lateId)) !== undefined);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(res.json().deadline) - Date.now() + 200)));
    await mxPage.goto(`${mx.url}/exchange`);
    await row(mxPage, { id: lateId }).waitFor();
    expect(await row(mxPage, { id: lateId }).getAttribute('data-overdue')).toBe('true');
    expect(await row(mxPage, { id: lateId }).evaluate((el) => el.classList.contains('row-overdue'))).toBe(true);
    expect(await row(mxPage, { id: rfiId }).getAttribute('data-overdue')).toBe('false');
    await shot(mxPage, 'federation-10-inbox-overdue-es');
    await axe(mxPage, 'inbox with an overdue request (es)');
    await row(mxPage, { id: lateId }).getByTestId('item-link').click();
    await expect.poll(() => mxPage.getByTestId('item-deadline').getAttribute('data-overdue')).toBe('true');
    await shot(mxPage, 'federation-11-thread-overdue-es');
    for (const p of [mxPage, caPage]) await p.context().close();
  });

  it("CA's forward of MX's AMBER alert to US waits for MX's consent; a RED item offers no forward", async () => {
    const caPage = await signIn(ca, 'liaison@ca.demo');
    await caPage.goto(`${ca.url}/exchange/threads/${alertToCa}`);
    await caPage.getByTestId('forward-open').click();
    await caPage.getByTestId('forward-to').selectOption('us');
    await caPage.getByTestId(`forward-${alertToCa}-audience`).fill('US-NLO');
    await caPage.getByTestId('forward-reason').fill('Le recruteur place aussi des travailleurs en Géorgie.');
    // the label can only get stricter
    expect(await caPage.getByTestId(`forward-${alertToCa}-tlp`).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['RED', 'AMBER+STRICT', 'AMBER']);
    expect(await caPage.getByTestId(`forward-${alertToCa}-consent-forward`).isDisabled()).toBe(true);
    await shot(caPage, 'federation-12-forward-form-fr');
    await axe(caPage, 'forward form (fr)');
    await caPage.getByTestId('forward-submit').click();
    await caPage.getByTestId('forward-consent-requested').waitFor();
    await expect.poll(() => caPage.getByTestId('forward-consent').getAttribute('data-status')).toBe('pending');
    await shot(caPage, 'federation-13-forward-consent-pending-fr');

    // nothing goes to the United States before Mexico consents
    const fromCa = async () => (await us.rt.items.list('received', { limit: 100 })).filter((i) => i.peerNode === 'ca');
    expect(await fromCa()).toHaveLength(0);

    const mxPage = await signIn(mx, 'liaison@mx.demo');
    await mxPage.goto(`${mx.url}/exchange/consents`);
    const request = mxPage.locator('[data-testid="consents-pending"] [data-testid="consent-row"]');
    await expect.poll(async () => {
      await mxPage.reload();
      await mxPage.getByTestId('consents-pending').waitFor();
      return request.count();
    }).toBe(1);
    expect(await request.textContent()).toContain('Géorgie');
    await shot(mxPage, 'federation-14-consent-request-es');
    await axe(mxPage, 'consents (es)');
    await request.getByTestId('consent-reason').fill('Acordado en la llamada de enlace del 12 de junio.');
    await request.getByTestId('consent-grant').click();
    await expect.poll(() => mxPage.locator('[data-testid="consents-decided"] [data-testid="consent-row"]').getAttribute('data-status')).toBe('granted');

    // the consent reaches Canada and the forward goes through to the United States
    await expect.poll(() => caPage.getByTestId('forward-consent').getAttribute('data-status'), { timeout: 15_000 }).toBe('granted');
    await shot(caPage, 'federation-15-forward-granted-fr');
    const forwarded = await eventually(async () => (await fromCa())[0]);
    const usPage = await signIn(us, 'liaison@us.demo');
    await usPage.goto(`${us.url}/exchange/threads/${forwarded.envelopeId}`);
    await usPage.getByTestId('thread-item').waitFor();
    expect(await usPage.getByTestId('thread-item').textContent()).toMatch(/originally from mx/);
    expect(await usPage.getByTestId('tlp-banner').getAttribute('data-tlp')).toBe('AMBER');
    await shot(usPage, 'federation-16-forwarded-us-en');

    // a RED item: no forward offered
    const session = await apiSession(mx, 'liaison');
    const res = await mx.app.inject({
      method: 'POST',
      url: '/api/federation/messages',
      headers: as(session),
      payload: { type: 'Alert', to: 'ca', handling: { ...AMBER, tlp: 'RED' }, audience: { agencies: [], persons: ['liaison@ca.demo'] }, title: 'Solo para el enlace de Canadá', summary: 'Informante dentro de la agencia.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const redId = res.json().id as string;
    await eventually(async () => (await ca.rt.inbox.get(redId)) !== undefined);
    await caPage.goto(`${ca.url}/exchange/threads/${redId}`);
    await caPage.getByTestId('forward-not-allowed').waitFor();
    expect(await caPage.getByTestId('forward-open').count()).toBe(0);
    expect(await caPage.getByTestId('tlp-banner').getAttribute('data-tlp')).toBe('RED');
    await shot(caPage, 'federation-17-red-no-forward-fr');
    await axe(caPage, 'RED item (fr)');
    for (const p of [mxPage, caPage, usPage]) await p.context().close();
  });

  it('an auditor lists messages sent and received with their receipts; an administrator sees the partners with fingerprints', async () => {
    const auditor = await signIn(mx, 'auditor@mx.demo');
    await auditor.getByTestId('nav-ledger').click();
    await auditor.getByTestId('ledger-table').waitFor();
    const entries = await auditor.getByTestId('ledger-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-direction')}:${r.getAttribute('data-type')}:${r.getAttribute('data-peer')}:${r.getAttribute('data-status')}`));
    expect(entries).toEqual(
      expect.arrayContaining([
        'sent:Alert:ca:read',
        'sent:Alert:us:delivered',
        'sent:Response:ca:read',
        'received:RequestForInformation:ca:read',
      ]),
    );
    const readAlert = auditor.locator(`[data-testid="ledger-row"][data-item-id="${alertToCa}"]`);
    expect(await readAlert.locator('[data-testid="ledger-receipt"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')).sort())).toEqual(['delivered', 'read']);
    // metadata only: no titles, no content
    expect(await auditor.getByTestId('ledger-table').textContent()).not.toContain(ALERT_TITLE);
    await shot(auditor, 'federation-18-ledger-auditor-es');
    await axe(auditor, 'ledger (es)');
    const logged = await mx.store.audit.list({ action: 'federation.ledger.read' });
    expect(logged.items.length).toBeGreaterThan(0);
    // the ledger is the auditors' view: a liaison officer is refused it
    const refused = await mx.app.inject({ method: 'GET', url: '/api/federation/ledger', headers: as(await apiSession(mx, 'liaison')) });
    expect(refused.statusCode).toBe(403);

    const admin = await signIn(mx, 'admin@mx.demo');
    await admin.getByTestId('nav-peers').click();
    await admin.getByTestId('peer-list').waitFor();
    expect(await admin.getByTestId('peer-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node')).sort())).toEqual(['ca', 'us']);
    const caKeys = await ownKeys(ca.rt);
    const shown = await admin.locator('[data-testid="peer-row"][data-node="ca"] [data-testid="peer-fingerprint-value"]').allTextContents();
    expect(shown).toContain(caKeys.signingKeys.find((k) => k.keyId === caKeys.activeSigningKeyId)!.fingerprint);
    expect(shown.every((f) => /^([0-9A-F]{4} ){15}[0-9A-F]{4}$/.test(f))).toBe(true);
    expect(await admin.getByTestId('own-fingerprint').first().textContent()).toBe((await ownKeys(mx.rt)).signingKeys[0]!.fingerprint);
    await shot(admin, 'federation-19-peers-admin-es');
    await axe(admin, 'peers (es)');
    for (const p of [auditor, admin]) await p.context().close();
  });

  it('works on a phone-sized screen', async () => {
    // one sign-in per account (sign-ins are rate-limited per address)
    const visits: [HttpNode, string, [string, string][]][] = [
      [mx, 'liaison@mx.demo', [['/exchange/outbox', 'outbox'], [`/exchange/compose?caseId=${caseId}&type=Alert`, 'compose'], ['/exchange/consents', 'consents']]],
      [ca, 'liaison@ca.demo', [['/exchange', 'inbox'], [`/exchange/threads/${alertToCa}`, 'thread']]],
      [mx, 'auditor@mx.demo', [['/exchange/ledger', 'ledger']]],
      [mx, 'admin@mx.demo', [['/exchange/peers', 'peers']]],
    ];
    for (const [node, email, paths] of visits) {
      const page = await signIn(node, email, 375);
      for (const [path, name] of paths) {
        await page.goto(`${node.url}${path}`);
        await page.getByTestId(`${name}-page`).waitFor();
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        await noSidewaysScroll(page);
        await shot(page, `federation-20-phone-${name}`);
        await axe(page, `${name} at 375 px`);
      }
      await page.context().close();
    }
  });
});
