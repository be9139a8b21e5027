/**
 * Loading and saving one case with optimistic concurrency: every edit sends the version it
 * was based on; a 409 CASE_VERSION_CONFLICT reloads the case and says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryView, CaseDetail, CaseEditRequest, ListResult } from '../../../../src/server/api-types';
import { api, ApiFailure } from '../../api';
import { useResource, type Resource } from '../../use-resource';

export const VERSION_CONFLICT = 'CASE_VERSION_CONFLICT';

export type SaveOutcome = { ok: true; detail: CaseDetail } | { ok: false; error: unknown; conflict: boolean };

export interface CaseEditor {
  resource: Resource<CaseDetail>;
  /** the case's audit trail, or null when this user may not read it */
  audit: Resource<ListResult<AuditEntryView> | null>;
  /** set after a version conflict, until the next successful save */
  conflict: boolean;
  dismissConflict: () => void;
  patch: (changes: Omit<CaseEditRequest, 'version'>) => Promise<SaveOutcome>;
  /** POST/DELETE on a sub-resource of the case that answers with the whole case */
  act: (run: () => Promise<CaseDetail>) => Promise<SaveOutcome>;
}

export const AUDIT_PAGE = 200;

export const useCaseEditor = (caseId: string): CaseEditor => {
  const resource = useResource((signal) => api.get<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, undefined, signal), [caseId]);
  const mayReadAudit = resource.data?.permissions.readAudit ?? false;
  const audit = useResource(
    (signal) =>
      mayReadAudit ? api.get<ListResult<AuditEntryView>>(`/cases/${encodeURIComponent(caseId)}/audit`, { limit: AUDIT_PAGE }, signal) : Promise.resolve(null),
    [caseId, mayReadAudit],
  );
  const [conflict, setConflict] = useState(false);
  const versionRef = useRef<number | null>(null);
  versionRef.current = resource.data?.version ?? null;

  useEffect(() => setConflict(false), [caseId]);

  const { replace, reload } = resource;
  const reloadAudit = audit.reload;

  const settle = useCallback(
    async (run: () => Promise<CaseDetail>): Promise<SaveOutcome> => {
      try {
        const detail = await run();
        replace(detail);
        setConflict(false);
        reloadAudit();
        return { ok: true, detail };
      } catch (error) {
        const isConflict = error instanceof ApiFailure && error.code === VERSION_CONFLICT;
        if (isConflict) {
          setConflict(true);
          reload();
          reloadAudit();
        }
        return { ok: false, error, conflict: isConflict };
      }
    },
    [replace, reload, reloadAudit],
  );

  const patch = useCallback(
    (changes: Omit<CaseEditRequest, 'version'>) =>
      settle(() => api.patch<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, { ...changes, version: versionRef.current ?? 0 })),
    [caseId, settle],
  );

  return { resource, audit, conflict, dismissConflict: () => setConflict(false), patch, act: settle };
};

/** Three-way merge of a section's draft: what the person changed since `base` wins over `theirs`. */
export type Merge<T> = (base: T, mine: T, theirs: T) => T;

/**
 * A section's editable copy of part of the case: follows the server while untouched; once
 * the person has edited it and a newer version arrives (another user saved), their edits are
 * replayed onto the newer copy with `merge`, or kept as they are without one.
 */
export const useDraft = <T>(source: T, version: number | undefined, merge?: Merge<T>): [T, (next: T) => void, boolean, () => void] => {
  const [draft, setDraftState] = useState<T>(source);
  const [dirty, setDirty] = useState(false);
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const baseRef = useRef(source);
  const mergeRef = useRef(merge);
  mergeRef.current = merge;

  useEffect(() => {
    const theirs = sourceRef.current;
    if (!dirty) setDraftState(theirs);
    else if (mergeRef.current && baseRef.current !== theirs) {
      const base = baseRef.current;
      setDraftState((mine) => mergeRef.current!(base, mine, theirs));
    }
    baseRef.current = theirs;
  }, [version, dirty]);

  const setDraft = useCallback((next: T) => {
    setDraftState(next);
    setDirty(true);
  }, []);
  const reset = useCallback(() => {
    setDirty(false);
    setDraftState(sourceRef.current);
  }, []);
  return [draft, setDraft, dirty, reset];
};
