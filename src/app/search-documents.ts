/**
 * Which texts of a case or an entity go into the full-text index. A case is found by its
 * reference, title, narrative and its non-victim subjects; victims are found only as
 * entities, so that the index never answers questions about a victim to someone who may
 * not see the victim.
 */
import type { Case, Entity } from '../domain/model';
import { getSchema } from '../domain/schema';

export function entitySearchTexts(entity: Entity): string[] {
  const out = [entity.caption];
  const schema = getSchema(entity.schema);
  for (const [prop, values] of Object.entries(entity.properties)) {
    if (schema?.properties[prop]?.type === 'entity') continue; // ids of other entities
    out.push(...values);
  }
  return out;
}

export function caseSearchTexts(kase: Case, nonVictimSubjects: Entity[]): string[] {
  return [
    kase.reference,
    kase.title,
    kase.narrative,
    kase.type.replace(/_/g, ' '),
    kase.labourProgram ?? '',
    ...nonVictimSubjects.map((e) => e.caption),
  ].filter(Boolean);
}
