/**
 * Importing cases and entities from rows (CSV, JSON) through a mapping. Every row is checked
 * first, against the schema and the store, and the report names the row and the column of
 * each problem; then the valid rows are written in one transaction, or nothing is written
 * when a row is invalid (unless told to skip invalid rows). Ids derive from the source's own
 * ids, so running the same import again finds everything "already present" and changes
 * nothing; a record that is present with other values is reported and left as it is.
 */
import { createHash } from 'node:crypto';
import { AlianzaError, type FieldIssue } from '../domain/errors';
import { SUBJECT_ROLES, type Actor, type Case, type Entity, type SubjectRole } from '../domain/model';
import { checkReferences, validateEntity } from '../domain/entity-validation';
import { getSchema } from '../domain/schema';
import type { Schema } from '../domain/schema-spec';
import { checkNewCase } from '../domain/case';
import { parseCaseReference } from '../domain/case-reference';
import { DEFAULT_HANDLING } from '../domain/handling';
import type { Repositories } from '../store/ports';
import { audit } from './audit';
import type { AppContext } from './context';
import { indexCase, indexEntity } from './entity-service';

export const CASE_FIELDS = ['reference', 'title', 'type', 'polarisType', 'narrative', 'jurisdiction', 'tlp', 'purpose', 'retentionDays', 'consentToForward', 'labourProgram', 'eventId'] as const;
export const DATE_ORDERS = ['YMD', 'DMY', 'MDY'] as const;

export interface ImportMapping {
  kind: 'entities' | 'cases';
  /** entity schema, for kind "entities" (one schema per file) */
  schema?: string;
  /** column holding the source's own id (required: it makes re-runs idempotent) */
  idColumn: string;
  /** source column -> entity property (entities) or case field (cases) */
  columns: Record<string, string>;
  /** property or field -> value used when the row gives none */
  defaults?: Record<string, string>;
  /** separates several values in one cell (default ";") */
  separator?: string;
  /** how day-month-year dates are written in the file (default YMD: only year-first dates) */
  dateOrder?: (typeof DATE_ORDERS)[number];
  /** names the source system, so that two systems' ids cannot collide (default "") */
  source?: string;
  /** entities: column holding a case reference (or the source id of an imported case) */
  caseColumn?: string;
  /** entities: column holding the entity's role in that case; `role` when the column is empty */
  roleColumn?: string;
  role?: string;
  /** entities: mark the imported entities for privacy-preserving cross-border checks */
  crossBorderCheck?: boolean;
}

export type Cell = string | string[];
export interface SourceRow {
  /** the row's number as the reader counts it (CSV: the line in the file, header = 1) */
  row: number;
  cells: Record<string, Cell>;
  /** problems the reader found in the row itself (a wrong number of cells, not an object) */
  problems?: FieldIssue[];
}

export interface RowIssue extends FieldIssue {
  /** the value as written in the file */
  value?: string;
}

export type RowStatus = 'created' | 'linked' | 'unchanged' | 'differs' | 'invalid';

export interface RowResult {
  row: number;
  sourceId: string;
  id?: string;
  status: RowStatus;
  issues: RowIssue[];
}

export interface ImportReport {
  rows: RowResult[];
  created: number;
  linked: number;
  unchanged: number;
  differs: number;
  invalid: number;
  written: boolean;
}

export interface ImportOptions {
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** a label for the audit entry (the file's name) */
  source?: string;
  onProgress?: (phase: 'check' | 'write', done: number, total: number) => void;
}

/** A UUID (version 5 layout) derived from the node, the kind of record and the source's id. */
export function stableId(nodeId: string, key: string, sourceId: string): string {
  const h = createHash('sha256').update(`${nodeId}\u0000${key}\u0000${sourceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const entityKey = (m: Pick<ImportMapping, 'source'>, schema: string) => `entity\u0000${m.source ?? ''}\u0000${schema}`;
const caseKey = (m: Pick<ImportMapping, 'source'>) => `case\u0000${m.source ?? ''}`;

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextMap = (v: unknown): v is Record<string, string> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isText);

/** Checks a mapping's shape and that it names only known properties or case fields. */
export function checkMapping(m: unknown): ImportMapping {
  const issues: FieldIssue[] = [];
  const o = (typeof m === 'object' && m !== null && !Array.isArray(m) ? m : {}) as Record<string, unknown>;
  const req = (field: string) => issues.push({ field, code: 'IMPORT_MAPPING_REQUIRED' });
  if (o.kind !== 'entities' && o.kind !== 'cases') issues.push({ field: 'kind', code: 'IMPORT_MAPPING_KIND' });
  if (!isText(o.idColumn) || !o.idColumn.trim()) req('idColumn');
  if (!isTextMap(o.columns) || Object.keys(o.columns).length === 0) req('columns');
  if (o.defaults !== undefined && !isTextMap(o.defaults)) issues.push({ field: 'defaults', code: 'IMPORT_MAPPING_NOT_TEXT' });
  if (o.separator !== undefined && (!isText(o.separator) || o.separator.length < 1 || o.separator.length > 3)) issues.push({ field: 'separator', code: 'IMPORT_MAPPING_SEPARATOR' });
  if (o.dateOrder !== undefined && !(DATE_ORDERS as readonly unknown[]).includes(o.dateOrder)) issues.push({ field: 'dateOrder', code: 'IMPORT_MAPPING_VALUE', params: { allowed: DATE_ORDERS.join(', ') } });
  if (o.source !== undefined && !isText(o.source)) issues.push({ field: 'source', code: 'IMPORT_MAPPING_NOT_TEXT' });
  let targets: readonly string[] = CASE_FIELDS;
  if (o.kind === 'entities') {
    const schema = isText(o.schema) ? getSchema(o.schema) : undefined;
    if (!isText(o.schema)) req('schema');
    else if (!schema || schema.abstract) issues.push({ field: 'schema', code: 'ENTITY_UNKNOWN_SCHEMA', params: { schema: o.schema.slice(0, 64) } });
    targets = schema ? Object.keys(schema.properties) : [];
    const roles = ['linked', ...SUBJECT_ROLES];
    if (o.role !== undefined && !roles.includes(String(o.role))) issues.push({ field: 'role', code: 'IMPORT_BAD_ROLE', params: { value: String(o.role), allowed: roles.join(', ') } });
    for (const k of ['caseColumn', 'roleColumn'] as const) if (o[k] !== undefined && (!isText(o[k]) || !o[k])) issues.push({ field: k, code: 'IMPORT_MAPPING_NOT_TEXT' });
    if (o.crossBorderCheck !== undefined && typeof o.crossBorderCheck !== 'boolean') issues.push({ field: 'crossBorderCheck', code: 'IMPORT_MAPPING_VALUE', params: { allowed: 'true, false' } });
  } else {
    for (const k of ['schema', 'caseColumn', 'roleColumn', 'role', 'crossBorderCheck']) if (o[k] !== undefined) issues.push({ field: k, code: 'IMPORT_MAPPING_ENTITIES_ONLY' });
  }
  const known = (field: string, target: string) => {
    if (targets.length && !targets.includes(target)) issues.push({ field, code: 'IMPORT_MAPPING_UNKNOWN_TARGET', params: { target, allowed: targets.join(', ') } });
  };
  if (isTextMap(o.columns)) for (const [col, target] of Object.entries(o.columns)) known(`columns.${col}`, target);
  if (isTextMap(o.defaults)) for (const target of Object.keys(o.defaults)) known(`defaults.${target}`, target);
  if (issues.length) throw new AlianzaError('IMPORT_BAD_MAPPING', {}, issues);
  return o as unknown as ImportMapping;
}

/** The columns a mapping reads from the file. */
export function mappedColumns(m: ImportMapping): string[] {
  return [...new Set([m.idColumn, ...Object.keys(m.columns), ...(m.caseColumn ? [m.caseColumn] : []), ...(m.roleColumn ? [m.roleColumn] : [])])];
}

/** A value as the file wrote it, with the column (or the mapping default) it came from. */
interface Sourced {
  value: string;
  label: string;
}

function cellValues(cell: Cell | undefined, sep: string): string[] {
  if (cell === undefined) return [];
  const parts = Array.isArray(cell) ? cell : cell.split(sep);
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** Values for each target (property or case field): mapped columns first, else the default. */
function gather(row: SourceRow, m: ImportMapping): Map<string, Sourced[]> {
  const sep = m.separator ?? ';';
  const out = new Map<string, Sourced[]>();
  for (const [column, target] of Object.entries(m.columns)) {
    const values = m.kind === 'cases' ? [String(row.cells[column] ?? '').trim()].filter(Boolean) : cellValues(row.cells[column], sep);
    out.set(target, [...(out.get(target) ?? []), ...values.map((value) => ({ value, label: column }))]);
  }
  for (const [target, value] of Object.entries(m.defaults ?? {})) {
    if (!out.get(target)?.length && value.trim()) out.set(target, [{ value: value.trim(), label: `defaults.${target}` }]);
  }
  return out;
}

/** "23/07/1994" -> "1994-07-23" under DMY (MDY: month first); other forms pass unchanged. */
export function reorderDate(value: string, order: ImportMapping['dateOrder']): string {
  if (!order || order === 'YMD') return value;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (!m) return value;
  const [day, month] = order === 'DMY' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  return `${m[3]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Moves issues reported on "properties.x[i]" or "handling.tlp" to the column the value came from. */
function locate(issues: FieldIssue[], sourced: Map<string, Sourced[]>, m: ImportMapping, fieldOf: (issueField: string) => [string, number | null]): RowIssue[] {
  return issues.map((i) => {
    const [target, index] = fieldOf(i.field);
    const from = sourced.get(target) ?? [];
    const s = index !== null ? from[index] : from.length === 1 ? from[0] : undefined;
    const column = Object.entries(m.columns).find(([, t]) => t === target)?.[0];
    const label = s?.label ?? from[0]?.label ?? column ?? (target || '-');
    return { ...i, field: label, ...(s ? { value: s.value } : {}) };
  });
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Prepared {
  result: RowResult;
  entity?: Entity;
  kase?: Case;
  /** reference requested by the row (cases); generated at write time when absent */
  reference?: string;
  /** case links to add (entities) */
  links: { caseId: string; role: SubjectRole | 'linked' }[];
}

async function fetchEntities(repos: Repositories, ids: string[]): Promise<Map<string, Entity>> {
  const out = new Map<string, Entity>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) for (const e of await repos.entities.getMany(unique.slice(i, i + 500))) out.set(e.id, e);
  return out;
}

export async function importRecords(ctx: AppContext, actor: Actor | null, agencyId: string, rows: SourceRow[], mapping: ImportMapping, opts: ImportOptions = {}): Promise<ImportReport> {
  const now = ctx.clock.now().toISOString();
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const raw = row.cells[mapping.idColumn];
    const sourceId = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
    const result: RowResult = { row: row.row, sourceId, status: 'invalid', issues: [...(row.problems ?? [])] };
    if (!sourceId) result.issues.push({ field: mapping.idColumn, code: 'IMPORT_ID_REQUIRED' });
    else if (seen.has(sourceId)) result.issues.push({ field: mapping.idColumn, code: 'IMPORT_DUPLICATE_ID', params: { id: sourceId } });
    seen.add(sourceId);
    prepared.push({ result, links: [] });
  }
  if (mapping.kind === 'entities') await prepareEntities(ctx, agencyId, rows, mapping, prepared, now, opts);
  else await prepareCases(ctx, actor, agencyId, rows, mapping, prepared, now, opts);

  const invalid = prepared.filter((p) => p.result.issues.length > 0);
  for (const p of invalid) p.result.status = 'invalid';
  const count = (s: RowStatus) => prepared.filter((p) => p.result.status === s).length;
  const report = (written: boolean): ImportReport => ({
    rows: prepared.map((p) => p.result),
    created: count('created'),
    linked: count('linked'),
    unchanged: count('unchanged'),
    differs: count('differs'),
    invalid: invalid.length,
    written,
  });
  if (opts.dryRun || (invalid.length && !opts.skipInvalid)) return report(false);

  // cases with a reference of their own first, so that generated references never take theirs
  const valid = prepared.filter((p) => !p.result.issues.length).sort((a, b) => Number(!a.reference) - Number(!b.reference));
  await ctx.store.transaction(async (tx) => {
    const touched = new Set<string>();
    for (const [i, p] of valid.entries()) {
      if (p.entity) await writeEntity(ctx, tx, actor, p, touched);
      else if (p.kase) await writeCase(ctx, tx, actor, p, now);
      opts.onProgress?.('write', i + 1, valid.length);
    }
    for (const caseId of touched) {
      const kase = await tx.cases.get(caseId);
      if (!kase) continue;
      const next = { ...kase, updatedAt: now, version: kase.version + 1 };
      await tx.cases.update(next, kase.version);
      const subjects = await tx.cases.listSubjects(caseId);
      await indexCase(tx, next, await tx.entities.getMany(subjects.filter((s) => s.role !== 'victim').map((s) => s.entityId)));
    }
    const r = report(true);
    await audit(tx, ctx.clock, actor, {
      action: 'data.import',
      detail: { kind: mapping.kind, schema: mapping.schema ?? null, source: opts.source ?? null, rows: rows.length, created: r.created, linked: r.linked, unchanged: r.unchanged, differs: r.differs, invalid: r.invalid },
    });
  });
  return report(true);
}

async function prepareEntities(ctx: AppContext, agencyId: string, rows: SourceRow[], m: ImportMapping, prepared: Prepared[], now: string, opts: ImportOptions): Promise<void> {
  const schema = getSchema(m.schema!) as Schema;
  const key = entityKey(m, schema.name);
  const idOf = (sourceId: string) => stableId(ctx.node.nodeId, key, sourceId);
  const refSpecs = Object.values(schema.properties).filter((p) => p.type === 'entity');
  // Entity references name a source id (of an entity imported under this mapping's source) or a stored entity's id.
  const candidates = (v: string) => [...new Set((refSpecs.flatMap((s) => s.range ?? [])).map((r) => stableId(ctx.node.nodeId, entityKey(m, r), v)))];
  const gathered = rows.map((r) => gather(r, m));
  const refValues = gathered.flatMap((g) => refSpecs.flatMap((s) => (g.get(s.name) ?? []).map((x) => x.value)));
  const inFile = new Map<string, Pick<Entity, 'id' | 'schema'>>();
  for (const p of prepared) if (p.result.sourceId) inFile.set(idOf(p.result.sourceId), { id: idOf(p.result.sourceId), schema: schema.name });
  const stored = await fetchEntities(ctx.store, [...prepared.map((p) => idOf(p.result.sourceId)), ...refValues.flatMap((v) => [...candidates(v), v])]);
  const lookup = (id: string) => inFile.get(id) ?? stored.get(id);
  const caseCache = new Map<string, Case | undefined>();
  const linkCache = new Map<string, Set<string>>();

  for (const [i, row] of rows.entries()) {
    const p = prepared[i]!;
    const sourced = gathered[i]!;
    const properties: Record<string, string[]> = {};
    for (const [prop, values] of sourced) {
      const spec = schema.properties[prop]!;
      properties[prop] = values.map((s) => {
        if (spec.type === 'date') return reorderDate(s.value, m.dateOrder);
        if (spec.type !== 'entity') return s.value;
        const found = candidates(s.value).map(lookup).filter((e): e is Pick<Entity, 'id' | 'schema'> => !!e);
        if (found.length > 1) p.result.issues.push({ field: s.label, code: 'IMPORT_AMBIGUOUS_REFERENCE', params: { value: s.value } });
        return found[0]?.id ?? s.value;
      });
    }
    const v = validateEntity(schema.name, properties, { defaultCountry: ctx.node.country });
    const where = (field: string): [string, number | null] => {
      const m2 = /^properties\.([^.[]+)(?:\[(\d+)\])?/.exec(field);
      return m2 ? [m2[1]!, m2[2] !== undefined ? Number(m2[2]) : null] : [field, null];
    };
    if (!v.ok) {
      p.result.issues.push(...locate(v.issues, sourced, m, where));
    } else {
      p.result.issues.push(...locate(checkReferences(schema, v.properties, lookup), sourced, m, where));
    }
    const links = await caseLinks(ctx, row, m, p, caseCache);
    opts.onProgress?.('check', i + 1, rows.length);
    if (p.result.issues.length || !v.ok) continue;

    const id = idOf(p.result.sourceId);
    p.result.id = id;
    const existing = stored.get(id);
    p.entity = existing ?? { id, schema: schema.name, properties: v.properties, caption: v.caption, owningAgencyId: agencyId, crossBorderCheck: m.crossBorderCheck ?? false, createdAt: now, updatedAt: now, version: 1 };
    for (const link of links) {
      if (!linkCache.has(link.caseId)) {
        const [subjects, plain] = await Promise.all([ctx.store.cases.listSubjects(link.caseId), ctx.store.cases.listLinks(link.caseId)]);
        linkCache.set(link.caseId, new Set([...subjects.map((s) => `${s.entityId}/${s.role}`), ...plain.map((l) => `${l.entityId}/linked`)]));
      }
      if (!linkCache.get(link.caseId)!.has(`${id}/${link.role}`)) p.links.push(link);
    }
    if (!existing) p.result.status = 'created';
    else if (existing.schema !== schema.name || !sameJson(existing.properties, v.properties)) p.result.status = 'differs';
    else p.result.status = p.links.length ? 'linked' : 'unchanged';
  }
}

/** The cases a row links its entity to, with the role; problems go to the row's issues. */
async function caseLinks(ctx: AppContext, row: SourceRow, m: ImportMapping, p: Prepared, cache: Map<string, Case | undefined>): Promise<Prepared['links']> {
  if (!m.caseColumn) return [];
  const sep = m.separator ?? ';';
  const refs = cellValues(row.cells[m.caseColumn], sep);
  if (!refs.length) return [];
  const roleCell = m.roleColumn ? cellValues(row.cells[m.roleColumn], sep)[0] : undefined;
  const roleRaw = (roleCell ?? m.role ?? 'linked').toLowerCase();
  const roles = ['linked', ...SUBJECT_ROLES];
  if (!roles.includes(roleRaw)) {
    p.result.issues.push({ field: m.roleColumn ?? 'role', code: 'IMPORT_BAD_ROLE', params: { value: roleRaw, allowed: roles.join(', ') } });
    return [];
  }
  const out: Prepared['links'] = [];
  for (const ref of refs) {
    if (!cache.has(ref)) cache.set(ref, (await ctx.store.cases.getByReference(ref.toUpperCase())) ?? (await ctx.store.cases.get(stableId(ctx.node.nodeId, caseKey(m), ref))));
    const kase = cache.get(ref);
    if (!kase) p.result.issues.push({ field: m.caseColumn, code: 'IMPORT_UNKNOWN_CASE', params: { reference: ref } });
    else out.push({ caseId: kase.id, role: roleRaw as SubjectRole | 'linked' });
  }
  return out;
}

async function writeEntity(ctx: AppContext, tx: Repositories, actor: Actor | null, p: Prepared, touched: Set<string>): Promise<void> {
  const e = p.entity!;
  if (p.result.status === 'created') {
    if (await tx.entities.get(e.id)) p.result.status = 'unchanged';
    else {
      await tx.entities.create(e);
      await indexEntity(tx, e);
    }
  }
  for (const link of p.links) {
    if (link.role === 'linked') {
      await tx.cases.linkEntity({ caseId: link.caseId, entityId: e.id, addedAt: e.updatedAt });
      await audit(tx, ctx.clock, actor, { action: 'case.entity.link', targetType: 'entity', targetId: e.id, caseId: link.caseId, detail: { schema: e.schema, via: 'import' } });
    } else {
      await tx.cases.addSubject({ caseId: link.caseId, entityId: e.id, role: link.role, addedAt: ctx.clock.now().toISOString() });
      await audit(tx, ctx.clock, actor, { action: 'case.subject.add', targetType: 'entity', targetId: e.id, caseId: link.caseId, detail: { role: link.role, schema: e.schema, via: 'import' } });
    }
    touched.add(link.caseId);
  }
}

const CASE_ISSUE_FIELD: Record<string, string> = {
  'handling.tlp': 'tlp',
  'handling.purpose': 'purpose',
  'handling.retentionDays': 'retentionDays',
  'handling.originatorConsentRequiredToForward': 'consentToForward',
};

function yesNo(v: string): boolean | undefined {
  const f = v.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'oui', 'o', 'sí', 'si', 's'].includes(f)) return true;
  if (['false', 'no', 'n', '0', 'non'].includes(f)) return false;
  return undefined;
}

async function prepareCases(ctx: AppContext, actor: Actor | null, agencyId: string, rows: SourceRow[], m: ImportMapping, prepared: Prepared[], now: string, opts: ImportOptions): Promise<void> {
  const references = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const p = prepared[i]!;
    const sourced = gather(row, m);
    const get = (f: string) => sourced.get(f)?.[0]?.value ?? '';
    const input: Record<string, unknown> = { title: get('title'), type: get('type').toLowerCase().replace(/[\s-]+/g, '_') };
    for (const f of ['polarisType', 'narrative', 'jurisdiction', 'labourProgram', 'eventId'] as const) if (get(f)) input[f] = get(f);
    const consent = get('consentToForward') ? yesNo(get('consentToForward')) : true;
    input.handling = {
      tlp: (get('tlp') || DEFAULT_HANDLING.tlp).toUpperCase().replace(/^TLP:/, '').replace(/\s+/g, '+'),
      purpose: get('purpose') || DEFAULT_HANDLING.purpose,
      retentionDays: get('retentionDays') ? Number(get('retentionDays')) : DEFAULT_HANDLING.retentionDays,
      originatorConsentRequiredToForward: consent ?? 'invalid',
    };
    const id = stableId(ctx.node.nodeId, caseKey(m), p.result.sourceId);
    const checked = checkNewCase(input, { id, reference: 'pending', owningAgencyId: agencyId, createdBy: actor?.userId ?? 'import', now, defaultJurisdiction: ctx.node.country });
    if (!checked.ok) p.result.issues.push(...locate(checked.issues, sourced, m, (f) => [CASE_ISSUE_FIELD[f] ?? f, null]));
    const reference = get('reference').toUpperCase();
    const refLabel = sourced.get('reference')?.[0]?.label ?? 'reference';
    if (reference) {
      const taken = await ctx.store.cases.getByReference(reference);
      if (!parseCaseReference(reference)) p.result.issues.push({ field: refLabel, code: 'IMPORT_BAD_REFERENCE', params: { value: reference } });
      else if (references.has(reference)) p.result.issues.push({ field: refLabel, code: 'IMPORT_DUPLICATE_REFERENCE', params: { reference, row: references.get(reference)! } });
      else if (taken && taken.id !== id) p.result.issues.push({ field: refLabel, code: 'IMPORT_REFERENCE_TAKEN', params: { reference } });
      references.set(reference, p.result.row);
    }
    opts.onProgress?.('check', i + 1, rows.length);
    if (p.result.issues.length || !checked.ok) continue;
    p.result.id = id;
    const existing = await ctx.store.cases.get(id);
    p.kase = existing ?? checked.case;
    if (reference) p.reference = reference;
    if (!existing) p.result.status = 'created';
    else {
      const fields = ['title', 'type', 'polarisType', 'narrative', 'jurisdiction', 'handling', 'labourProgram', 'eventId'] as const;
      const same = fields.every((f) => sameJson(existing[f], checked.case[f])) && (!reference || existing.reference === reference);
      p.result.status = same ? 'unchanged' : 'differs';
    }
  }
}

async function writeCase(ctx: AppContext, tx: Repositories, actor: Actor | null, p: Prepared, now: string): Promise<void> {
  if (p.result.status !== 'created') return;
  if (await tx.cases.get(p.kase!.id)) {
    p.result.status = 'unchanged';
    return;
  }
  const prefix = `${ctx.node.country}-${now.slice(0, 4)}-`;
  const reference = p.reference ?? prefix + String(await tx.cases.nextReferenceNumber(prefix)).padStart(6, '0');
  const kase = { ...p.kase!, reference };
  await tx.cases.create(kase);
  await indexCase(tx, kase, []);
  await audit(tx, ctx.clock, actor, { action: 'case.create', targetType: 'case', targetId: kase.id, caseId: kase.id, detail: { reference, type: kase.type, tlp: kase.handling.tlp, via: 'import' } });
}
