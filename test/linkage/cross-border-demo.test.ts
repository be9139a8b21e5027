/**
 * Measurements behind the cross-border thresholds (src/linkage/pprl/cross-border-encoding.ts):
 * the seeded three-country demo scenario, whose planted people, phones and organisations
 * each country recorded its own way, and synthetic people with their second sightings.
 */
import { describe, expect, it } from 'vitest';
import { generateScenario, type DemoCountry, type Scenario } from '../../src/demo/scenario';
import {
  compareEncodings,
  createCrossBorderEncoder,
  CROSS_BORDER_KINDS,
  CROSS_BORDER_THRESHOLD,
  type CrossBorderKind,
  type EncodedSubject,
} from '../../src/linkage/pprl/cross-border-encoding';
import { PeopleFactory } from './people-factory';

/** A synthetic linkage secret shared by the three test nodes. */
const SECRET = Uint8Array.from({ length: 32 }, (_, i) => (i * 151 + 29) & 255);
const isKind = (schema: string): schema is CrossBorderKind => (CROSS_BORDER_KINDS as readonly string[]).includes(schema);
const lowest = Math.min(...CROSS_BORDER_KINDS.map((k) => CROSS_BORDER_THRESHOLD[k]));

interface Node {
  country: DemoCountry;
  scenario: Scenario;
  subjects: EncodedSubject[];
  /** entity id → planted key */
  plantedKey: Map<string, string>;
}

describe('cross-border matching on the demo scenario', { timeout: 120_000 }, () => {
  const encoder = createCrossBorderEncoder(SECRET);
  const nodes: Node[] = (['MX', 'CA', 'US'] as const).map((country) => {
    const scenario = generateScenario({ country, scale: 1 });
    const plantedKey = new Map<string, string>();
    for (const note of scenario.crossBorder) for (const id of note.entityIds) plantedKey.set(id, note.key);
    const subjects: EncodedSubject[] = [];
    for (const e of scenario.entities) {
      if (!e.crossBorderCheck || !isKind(e.schema)) continue;
      const clk = encoder.encode(e.schema, e.properties);
      if (clk) subjects.push({ ref: e.id, kind: e.schema, clk });
    }
    return { country, scenario, subjects, plantedKey };
  });

  it('finds the planted entities present in both countries and few others', () => {
    let expected = 0;
    let found = 0;
    let falsePositives = 0;
    const missed: string[] = [];
    const report: string[] = [];
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      const hits = compareEncodings(a.subjects, b.subjects, lowest).filter((h) => h.score >= CROSS_BORDER_THRESHOLD[h.kind]);
      const hitKeys = new Set<string>();
      let fp = 0;
      for (const h of hits) {
        const key = a.plantedKey.get(h.queryRef);
        if (key !== undefined && key === b.plantedKey.get(h.ownRef)) hitKeys.add(key);
        else fp++;
      }
      const planted = [...new Set(a.scenario.crossBorder.filter((n) => isKind(n.schema) && n.presentIn.includes(b.country)).map((n) => n.key))];
      const got = planted.filter((k) => hitKeys.has(k));
      expected += planted.length;
      found += got.length;
      falsePositives += fp;
      missed.push(...planted.filter((k) => !hitKeys.has(k)).map((k) => `${a.country}×${b.country} ${k}`));
      report.push(`${a.country}×${b.country}: ${a.subjects.length}×${b.subjects.length} encodings, ${got.length}/${planted.length} planted found, ${fp} other hits`);
    }
    const recall = found / expected;
    console.info(`cross-border demo: recall ${recall.toFixed(3)} (${found}/${expected}), ${falsePositives} non-planted hits\n  ${report.join('\n  ')}`);
    expect(expected).toBeGreaterThanOrEqual(30);
    expect(missed).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(falsePositives).toBeLessThanOrEqual(3);
  });

  it('finds the recruiter, his phone and his agency in all three countries', () => {
    for (const key of ['recruiter:jose-luis-hernandez-ruiz', 'phone:recruiter', 'org:enlace-agricola']) {
      const refs = nodes.map((n) => n.scenario.crossBorder.find((x) => x.key === key)!.entityIds[0]!);
      for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) {
        const mine = nodes[i]!.subjects.filter((s) => s.ref === refs[i]);
        const theirs = nodes[j]!.subjects.filter((s) => s.ref === refs[j]);
        expect(mine, key).toHaveLength(1);
        expect(compareEncodings(mine, theirs, CROSS_BORDER_THRESHOLD[mine[0]!.kind]), `${key} ${nodes[i]!.country}×${nodes[j]!.country}`).toHaveLength(1);
      }
    }
  });
});

describe('the Person threshold on synthetic people', { timeout: 120_000 }, () => {
  it('keeps most second sightings and almost no pair of different people', () => {
    const factory = new PeopleFactory(11);
    const encoder = createCrossBorderEncoder(SECRET);
    const asProps = (f: Record<string, string | undefined>): Record<string, string[]> =>
      Object.fromEntries(
        Object.entries({ givenName: f.given_name, surname: f.surname, birthDate: f.date_of_birth, phone: f.phone }).flatMap(([k, v]) => (v ? [[k, [v]]] : [])),
      );
    const left: EncodedSubject[] = [];
    const right: EncodedSubject[] = [];
    for (let i = 0; i < 1500; i++) {
      const person = factory.person(i);
      const a = encoder.encode('Person', asProps(person.fields));
      const b = encoder.encode('Person', asProps(factory.sighting(person).fields));
      if (a && b) {
        left.push({ ref: `${i}`, kind: 'Person', clk: a });
        right.push({ ref: `${i}`, kind: 'Person', clk: b });
      }
    }
    const hits = compareEncodings(left, right, CROSS_BORDER_THRESHOLD.Person);
    const truePairs = hits.filter((h) => h.queryRef === h.ownRef).length;
    const otherPairs = hits.length - truePairs;
    const recall = truePairs / left.length;
    const comparisons = left.length * right.length - left.length;
    console.info(`cross-border Person threshold ${CROSS_BORDER_THRESHOLD.Person}: recall ${recall.toFixed(3)} of ${left.length} sightings, ${otherPairs} of ${comparisons} pairs of different people above it`);
    expect(left.length).toBeGreaterThan(1400);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(otherPairs / comparisons).toBeLessThan(2e-5);
  });
});
