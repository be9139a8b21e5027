import { describe, expect, it } from 'vitest';
import type { ContractAdapter } from './adapters';
import { freshStore } from './harness';

export function searchContract(adapter: ContractAdapter): void {
  describe('search', () => {
    const s = freshStore(adapter);

    /** Terms as domain/search-text gives them: accent- and case-folded. */
    async function seed(): Promise<void> {
      await s.store.search.index('case', 'c1', ['jose', 'nunez', 'avila', 'oaxaca', 'pasaporte']);
      await s.store.search.index('case', 'c2', ['maria', 'nunez', 'tijuana']);
      await s.store.search.index('case', 'c3', ['numero', 'telefono', 'oaxaca']);
      await s.store.search.index('entity', 'e1', ['jose', 'nunez', 'ntk']);
      await s.store.search.index('entity', 'e2', ['francois', 'levesque', 'montreal']);
    }

    it('matches exact terms and ranks by the number of groups matched', async () => {
      await seed();
      const hits = await s.store.search.search([['nunez'], ['oaxaca'], ['jose']], { limit: 10, all: false });
      expect(hits[0]).toEqual({ docType: 'case', docId: 'c1', score: 3 });
      expect(hits.find((h) => h.docId === 'e1')?.score).toBe(2);
      expect(hits.find((h) => h.docId === 'c2')?.score).toBe(1);
      expect(hits.find((h) => h.docId === 'c3')?.score).toBe(1);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      expect(hits.some((h) => h.docId === 'e2')).toBe(false);
    });

    it('matches prefixes ending in *, within the prefix only', async () => {
      await seed();
      const nu = await s.store.search.search([['nu*']], { limit: 10, all: false });
      expect(nu.map((h) => h.docId).sort()).toEqual(['c1', 'c2', 'c3', 'e1']);
      const nun = await s.store.search.search([['nun*']], { limit: 10, all: false });
      expect(nun.map((h) => h.docId).sort()).toEqual(['c1', 'c2', 'e1']);
      // "nuo" sorts right after every term starting with "nun" and must stay out
      await s.store.search.index('case', 'c9', ['nuo', 'nt']);
      expect((await s.store.search.search([['nun*']], { limit: 10, all: false })).map((h) => h.docId)).not.toContain('c9');
    });

    it('counts a group once however many of its alternatives match', async () => {
      await seed();
      const hits = await s.store.search.search([['jose', 'jo*', 'nunez'], ['oaxaca']], { limit: 10, all: false });
      expect(hits[0]).toEqual({ docType: 'case', docId: 'c1', score: 2 });
      expect(hits.find((h) => h.docId === 'e1')?.score).toBe(1);
    });

    it('returns only documents matching every group when all is set', async () => {
      await seed();
      const hits = await s.store.search.search([['nunez'], ['oaxaca', 'tijuana']], { limit: 10, all: true });
      expect(hits.map((h) => h.docId).sort()).toEqual(['c1', 'c2']);
      expect(await s.store.search.search([['nunez'], ['zzz']], { limit: 10, all: true })).toEqual([]);
    });

    it('finds folded forms of accented names (the caller folds)', async () => {
      await seed();
      const hits = await s.store.search.search([['francois'], ['leves*']], { limit: 10, all: true });
      expect(hits).toEqual([{ docType: 'entity', docId: 'e2', score: 2 }]);
    });

    it('stores non-ASCII terms and prefixes as given', async () => {
      await s.store.search.index('entity', 'e7', ['ñandú', 'łódź', '東京']);
      expect(await s.store.search.search([['ñan*']], { limit: 5, all: true })).toEqual([
        { docType: 'entity', docId: 'e7', score: 1 },
      ]);
      expect(await s.store.search.search([['東*']], { limit: 5, all: true })).toHaveLength(1);
    });

    it('filters by document type and applies the limit', async () => {
      await seed();
      const entities = await s.store.search.search([['nunez']], { docType: 'entity', limit: 10, all: false });
      expect(entities).toEqual([{ docType: 'entity', docId: 'e1', score: 1 }]);
      expect(await s.store.search.search([['nunez']], { limit: 2, all: false })).toHaveLength(2);
    });

    it('replaces the terms of a document and removes documents', async () => {
      await seed();
      await s.store.search.index('case', 'c1', ['cerrado']);
      expect((await s.store.search.search([['oaxaca']], { limit: 10, all: false })).map((h) => h.docId)).toEqual(['c3']);
      expect(await s.store.search.search([['cerrado']], { limit: 10, all: false })).toHaveLength(1);
      await s.store.search.remove('case', 'c3');
      expect(await s.store.search.search([['oaxaca']], { limit: 10, all: false })).toEqual([]);
    });

    it('answers nothing to empty queries', async () => {
      await seed();
      expect(await s.store.search.search([], { limit: 10, all: false })).toEqual([]);
      expect(await s.store.search.search([[]], { limit: 10, all: true })).toEqual([]);
      expect(await s.store.search.search([['*']], { limit: 10, all: false })).toEqual([]);
    });
  });
}
