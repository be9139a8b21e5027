/**
 * Which texts of a case go into the full-text index (entities are indexed by their value
 * types, see domain/entity-terms). A case is found by its reference, title, narrative and
 * its non-victim subjects; victims are found only as entities, so that the index never
 * answers questions about a victim to someone who may not see the victim.
 */
import type { Case, Entity } from '../domain/model';

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
