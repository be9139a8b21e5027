/**
 * Which texts of a case go into the full-text index (entities are indexed by their value
 * types, see domain/entity-terms). A case is found by its reference, title, narrative and
 * its non-victim subjects; victims are found only as entities (and their names are taken
 * out of the indexed title and narrative), so that the index never answers questions
 * about a victim to someone who may not see the victim.
 */
import type { Case, Entity } from '../domain/model';
import { redactNames } from '../domain/redact-text';
import { getSchema } from '../domain/schema';
import { NAME_PARTICLES } from '../domain/values/name';

/**
 * Every name a person is recorded under: name-typed properties, the caption, and each word
 * of them (a narrative may say only "Rosa" or "Ibáñez"); particles such as "de la" are not
 * names on their own.
 */
export function namesOf(entity: Entity): string[] {
  const schema = getSchema(entity.schema);
  const full = [entity.caption];
  for (const [prop, values] of Object.entries(entity.properties)) {
    if (schema?.properties[prop]?.type === 'name') full.push(...values);
  }
  const words = full.flatMap((n) => n.split(/[\s,]+/)).filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
  return [...full, ...words];
}

/** The case's free text with its victims' names taken out (replaced by `replacement`). */
export function withoutVictimNames(text: string, victims: readonly Entity[], replacement: (victim: Entity) => string): string {
  let out = text;
  for (const v of victims) out = redactNames(out, namesOf(v), replacement(v));
  return out;
}

export function caseSearchTexts(kase: Case, nonVictimSubjects: Entity[], victims: Entity[] = []): string[] {
  return [
    kase.reference,
    withoutVictimNames(kase.title, victims, () => ' '),
    withoutVictimNames(kase.narrative, victims, () => ' '),
    kase.type.replace(/_/g, ' '),
    kase.labourProgram ?? '',
    ...nonVictimSubjects.map((e) => e.caption),
  ].filter(Boolean);
}
