import { describe, expect, it } from 'vitest';
import { AlianzaError, localise } from '../domain/errors';
import { CASE_STATUSES, CASE_TYPES, ROLES, TLP_LEVELS, type Case, type Entity } from '../domain/model';
import { checkReferences, validateEntity } from '../domain/entity-validation';
import { getSchema, isEdgeSchema } from '../domain/schema-registry';
import { POLARIS_BY_TYPE } from './case-shape';
import {
  DEMO_ERRORS,
  DEMO_PASSWORD_DEFAULT,
  formatDemoAccounts,
  generateScenario,
  generateScenarioBatches,
  listDemoAccounts,
  type DemoCountry,
  type Scenario,
} from './scenario';
import { WORLD_CUP_MATCHES, WORLD_CUP_VENUES } from './world-cup-2026';

const COUNTRIES: DemoCountry[] = ['MX', 'CA', 'US'];
const cache = new Map<string, Scenario>();
const scenario = (country: DemoCountry, scale = 1, seed?: number): Scenario => {
  const key = `${country}/${scale}/${seed}`;
  if (!cache.has(key)) cache.set(key, generateScenario({ country, scale, seed }));
  return cache.get(key)!;
};

describe('determinism', () => {
  it('gives the same records, byte for byte, for the same seed', () => {
    for (const country of COUNTRIES) {
      const a = JSON.stringify(generateScenario({ country, scale: 0.5, seed: 7 }));
      const b = JSON.stringify(generateScenario({ country, scale: 0.5, seed: 7 }));
      expect(a).toBe(b);
    }
  });

  it('gives different records for a different seed', () => {
    const a = generateScenario({ country: 'MX', scale: 0.5, seed: 7 });
    const b = generateScenario({ country: 'MX', scale: 0.5, seed: 8 });
    expect(a.cases[0]!.id).not.toBe(b.cases[0]!.id);
    const names = (s: Scenario): string => s.entities.filter((e) => e.schema === 'Person').map((e) => e.caption).join('|');
    expect(names(a)).not.toBe(names(b));
  });

  it('streams the same records whatever the batch size', () => {
    const collect = (batchSize: number): Record<string, string> => {
      const out: Record<string, string[]> = { entities: [], cases: [], subjects: [], links: [], members: [], users: [] };
      for (const batch of generateScenarioBatches({ country: 'CA', scale: 0.6, seed: 3 }, batchSize)) {
        out.entities!.push(...batch.entities.map((e) => JSON.stringify(e)));
        out.cases!.push(...batch.cases.map((e) => JSON.stringify(e)));
        out.subjects!.push(...batch.subjects.map((e) => JSON.stringify(e)));
        out.links!.push(...batch.links.map((e) => JSON.stringify(e)));
        out.members!.push(...batch.members.map((e) => JSON.stringify(e)));
        out.users!.push(...batch.users.map((e) => JSON.stringify(e)));
      }
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort().join('\n')]));
    };
    expect(collect(25)).toEqual(collect(1000));
  });
});

describe('size', () => {
  it('has about 300 cases and 3,000-5,000 entities per node at scale 1', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      expect(s.cases).toHaveLength(300);
      expect(s.entities.length).toBeGreaterThanOrEqual(3000);
      expect(s.entities.length).toBeLessThanOrEqual(5000);
      expect(s.entities.filter((e) => isEdgeSchema(e.schema)).length).toBeGreaterThan(1000);
    }
  });

  it('grows linearly with the scale', () => {
    const one = scenario('US', 1);
    const three = scenario('US', 3);
    expect(three.cases).toHaveLength(900);
    const ratio = three.entities.length / one.entities.length;
    expect(ratio).toBeGreaterThan(2.6);
    expect(ratio).toBeLessThan(3.4);
  });

  it('keeps the storylines at small scales', () => {
    const s = scenario('MX', 0.01);
    expect(s.cases.length).toBeGreaterThanOrEqual(6);
    expect(s.crossBorder.some((n) => n.key === 'recruiter:jose-luis-hernandez-ruiz')).toBe(true);
  });

  it('streams scale 10 in bounded batches', () => {
    let cases = 0;
    let entities = 0;
    let largest = 0;
    for (const batch of generateScenarioBatches({ country: 'MX', scale: 10 }, 500)) {
      cases += batch.cases.length;
      entities += batch.entities.length;
      largest = Math.max(largest, batch.cases.length);
    }
    expect(cases).toBe(3000);
    expect(entities).toBeGreaterThan(30_000);
    expect(largest).toBeLessThanOrEqual(500);
  });
});

describe('cases', () => {
  it('covers every case type, status and handling code in every node', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      for (const t of CASE_TYPES) expect(s.cases.some((c) => c.type === t), `${country} ${t}`).toBe(true);
      for (const st of CASE_STATUSES) expect(s.cases.some((c) => c.status === st), `${country} ${st}`).toBe(true);
      for (const tlp of TLP_LEVELS) expect(s.cases.some((c) => c.handling.tlp === tlp), `${country} ${tlp}`).toBe(true);
      const count = (tlp: string): number => s.cases.filter((c) => c.handling.tlp === tlp).length;
      expect(count('AMBER') + count('GREEN')).toBeGreaterThan(s.cases.length * 0.6);
      expect(count('RED')).toBeLessThan(s.cases.length * 0.1);
    }
  });

  it('names users on RED cases, and only users of the node', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      const users = new Set(s.users.map((u) => u.id));
      for (const c of s.cases) {
        if (c.handling.tlp === 'RED') expect(c.namedUserIds.length).toBeGreaterThan(0);
        for (const id of c.namedUserIds) expect(users.has(id)).toBe(true);
        expect(users.has(c.createdBy)).toBe(true);
        expect(s.agencies.some((a) => a.id === c.owningAgencyId)).toBe(true);
      }
    }
  });

  it('keeps outcomes, Palermo assessments and indicators consistent', () => {
    for (const country of COUNTRIES) {
      for (const c of scenario(country).cases) {
        const stages = c.outcomes.map((o) => o.stage);
        if (c.status === 'open') expect(stages).toEqual([]);
        if (c.status === 'prosecution') expect(stages).toContain('charges');
        if (stages.includes('conviction')) expect(stages).toContain('charges');
        for (const o of c.outcomes) {
          expect(o.date >= c.createdAt.slice(0, 10)).toBe(true);
          expect(o.date <= '2026-11-15').toBe(true);
          if (o.stage === 'sentence') expect(o.sentenceMonths).toBeGreaterThan(0);
        }
        if (c.palermo.victimIsChild) expect(c.palermo.means).toEqual([]);
        if (c.status !== 'open') expect(c.palermo.purposes.length).toBeGreaterThan(0);
        for (const f of c.indicators) expect(f.present ? f.evidence.length > 0 : f.evidence === '').toBe(true);
        if (c.polarisType !== null) expect(Object.values(POLARIS_BY_TYPE).flat()).toContain(c.polarisType);
      }
    }
  });

  it('ties event cases to World Cup matches and venues of the reference data', () => {
    const venues = new Set(WORLD_CUP_VENUES.map((v) => v.venueId));
    const numbers = new Set(WORLD_CUP_MATCHES.flatMap((m) => (m.matchNumber === null ? [] : [m.matchNumber])));
    for (const country of COUNTRIES) {
      const events = scenario(country).cases.filter((c) => c.eventId !== null);
      expect(events.length).toBeGreaterThan(10);
      for (const c of events) {
        const [, kind, ref] = /^wc2026:(match|venue):(.+)$/.exec(c.eventId!) ?? [];
        if (kind === 'match') expect(numbers.has(Number(ref))).toBe(true);
        else expect(venues.has(ref!)).toBe(true);
        expect(c.createdAt >= '2026-05-25' && c.createdAt < '2026-07-25').toBe(true);
      }
    }
  });

  it('uses the labour programs of each country', () => {
    const programs = (country: DemoCountry): Set<string | null> => new Set(scenario(country).cases.map((c) => c.labourProgram));
    expect([...programs('CA')].filter(Boolean).sort()).toEqual(['SAWP', 'TFWP']);
    expect([...programs('US')].filter(Boolean).sort()).toEqual(['H-2A', 'H-2B']);
    expect([...programs('MX')].filter(Boolean).sort()).toEqual(['H-2A', 'H-2B', 'SAWP']);
  });

  it('keeps every timestamp within 1 January - 15 November 2026', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      const stamps = [...s.cases.flatMap((c) => [c.createdAt, c.updatedAt]), ...s.entities.map((e) => e.createdAt)];
      for (const t of stamps) expect(t >= '2026-01-01T00:00:00.000Z' && t <= '2026-11-15T23:59:59.999Z', t).toBe(true);
      for (const c of s.cases) expect(c.updatedAt >= c.createdAt).toBe(true);
    }
  });

  it('writes narratives in the language of the node', () => {
    const mx = scenario('MX').cases.map((c) => c.narrative).join(' ');
    expect(mx).toMatch(/ trabaj|denuncia|víctima|se le obliga/i);
    const ca = scenario('CA').cases.map((c) => c.narrative);
    expect(ca.some((n) => /Signalement|Extrait d’annonce|Rapport de police|Inspection \(/.test(n))).toBe(true);
    expect(ca.some((n) => /Hotline tip|Police report|Worker report/.test(n))).toBe(true);
  });
});

describe('agencies and accounts', () => {
  it('has one account per role per node and a second investigator in another agency', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      const cc = country.toLowerCase();
      for (const role of ROLES) {
        const matches = s.users.filter((u) => u.email === `${role}@${cc}.demo`);
        expect(matches, `${role}@${cc}.demo`).toHaveLength(1);
        expect(matches[0]!.role).toBe(role);
      }
      const inv = s.users.find((u) => u.email === `investigator@${cc}.demo`)!;
      const inv2 = s.users.find((u) => u.email === `investigator2@${cc}.demo`)!;
      expect(inv2.role).toBe('investigator');
      expect(inv2.agencyId).not.toBe(inv.agencyId);
      expect(s.users).toHaveLength(ROLES.length + 1);
      for (const u of s.users) expect(u).not.toHaveProperty('passwordHash');
    }
  });

  it('gives Mexico Spanish, the United States English and Canada both', () => {
    expect(new Set(scenario('MX').users.map((u) => u.locale))).toEqual(new Set(['es']));
    expect(new Set(scenario('US').users.map((u) => u.locale))).toEqual(new Set(['en']));
    const ca = scenario('CA').users;
    expect(new Set(ca.map((u) => u.locale))).toEqual(new Set(['en', 'fr']));
    expect(ca.find((u) => u.email === 'liaison@ca.demo')!.locale).toBe('fr');
  });

  it('marks every agency as fictional', () => {
    for (const country of COUNTRIES) {
      for (const a of scenario(country).agencies) {
        expect(a.name).toMatch(/\((demo|démo)\)/);
        expect(a.country).toBe(country);
        expect(a.code.startsWith(country + '-')).toBe(true);
      }
    }
  });

  it('lists the accounts of the three nodes for printing', () => {
    const accounts = listDemoAccounts();
    expect(accounts).toHaveLength(27);
    const text = formatDemoAccounts(accounts);
    for (const a of accounts) expect(text).toContain(a.email);
    expect(text).toContain(DEMO_PASSWORD_DEFAULT);
    expect(accounts.find((a) => a.email === 'prosecutor@us.demo')!.displayName).toBe(scenario('US').users.find((u) => u.email === 'prosecutor@us.demo')!.displayName);
  });
});

describe('records', () => {
  it('validates every entity against schema/ with values already in stored form', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      const byId = new Map(s.entities.map((e) => [e.id, e]));
      for (const e of s.entities) {
        const r = validateEntity(e.schema, e.properties, { defaultCountry: country });
        if (!r.ok) throw new Error(`${country} ${e.schema} ${JSON.stringify(r.issues)} ${JSON.stringify(e.properties)}`);
        expect(r.properties).toEqual(e.properties);
        expect(r.caption).toBe(e.caption);
        expect(checkReferences(getSchema(e.schema)!, r.properties, (id) => byId.get(id))).toEqual([]);
      }
    }
  });

  it('has unique version-4 ids and refers only to records that come earlier in the stream', () => {
    for (const country of COUNTRIES) {
      const seen = new Set<string>();
      const cases = new Set<string>();
      const users = new Set<string>();
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      const add = (id: string): void => {
        expect(id).toMatch(uuid);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      };
      for (const batch of generateScenarioBatches({ country, scale: 1 }, 40)) {
        for (const a of batch.agencies) add(a.id);
        for (const u of batch.users) {
          add(u.id);
          users.add(u.id);
          expect(seen.has(u.agencyId)).toBe(true);
        }
        for (const e of batch.entities) {
          if (isEdgeSchema(e.schema)) for (const k of ['source', 'target']) expect(seen.has(e.properties[k]![0]!)).toBe(true);
          add(e.id);
          expect(seen.has(e.owningAgencyId)).toBe(true);
        }
        for (const c of batch.cases) {
          add(c.id);
          cases.add(c.id);
        }
        for (const x of [...batch.subjects, ...batch.links]) {
          expect(cases.has(x.caseId)).toBe(true);
          expect(seen.has(x.entityId)).toBe(true);
        }
        for (const m of batch.members) {
          expect(cases.has(m.caseId)).toBe(true);
          expect(users.has(m.userId)).toBe(true);
        }
        for (const n of batch.crossBorder) for (const id of n.entityIds) expect(seen.has(id)).toBe(true);
      }
    }
  });

  it('assigns the investigator and caseworker to many cases of their agencies', () => {
    for (const country of COUNTRIES) {
      const s = scenario(country);
      const user = (key: string): string => s.users.find((u) => u.email === `${key}@${country.toLowerCase()}.demo`)!.id;
      const casesOf = (agencyOf: string): Case[] => s.cases.filter((c) => c.owningAgencyId === agencyOf);
      for (const key of ['investigator', 'investigator2', 'caseworker']) {
        const u = s.users.find((x) => x.id === user(key))!;
        const own = casesOf(u.agencyId);
        const assigned = own.filter((c) => s.members.some((m) => m.caseId === c.id && m.userId === u.id));
        expect(assigned.length / own.length, `${country} ${key}`).toBeGreaterThan(0.5);
      }
      expect(new Set(s.members.map((m) => `${m.caseId}/${m.userId}`)).size).toBe(s.members.length);
    }
  });
});

describe('cross-border storylines', () => {
  const byCountry = Object.fromEntries(COUNTRIES.map((c) => [c, scenario(c)])) as Record<DemoCountry, Scenario>;
  const entity = (s: Scenario, id: string): Entity => s.entities.find((e) => e.id === id)!;

  it('plants every cross-border entity in exactly the countries it names', () => {
    const keys = new Set(COUNTRIES.flatMap((c) => byCountry[c].crossBorder.map((n) => n.key)));
    expect(keys.size).toBeGreaterThan(25);
    for (const key of keys) {
      const holders = COUNTRIES.filter((c) => byCountry[c].crossBorder.some((n) => n.key === key));
      const declared = COUNTRIES.flatMap((c) => byCountry[c].crossBorder.filter((n) => n.key === key).map((n) => [...n.presentIn].sort().join(',')));
      expect(new Set(declared).size, key).toBe(1);
      expect([...holders].sort().join(','), key).toBe(declared[0]);
      expect(holders.length, key).toBeGreaterThanOrEqual(key.startsWith('victim:') ? 1 : 2);
      for (const c of holders) for (const n of byCountry[c].crossBorder.filter((x) => x.key === key)) for (const id of n.entityIds) expect(entity(byCountry[c], id).crossBorderCheck).toBe(true);
    }
  });

  it('records the recruiter three ways with one phone number', () => {
    const rec = (c: DemoCountry): Entity => {
      const n = byCountry[c].crossBorder.find((x) => x.key === 'recruiter:jose-luis-hernandez-ruiz')!;
      return entity(byCountry[c], n.entityIds[0]!);
    };
    expect(rec('MX').properties.name).toEqual(['José Luis Hernández Ruiz']);
    expect(rec('CA').properties.name).toEqual(['Jose Hernandez']);
    expect(rec('US').properties.name).toEqual(['J. L. Hernandez']);
    const phone = rec('MX').properties.phone![0]!;
    expect(phone).toMatch(/^\+5255\d{8}$/);
    for (const c of COUNTRIES) expect(rec(c).properties.phone).toEqual([phone]);
    const written = COUNTRIES.map((c) => byCountry[c].crossBorder.find((x) => x.key === 'phone:recruiter')!.variant);
    expect(new Set(written).size).toBe(3);
    expect(byCountry.CA.cases.some((k) => k.narrative.includes(written[1]!))).toBe(true);
  });

  it('has workers and victims in two or three countries, recorded with variations', () => {
    const people = byCountry.MX.crossBorder.filter((n) => n.schema === 'Person' && (n.key.startsWith('worker:') || n.key.startsWith('victim:')));
    expect(people.filter((n) => n.presentIn.length === 3).length).toBeGreaterThanOrEqual(3);
    expect(people.filter((n) => n.presentIn.length === 2).length).toBeGreaterThanOrEqual(5);
    let varied = 0;
    let same = 0;
    for (const n of people)
      for (const c of n.presentIn.filter((x) => x !== 'MX')) {
        const there = byCountry[c].crossBorder.find((x) => x.key === n.key)!;
        if (there.variant !== n.variant) varied++;
        else same++;
      }
    expect(varied).toBeGreaterThan(same);
  });

  it('shares the ring’s booking line across the three countries’ ads', () => {
    for (const c of COUNTRIES) {
      const s = byCountry[c];
      const n = s.crossBorder.find((x) => x.key === 'phone:booking-line')!;
      const number = entity(s, n.entityIds[0]!).properties.number![0]!;
      const ads = s.entities.filter((e) => e.schema === 'OnlineAccount' && e.properties.phone?.includes(number));
      expect(ads.length, c).toBeGreaterThanOrEqual(2);
      const travel = s.entities.filter((e) => e.schema === 'Travel');
      expect(travel.length).toBeGreaterThan(3);
    }
  });

  it('plants the same people whatever the scale', () => {
    const small = scenario('US', 0.01).crossBorder.map((n) => `${n.key}=${n.variant}`);
    const large = scenario('US', 1).crossBorder.map((n) => `${n.key}=${n.variant}`);
    expect(small).toEqual(large);
  });
});

describe('options', () => {
  it('refuses a bad country, scale, seed or batch size with a catalogued code', () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(AlianzaError);
        return (e as AlianzaError).code;
      }
      return 'no error';
    };
    expect(code(() => generateScenario({ country: 'FR' as DemoCountry, scale: 1 }))).toBe('DEMO_UNKNOWN_COUNTRY');
    expect(code(() => generateScenario({ country: 'MX', scale: 0 }))).toBe('DEMO_BAD_SCALE');
    expect(code(() => generateScenario({ country: 'MX', scale: Number.NaN }))).toBe('DEMO_BAD_SCALE');
    expect(code(() => generateScenario({ country: 'MX', scale: 1, seed: -1 }))).toBe('DEMO_BAD_SEED');
    expect(code(() => generateScenario({ country: 'MX', scale: 1, seed: 1.5 }))).toBe('DEMO_BAD_SEED');
    expect(code(() => [...generateScenarioBatches({ country: 'MX', scale: 1 }, 0)])).toBe('DEMO_BAD_BATCH_SIZE');
    for (const [c, m] of Object.entries(DEMO_ERRORS)) {
      for (const l of ['en', 'fr', 'es'] as const) expect(localise([DEMO_ERRORS], c, l, { country: 'X', scale: 0, max: 1, seed: 0, batchSize: 0 })).toBe(m[l].replace(/\{(\w+)\}/g, (_w, k: string) => String({ country: 'X', scale: 0, max: 1, seed: 0, batchSize: 0 }[k])));
    }
  });
});
