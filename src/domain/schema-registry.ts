/**
 * The schema registry: entity and edge types read from the data files in schema/.
 * Generic code (validation, forms, matching, graph building, export) asks the registry
 * which properties a type has and how they behave.
 */
import address from '../../schema/address.json';
import association from '../../schema/association.json';
import bankAccount from '../../schema/bank-account.json';
import communication from '../../schema/communication.json';
import email from '../../schema/email.json';
import employment from '../../schema/employment.json';
import family from '../../schema/family.json';
import identityDocument from '../../schema/identity-document.json';
import interval from '../../schema/interval.json';
import onlineAccount from '../../schema/online-account.json';
import organization from '../../schema/organization.json';
import ownership from '../../schema/ownership.json';
import payment from '../../schema/payment.json';
import person from '../../schema/person.json';
import phone from '../../schema/phone.json';
import recruitment from '../../schema/recruitment.json';
import travel from '../../schema/travel.json';
import vehicle from '../../schema/vehicle.json';
import worksite from '../../schema/worksite.json';
import type { Locale } from './model';
import { parseSchemaFile, resolveSchemata, type PropertySpec, type Schema } from './schema-spec';

/** Version of the entity record format; travels with federated records. */
export const SCHEMA_VERSION = 1;

export const SCHEMA_FILES: readonly unknown[] = [
  interval,
  person,
  organization,
  phone,
  email,
  address,
  vehicle,
  bankAccount,
  identityDocument,
  onlineAccount,
  worksite,
  employment,
  recruitment,
  ownership,
  travel,
  communication,
  payment,
  association,
  family,
];

export interface SchemaRegistry {
  get(name: string): Schema | undefined;
  /** all schemata, abstract ones included, in file order */
  all(): Schema[];
  /** concrete entity types (not edges, not abstract) */
  entityTypes(): Schema[];
  /** concrete edge types */
  edgeTypes(): Schema[];
}

export function buildRegistry(rawFiles: readonly unknown[]): SchemaRegistry {
  const map = resolveSchemata(rawFiles.map(parseSchemaFile));
  const list = [...map.values()];
  return {
    get: (name) => map.get(name),
    all: () => list,
    entityTypes: () => list.filter((s) => !s.abstract && !s.edge),
    edgeTypes: () => list.filter((s) => !s.abstract && s.edge !== null),
  };
}

export const schemata: SchemaRegistry = buildRegistry(SCHEMA_FILES);

/** A concrete (non-abstract) schema, or undefined. */
export function getSchema(name: string): Schema | undefined {
  const s = schemata.get(name);
  return s && !s.abstract ? s : undefined;
}

export const isEdgeSchema = (name: string): boolean => getSchema(name)?.edge != null;

/** True when `schema` is `ancestor` or extends it. */
export const isA = (schema: Schema, ancestor: string): boolean => schema.lineage.includes(ancestor);

export const matchableProperties = (schema: Schema): PropertySpec[] =>
  Object.values(schema.properties).filter((p) => p.matchable);

export const pivotProperties = (schema: Schema): PropertySpec[] => Object.values(schema.properties).filter((p) => p.pivot);

export const schemaLabel = (schema: Schema, locale: Locale, plural = false): string =>
  (plural ? schema.plural : schema.label)[locale];

export function propertyLabel(schema: Schema, property: string, locale: Locale): string {
  return schema.properties[property]?.label[locale] ?? property;
}

/** The label of an enum code (e.g. gender "female" -> "Femme"), or the code itself. */
export function enumLabel(schema: Schema, property: string, code: string, locale: Locale): string {
  return schema.properties[property]?.enumLabels?.[code]?.[locale] ?? code;
}
