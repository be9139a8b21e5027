/**
 * Importing cases and entities from tabular or JSON records through a mapping: every row is
 * validated first (a report names the row and the field), then all valid rows are written in
 * one transaction. Ids derive from the source's own ids, so running the same import twice
 * changes nothing the second time.
 */
import { createHash } from 'node:crypto';
import { AlianzaError, type FieldIssue } from '../domain/errors';
import { CASE_TYPES, SUBJECT_ROLES, TLP_LEVELS, type Actor, type Case, type Entity, type SubjectRole } from '../domain/model';
import { validateEntity } from '../domain/entity-validation';
import { validateNewCase, type NewCaseInput } from '../domain/case';
import { audit } from './audit';
import type { AppContext } from './context';
import { indexCase, indexEntity } from './entity-service';

export interface ImportMapping {
  /** what each row is */
  kind: 'entities' | 'cases';
  /** entity schema, for kind "entities" */
  schema?: string;
  /** column holding the source's own id (required: it makes re-runs idempotent) */
  idColumn: string;
  /** source column -> entity property (entities) or case field (cases) */
  columns: Record<string, string>;
  /** values used when a column is absent or empty */
  defaults?: Record<string, string>;
  /** entities only: link each row to a case by reference, with a role */
  caseReferenceColumn?: string;
  roleColumn?: string;
  /** split multi-valued cells on this separator (default ";") */
  separator?: string;
}

export type Row = Record<string, string>;

export interface RowResult {
  row: number; // 1-based, as a spreadsheet user counts data rows (header = row 1, first data row = 2 for CSV)
  sourceId: string;
  status: 'created' | 'unchanged' | 'invalid';
  issues: FieldIssue[];
}

export interface ImportReport {
  rows: RowResult[];
  created: number;
  unchanged: number;
  invalid: number;
  written: boolean;
}

export function stableId(nodeId: string, kind: string, sourceId: string): string {
  const h = createHash('sha256').update(`${nodeId}\u0000${kind}\u0000${sourceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export function checkMapping(m: unknown): ImportMapping {
  const issues: FieldIssue[] = [];
  const o = (m ?? {}) as Record<string, unknown>;
  if (o.kind !== 'entities' && o.kind !== 'cases') issues.push({ field: 'kind', code: 'IMPORT_MAPPING_KIND' });
  if (typeof o.idColumn !== 'string' || !o.idColumn) issues.push({ field: 'idColumn', code: 'SCHEMA.required' });
  if (!o.columns || typeof o.columns !== 'object') issues.push({ field: 'columns', code: 'SCHEMA.required' });
  if (o.kind === 'entities' && typeof o.schema !== 'string') issues.push({ field: 'schema', code: 'SCHEMA.required' });
  if (issues.length) throw new AlianzaError('IMPORT_BAD_MAPPING', {}, issues);
  return o as unknown as ImportMapping;
}

function cell(row: Row, mapping: ImportMapping, column: string | undefined, field?: string): string {
  const v = column ? (row[column] ?? '').trim() : '';
  return v || (field ? (mapping.defaults?.[field] ?? '') : '');
}

interface Prepared {
  result: RowResult;
  write?: (ctx: AppContext, tx: Parameters<Parameters<AppContext['store']['transaction']>[0]>[0], actor: Actor | null) => Promise<void>;
}

export async function importRecords(
  ctx: AppContext,
  actor: Actor | null,
  agencyId: string,
  rows: Row[],
  mapping: ImportMapping,
  opts: { firstRowNumber?: number; skipInvalid?: boolean; dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  const first = opts.firstRowNumber ?? 2;
  const sep = mapping.separator ?? ';';
  const prepared: Prepared[] = [];
  const now = ctx.clock.now().toISOString();
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const sourceId = (row[mapping.idColumn] ?? '').trim();
    const result: RowResult = { row: first + i, sourceId, status: 'invalid', issues: [] };
    prepared.push({ result });
    if (!sourceId) {
      result.issues.push({ field: mapping.idColumn, code: 'SCHEMA.required' });
      continue;
    }
    if (seen.has(sourceId)) {
      result.issues.push({ field: mapping.idColumn, code: 'IMPORT_DUPLICATE_ID', params: { id: sourceId } });
      continue;
    }
    seen.add(sourceId);
    if (mapping.kind === 'entities') prepareEntity(ctx, agencyId, row, mapping, sep, sourceId, now, prepared[prepared.length - 1]!);
    else await prepareCase(ctx, agencyId, row, mapping, sourceId, now, prepared[prepared.length - 1]!, actor);
    opts.onProgress?.(i + 1, rows.length);
  }
  const invalid = prepared.filter((p) => p.result.issues.length > 0);
  for (const p of invalid) p.result.status = 'invalid';
  const report: ImportReport = { rows: prepared.map((p) => p.result), created: 0, unchanged: 0, invalid: invalid.length, written: false };
  if (opts.dryRun || (invalid.length && !opts.skipInvalid)) return report;
  await ctx.store.transaction(async (tx) => {
    for (const p of prepared) if (!p.result.issues.length && p.write) await p.write(ctx, tx, actor);
    await audit(tx, ctx.clock, actor, { action: 'data.import', detail: { kind: mapping.kind, schema: mapping.schema, rows: rows.length, invalid: invalid.length } });
  });
  report.created = prepared.filter((p) => p.result.status === 'created').length;
  report.unchanged = prepared.filter((p) => p.result.status === 'unchanged').length;
  report.written = true;
  return report;
}

function prepareEntity(ctx: AppContext, agencyId: string, row: Row, mapping: ImportMapping, sep: string, sourceId: string, now: string, p: Prepared): void {
  const properties: Record<string, string[]> = {};
  for (const [column, prop] of Object.entries(mapping.columns)) {
    const v = cell(row, mapping, column, prop);
    if (v) properties[prop] = v.split(sep).map((s) => s.trim()).filter(Boolean);
  }
  for (const [prop, v] of Object.entries(mapping.defaults ?? {})) if (!properties[prop] && v && !['role'].includes(prop)) properties[prop] = [v];
  const v = validateEntity(mapping.schema!, properties, { defaultCountry: ctx.node.country });
  if (!v.ok) {
    p.result.issues.push(...v.issues.map((i) => ({ ...i, field: columnOf(mapping, i.field) })));
    return;
  }
  const id = stableId(ctx.node.nodeId, 'entity', sourceId);
  const caseRef = cell(row, mapping, mapping.caseReferenceColumn);
  const role = (cell(row, mapping, mapping.roleColumn, 'role') || 'linked') as SubjectRole | 'linked';
  if (role !== 'linked' && !(SUBJECT_ROLES as readonly string[]).includes(role)) {
    p.result.issues.push({ field: mapping.roleColumn ?? 'role', code: 'SCHEMA.enum' });
    return;
  }
  p.write = async (_ctx, tx) => {
    const existing = await tx.entities.get(id);
    if (existing) {
      p.result.status = 'unchanged';
    } else {
      const entity: Entity = { id, schema: mapping.schema!, properties: v.properties, caption: v.caption, owningAgencyId: agencyId, crossBorderCheck: false, createdAt: now, updatedAt: now, version: 1 };
      await tx.entities.create(entity);
      await indexEntity(tx, entity);
      p.result.status = 'created';
    }
    if (caseRef) {
      const kase = await tx.cases.getByReference(caseRef);
      if (!kase) throw new AlianzaError('IMPORT_UNKNOWN_CASE', { reference: caseRef, row: p.result.row });
      if (role === 'linked') {
        const links = await tx.cases.listLinks(kase.id);
        if (!links.some((l) => l.entityId === id)) await tx.cases.linkEntity({ caseId: kase.id, entityId: id, addedAt: now });
      } else {
        const subjects = await tx.cases.listSubjects(kase.id);
        if (!subjects.some((s) => s.entityId === id && s.role === role)) await tx.cases.addSubject({ caseId: kase.id, entityId: id, role, addedAt: now });
      }
    }
  };
}

function columnOf(mapping: ImportMapping, field: string): string {
  const prop = field.split(/[.[]/)[0] ?? field;
  const col = Object.entries(mapping.columns).find(([, p]) => p === prop)?.[0];
  return col ? `${col} (${field})` : field;
}

async function prepareCase(ctx: AppContext, agencyId: string, row: Row, mapping: ImportMapping, sourceId: string, now: string, p: Prepared, actor: Actor | null): Promise<void> {
  const get = (field: string) => {
    const col = Object.entries(mapping.columns).find(([, f]) => f === field)?.[0];
    return cell(row, mapping, col, field);
  };
  const tlp = (get('tlp') || 'AMBER').toUpperCase().replace(/^TLP:/, '');
  const type = get('type');
  const issues: FieldIssue[] = [];
  if (!(TLP_LEVELS as readonly string[]).includes(tlp)) issues.push({ field: 'tlp', code: 'SCHEMA.enum' });
  if (!(CASE_TYPES as readonly string[]).includes(type)) issues.push({ field: 'type', code: 'SCHEMA.enum' });
  const retention = Number(get('retentionDays') || '365');
  if (!Number.isInteger(retention) || retention < 1 || retention > 3650) issues.push({ field: 'retentionDays', code: 'SCHEMA.maximum', params: { limit: 3650 } });
  if (issues.length) {
    p.result.issues.push(...issues.map((i) => ({ ...i, field: columnOf(mapping, i.field) })));
    return;
  }
  const input: NewCaseInput = {
    title: get('title'),
    type: type as NewCaseInput['type'],
    polarisType: get('polarisType') || null,
    narrative: get('narrative'),
    jurisdiction: get('jurisdiction') || ctx.node.country,
    handling: { tlp: tlp as NewCaseInput['handling']['tlp'], purpose: get('purpose') || 'investigation', retentionDays: retention, originatorConsentRequiredToForward: true },
    labourProgram: get('labourProgram') || null,
    eventId: get('eventId') || null,
  };
  const id = stableId(ctx.node.nodeId, 'case', sourceId);
  let kase: Case;
  try {
    kase = validateNewCase(input, { id, reference: 'pending', owningAgencyId: agencyId, createdBy: actor?.userId ?? 'import', now, defaultJurisdiction: ctx.node.country });
  } catch (e) {
    if (e instanceof AlianzaError) {
      p.result.issues.push(...(e.issues.length ? e.issues : [{ field: '-', code: e.code, params: e.params }]).map((i) => ({ ...i, field: columnOf(mapping, i.field) })));
      return;
    }
    throw e;
  }
  const reference = get('reference');
  p.write = async (_ctx, tx) => {
    if (await tx.cases.get(id)) {
      p.result.status = 'unchanged';
      return;
    }
    const prefix = `${ctx.node.country}-${now.slice(0, 4)}-`;
    const ref = reference || prefix + String(await tx.cases.nextReferenceNumber(prefix)).padStart(6, '0');
    const full = { ...kase, reference: ref };
    await tx.cases.create(full);
    await indexCase(tx, full, []);
    p.result.status = 'created';
  };
}
