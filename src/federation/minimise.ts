/**
 * Minimisation (docs/protocol/handling.md §7): builds the entities of an outgoing payload
 * from local entities, keeping only the entities and fields a person chose, and refusing a
 * victim's identity unless consent or a legal basis is recorded.
 */
import type { FieldIssue } from '../domain/errors';
import type { Entity } from '../domain/model';
import { isTimestamp } from './bytes';
import type { Json } from './canonical-json';
import { fedError } from './errors';
import type { AlertPayload, IdentityBasis, SharedEntity } from './messages';

/**
 * Properties that identify a person when they belong to a victim or to something linked to
 * one (a phone, an e-mail, a document, an account, an address). Names follow the schema
 * (FollowTheMoney conventions).
 */
export const VICTIM_IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'firstName',
  'middleName',
  'lastName',
  'secondName',
  'fatherName',
  'motherName',
  'alias',
  'weakAlias',
  'previousName',
  'birthDate',
  'birthPlace',
  'nationality',
  'citizenship',
  'idNumber',
  'passportNumber',
  'socialSecurityNumber',
  'taxNumber',
  'number',
  'registrationNumber',
  'accountNumber',
  'iban',
  'address',
  'full',
  'street',
  'street2',
  'postalCode',
  'phone',
  'email',
  'username',
  'handle',
  'url',
  'photo',
  'image',
]);

export interface MinimiseInput {
  /** The node's id: local ids become `<node>:<id>`. */
  node: string;
  /** Entities offered for sharing (e.g. those of a case). */
  entities: Entity[];
  /** Ids of the chosen entities, in the order they should appear. */
  entityIds: string[];
  /** The chosen fields: the same for every entity, or per entity id. */
  fields: string[] | Record<string, string[]>;
  /** Entities that identify a victim: victim subjects and what is linked to them. */
  victimEntityIds: ReadonlySet<string> | string[];
  /** The victim's recorded consent or the recorded legal basis, if any. */
  identityBasis?: IdentityBasis | null;
}

export interface Minimised {
  entities: SharedEntity[];
  identityBasis: IdentityBasis | null;
  /** True when a victim's identity fields are included (audit it as a disclosure). */
  carriesVictimIdentity: boolean;
}

export const globalIdOf = (node: string, localId: string): string => `${node}:${localId}`;

function basisIsRecorded(basis: IdentityBasis | null | undefined): basis is IdentityBasis {
  return !!basis && (basis.kind === 'consent' || basis.kind === 'legal_basis') && basis.reference.trim().length > 0 && isTimestamp(basis.recordedAt);
}

export function minimise(input: MinimiseInput): Minimised {
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  const victims = input.victimEntityIds instanceof Set ? input.victimEntityIds : new Set(input.victimEntityIds);
  const fieldsOf = (id: string): string[] => (Array.isArray(input.fields) ? input.fields : (input.fields[id] ?? []));

  const entities: SharedEntity[] = [];
  const identityIssues: FieldIssue[] = [];
  for (const id of input.entityIds) {
    const entity = byId.get(id);
    if (!entity) throw fedError('FED_MINIMISE_UNKNOWN_ENTITY', { id });
    const properties: Record<string, string[]> = {};
    for (const field of fieldsOf(id)) {
      const values = entity.properties[field];
      if (!values || values.length === 0) continue;
      if (victims.has(id) && VICTIM_IDENTITY_FIELDS.has(field)) {
        identityIssues.push({ field: `${id}.${field}`, code: 'FED_VICTIM_IDENTITY_NEEDS_BASIS' });
      }
      // references to other local entities (edge source/target) become global ids too
      properties[field] = values.map((v) => (byId.has(v) ? globalIdOf(input.node, v) : v));
    }
    if (Object.keys(properties).length > 0) {
      entities.push({ globalId: globalIdOf(input.node, entity.id), schema: entity.schema, properties });
    }
  }
  if (entities.length === 0) throw fedError('FED_MINIMISE_NOTHING_SELECTED');

  const carriesVictimIdentity = identityIssues.length > 0;
  if (carriesVictimIdentity && !basisIsRecorded(input.identityBasis)) {
    throw fedError('FED_VICTIM_IDENTITY_NEEDS_BASIS', { count: identityIssues.length }, identityIssues);
  }
  return {
    entities,
    identityBasis: carriesVictimIdentity ? (input.identityBasis as IdentityBasis) : null,
    carriesVictimIdentity,
  };
}

/** The payload of an Alert built from a minimised selection. */
export function buildAlertPayload(
  alert: { title: string; summary: string; caseReference: string | null },
  selection: MinimiseInput,
): { payload: AlertPayload & Record<string, Json>; carriesVictimIdentity: boolean } {
  const m = minimise(selection);
  const payload = {
    title: alert.title,
    summary: alert.summary,
    caseReference: alert.caseReference,
    entities: m.entities,
    identityBasis: m.identityBasis,
  };
  return { payload: payload as AlertPayload & Record<string, Json>, carriesVictimIdentity: m.carriesVictimIdentity };
}
