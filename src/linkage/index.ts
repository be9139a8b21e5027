/**
 * Entity resolution inside a node: the public surface of src/linkage (the pprl/ folder,
 * for privacy-preserving matching between nodes, has its own).
 */
export { compare, explainVector, type Comparison, type ComparisonPart } from './compare';
export { compileModel, type ComparisonModel, type ModelSpec } from './comparison-model';
export { parseCsv, type CsvTable } from './csv-reader';
export { parseMapping, recogniseColumns, tableToRecords, type ColumnMapping } from './columns';
export { qualityOfClusters, qualityOfPairs, type Quality } from './evaluation';
export { linkageCatalogue } from './errors';
export { normalisePerson, PERSON_FIELDS, type NormalisedPerson, type PersonField, type PersonRecord } from './person-record';
export {
  dedupeNormalised,
  dedupeTable,
  defaultModel,
  linkNormalised,
  linkTables,
  type DedupeResult,
  type LinkOptions,
  type LinkResult,
  type ResolveOptions,
  type ScoredPair,
} from './resolve';
export { personRecordOfEntity, resolvePeople, type ResolvePeopleOptions } from './resolve-people';
export { termFrequencies, type TermFrequencies } from './term-frequency';
export { trainModel, type TrainingReport } from './training';
