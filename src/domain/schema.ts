/**
 * Schema as data: the registry of entity and edge types (schema/*.json) and the generic
 * validation every entity goes through. Import from here.
 */
export type { CaptionPart, EdgeSpec, Labels, PropertySpec, PropertyType, Redaction, Schema } from './schema-spec';
export { PROPERTY_TYPES } from './schema-spec';
export {
  SCHEMA_VERSION,
  buildRegistry,
  enumLabel,
  getSchema,
  isA,
  isEdgeSchema,
  matchableProperties,
  pivotProperties,
  propertyLabel,
  schemaLabel,
  schemata,
  type SchemaRegistry,
} from './schema-registry';
export {
  CAPTION_MAX,
  MAX_VALUES_PER_PROPERTY,
  captionFor,
  checkReferences,
  displayCaption,
  edgeEnds,
  referencedIds,
  validateEntity,
  type EntityValidation,
} from './entity-validation';
export type { ValueContext } from './values/types';
