/**
 * Reference data (indicator guidance, Palermo elements, typologies, TLP meanings, events)
 * and entity schemata, fetched once per session and shared by every form.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Reference, SchemaView } from '../../src/server/api-types';
import { api } from './api';
import { useResource, type Resource } from './use-resource';

export interface Catalogues {
  reference: Reference;
  schemas: SchemaView[];
  schema: (name: string) => SchemaView | undefined;
}

const CataloguesContext = createContext<Resource<Catalogues> | null>(null);

const loadCatalogues = async (signal: AbortSignal): Promise<Catalogues> => {
  const [reference, schemas] = await Promise.all([
    api.get<Reference>('/reference', undefined, signal),
    api.get<SchemaView[]>('/schema', undefined, signal),
  ]);
  const byName = new Map(schemas.map((s) => [s.name, s]));
  return { reference, schemas, schema: (name) => byName.get(name) };
};

export const CataloguesProvider = ({ children }: { children: ReactNode }) => {
  const resource = useResource(loadCatalogues, []);
  return <CataloguesContext.Provider value={resource}>{children}</CataloguesContext.Provider>;
};

export const useCatalogues = (): Resource<Catalogues> => {
  const value = useContext(CataloguesContext);
  if (!value) throw new Error('useCatalogues outside CataloguesProvider');
  return value;
};
