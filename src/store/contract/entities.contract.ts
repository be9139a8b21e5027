import { describe, expect, it } from 'vitest';
import type { ContractAdapter } from './adapters';
import { edge, entity, tick } from './fixtures';
import { freshStore, rejectsWithCode } from './harness';

export function entitiesContract(adapter: ContractAdapter): void {
  describe('entities', () => {
    const s = freshStore(adapter);
    const owner = 'agency-mx';

    it('creates and reads entities with their multi-valued properties', async () => {
      const p = entity(owner, {
        properties: { name: ['María Pérez', 'Maria Perez'], birthDate: ['1990-04'], nationality: ['mx'] },
        crossBorderCheck: true,
      });
      await s.store.entities.create(p);
      expect(await s.store.entities.get(p.id)).toEqual(p);
      expect(await s.store.entities.get('missing')).toBeUndefined();
      await rejectsWithCode(s.store.entities.create(p), 'STORE_DUPLICATE');
    });

    it('gets many in the order asked, skipping unknown ids', async () => {
      const a = entity(owner);
      const b = entity(owner);
      const c = entity(owner);
      for (const e of [a, b, c]) await s.store.entities.create(e);
      const got = await s.store.entities.getMany([c.id, 'nope', a.id]);
      expect(got.map((e) => e.id)).toEqual([c.id, a.id]);
    });

    it('updates with optimistic concurrency', async () => {
      const p = entity(owner);
      await s.store.entities.create(p);
      const changed = { ...p, caption: 'José Núñez', properties: { name: ['José Núñez'] }, updatedAt: tick() };
      await s.store.entities.update(changed, 1);
      expect(await s.store.entities.get(p.id)).toEqual({ ...changed, version: 2 });
      await rejectsWithCode(s.store.entities.update({ ...changed, caption: 'stale' }, 1), 'STORE_VERSION_CONFLICT');
      expect((await s.store.entities.get(p.id))?.caption).toBe('José Núñez');
      await rejectsWithCode(s.store.entities.update({ ...p, id: 'ghost' }, 1), 'STORE_NOT_FOUND');
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const p = entity(owner);
      await s.store.entities.create(p);
      const results = await Promise.allSettled([
        s.store.entities.update({ ...p, caption: 'first' }, 1),
        s.store.entities.update({ ...p, caption: 'second' }, 1),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as { code: string }).code).toBe('STORE_VERSION_CONFLICT');
    });

    it('finds by normalised property value and keeps the index in step with updates', async () => {
      const p = entity(owner, { properties: { name: ['José Núñez Ávila'], email: ['J.Nunez@Example.MX '] } });
      const phone = entity(owner, { schema: 'Phone', properties: { number: ['+525512345678'] }, caption: '+525512345678' });
      await s.store.entities.create(p);
      await s.store.entities.create(phone);
      expect((await s.store.entities.findByProperty('Person', 'email', 'j.nunez@example.mx')).map((e) => e.id)).toEqual([p.id]);
      expect((await s.store.entities.findByProperty('Person', 'name', '  josé   núñez ávila')).map((e) => e.id)).toEqual([p.id]);
      expect(await s.store.entities.findByProperty('Phone', 'email', 'j.nunez@example.mx')).toEqual([]);
      expect(await s.store.entities.findByProperty('Person', 'name', 'j.nunez@example.mx')).toEqual([]);

      await s.store.entities.update({ ...p, properties: { name: ['José Núñez Ávila'], email: ['jose@example.ca'] } }, 1);
      expect(await s.store.entities.findByProperty('Person', 'email', 'j.nunez@example.mx')).toEqual([]);
      expect(await s.store.entities.findByProperty('Person', 'email', 'JOSE@example.ca')).toHaveLength(1);
    });

    it('finds long values exactly', async () => {
      const note = 'Descripción larga del lugar de trabajo. '.repeat(20);
      const site = entity(owner, { schema: 'Worksite', properties: { description: [note] }, caption: 'Rancho' });
      await s.store.entities.create(site);
      expect(await s.store.entities.findByProperty('Worksite', 'description', note)).toHaveLength(1);
      expect(await s.store.entities.findByProperty('Worksite', 'description', note + 'x')).toHaveLength(0);
    });

    it('lists the edges of an entity, optionally of given schemata', async () => {
      const recruiter = entity(owner, { caption: 'Agencia de Empleo del Sur', schema: 'Organization' });
      const worker = entity(owner);
      const other = entity(owner);
      const employment = edge(owner, 'Employment', { employer: [recruiter.id], employee: [worker.id] });
      const recruitment = edge(owner, 'Recruitment', { recruiter: [recruiter.id], recruit: [other.id] });
      const unrelated = edge(owner, 'Family', { person: [other.id], relative: [worker.id] });
      for (const e of [recruiter, worker, other, employment, recruitment, unrelated]) await s.store.entities.create(e);

      expect((await s.store.entities.listEdgesOf(recruiter.id)).map((e) => e.id).sort()).toEqual(
        [employment.id, recruitment.id].sort(),
      );
      expect((await s.store.entities.listEdgesOf(worker.id)).map((e) => e.id).sort()).toEqual(
        [employment.id, unrelated.id].sort(),
      );
      expect((await s.store.entities.listEdgesOf(recruiter.id, { schemas: ['Recruitment'] })).map((e) => e.id)).toEqual([
        recruitment.id,
      ]);
      expect(await s.store.entities.listEdgesOf(employment.id)).toEqual([]);
    });

    it('lists with schema and cross-border filters, pages and totals', async () => {
      const people = Array.from({ length: 7 }, (_, i) => entity(owner, { crossBorderCheck: i % 2 === 0 }));
      const phones = Array.from({ length: 3 }, () => entity(owner, { schema: 'Phone', caption: 'phone' }));
      for (const e of [...people, ...phones]) await s.store.entities.create(e);

      const all = await s.store.entities.list();
      expect(all.total).toBe(10);
      expect(all.items.map((e) => e.id)).toEqual([...people, ...phones].map((e) => e.id));

      const page = await s.store.entities.list({ schema: 'Person', limit: 3, offset: 3 });
      expect(page.total).toBe(7);
      expect(page.items.map((e) => e.id)).toEqual(people.slice(3, 6).map((e) => e.id));

      const marked = await s.store.entities.list({ schema: 'Person', crossBorderCheck: true });
      expect(marked.total).toBe(4);
      expect(marked.items.every((e) => e.crossBorderCheck)).toBe(true);
    });
  });
}
