/**
 * Entity resolution over the domain's Person entities (schema/person.json): the entity's
 * properties become a person record, then the records are deduplicated. Several values
 * of a property (names, phones, e-mails, documents) are all compared; the best-agreeing
 * pair counts.
 */
import type { Entity } from '../domain/model';
import type { PersonField, PersonRecord } from './person-record';
import { dedupeTable, type DedupeResult, type ResolveOptions } from './resolve';

export interface ResolvePeopleOptions extends ResolveOptions {
  /**
   * Which entities may take part (e.g. a legal-basis or consent filter); the others are
   * left out of the result. Default: every Person entity.
   */
  include?: (entity: Entity) => boolean;
}

const values = (e: Entity, property: string): string[] => e.properties[property] ?? [];

/** A Person entity as a person record for matching. */
export function personRecordOfEntity(e: Entity): PersonRecord {
  const surnames = values(e, 'surname');
  const second = values(e, 'secondSurname');
  const surname = surnames.length && second.length ? [`${surnames[0]} ${second[0]}`, ...surnames.slice(1)] : [...surnames, ...second];
  // a one-word alias is most often a nickname for the given name (Chuy, Pepe, Bill)
  const nicknames = values(e, 'alias').filter((a) => a.trim().split(/\s+/).length === 1);
  const fields: Partial<Record<PersonField, string[]>> = {
    given_name: [...values(e, 'givenName'), ...nicknames],
    surname,
    full_name: values(e, 'name'),
    date_of_birth: values(e, 'birthDate'),
    sex: values(e, 'gender'),
    country: values(e, 'nationality'),
    address_1: values(e, 'address'),
    email: values(e, 'email'),
    phone: values(e, 'phone'),
    identifier: [...values(e, 'idNumber'), ...values(e, 'passportNumber')],
  };
  return { id: e.id, fields };
}

/** Groups the Person entities that describe the same person, with the pairs explained. */
export function resolvePeople(entities: readonly Entity[], options: ResolvePeopleOptions = {}): DedupeResult {
  const people = entities.filter((e) => e.schema === 'Person' && (options.include ? options.include(e) : true));
  return dedupeTable(people.map(personRecordOfEntity), options);
}
