/**
 * Three-way merge of a form's draft after someone else saved the same record: every key the
 * person changed since the copy they started from keeps their value; every other key takes the
 * newer saved value. Values are compared by content.
 */
export const mergeByKey = <T extends object>(base: T, mine: T, theirs: T): T => {
  const out = { ...theirs } as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  for (const key of Object.keys(m)) if (JSON.stringify(m[key]) !== JSON.stringify(b[key])) out[key] = m[key];
  return out as T;
};
