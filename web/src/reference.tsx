/**
 * Reference data (indicator guidance, Palermo elements, typologies, TLP meanings, events)
 * and entity schemata, fetched once per session and shared by every form.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Formatter } from './format';
import type { Locale, Reference, SchemaView } from '../../src/server/api-types';
import { api } from './api';
import { useSession } from './session';
import { useResource, type Resource } from './use-resource';

type Labels = Record<Locale, string>;

/**
 * What GET /api/reference answers: the documented `Reference`, plus fields the node adds
 * (handling purposes, general indicator guidance, guidance per Palermo element). The extras
 * are optional so that the app keeps working with a node that does not send them.
 */
export type ReferenceData = Reference & {
  purposes?: { code: string; label: Labels }[];
  indicatorGuidance?: Labels;
  palermo: Reference['palermo'] & { elementGuidance?: Partial<Record<'act' | 'means' | 'purpose' | 'child' | 'consent', Labels>> };
};

export interface Catalogues {
  reference: ReferenceData;
  schemas: SchemaView[];
  schema: (name: string) => SchemaView | undefined;
}

const CataloguesContext = createContext<Resource<Catalogues> | null>(null);

const loadCatalogues = async (signal: AbortSignal): Promise<Catalogues> => {
  const [reference, schemas] = await Promise.all([
    api.get<ReferenceData>('/reference', undefined, signal),
    api.get<SchemaView[]>('/schema', undefined, signal),
  ]);
  const byName = new Map(schemas.map((s) => [s.name, s]));
  return { reference, schemas, schema: (name) => byName.get(name) };
};

export const CataloguesProvider = ({ children }: { children: ReactNode }) => {
  // event labels come in the user's language: fetch again once a new language is saved
  const locale = useSession().me?.locale;
  const resource = useResource(loadCatalogues, [locale]);
  return <CataloguesContext.Provider value={resource}>{children}</CataloguesContext.Provider>;
};

export const useCatalogues = (): Resource<Catalogues> => {
  const value = useContext(CataloguesContext);
  if (!value) throw new Error('useCatalogues outside CataloguesProvider');
  return value;
};

/** A handling purpose as a person reads it; a narrowed purpose keeps its suffix ("Investigation (mx-2026-000123)"). */
export const purposeLabel = (purpose: string, reference: ReferenceData | undefined, format: Formatter, t: TFunction): string => {
  const [root = purpose, ...rest] = purpose.split('/');
  const entry = reference?.purposes?.find((p) => p.code === root);
  const label = entry ? format.pick(entry.label) : t(`purpose.${root}`, { defaultValue: root });
  return rest.length > 0 ? `${label} (${rest.join('/')})` : label;
};
