import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { qualityOfClusters, qualityOfPairs } from './evaluation';

describe('linkage quality', () => {
  it('scores found pairs', () => {
    const q = qualityOfPairs([[1, 1], [2, 3], [4, 4]] as const, (a, b) => a === b, 4);
    expect(q).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 2, precision: 2 / 3, recall: 0.5 });
    expect(q.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12);
  });
  it('scores a clustering pairwise, as counting every pair would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 25 }), (labels) => {
        const q = qualityOfClusters(labels.keys(), (i) => labels[i]?.[0], (i) => labels[i]?.[1]);
        let tp = 0;
        let found = 0;
        let truth = 0;
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            const p = labels[i]?.[0] === labels[j]?.[0];
            const t = labels[i]?.[1] === labels[j]?.[1];
            if (p) found++;
            if (t) truth++;
            if (p && t) tp++;
          }
        }
        expect(q.truePositives).toBe(tp);
        expect(q.falsePositives).toBe(found - tp);
        expect(q.falseNegatives).toBe(truth - tp);
      }),
    );
  });
});
