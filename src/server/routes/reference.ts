import type { FastifyInstance } from 'fastify';
import { schemata } from '../../domain/schema';
import { referenceData } from '../../domain/reference/for-ui';
import { requireUser } from '../session';
import type { SchemaView } from '../api-types';
import type { RouteDeps } from './index';

function schemaViews(): SchemaView[] {
  return schemata
    .all()
    .filter((s) => !s.abstract)
    .map((s) => ({
      name: s.name,
      label: s.label,
      plural: s.plural,
      edge: s.edge ? { source: s.edge.source, target: s.edge.target, label: s.edge.label } : null,
      properties: Object.values(s.properties).map((p) => ({
        name: p.name,
        type: p.type,
        label: p.label,
        required: s.required.includes(p.name),
        multiple: p.multiple,
        ...(p.enum ? { options: p.enum.map((code) => ({ code, label: p.enumLabels?.[code] ?? { en: code, fr: code, es: code } })) } : {}),
        ...(p.range ? { range: p.range } : {}),
      })),
    }));
}

export async function referenceRoutes(app: FastifyInstance, _deps: RouteDeps): Promise<void> {
  const views = schemaViews();
  app.get('/api/schema', { schema: { tags: ['reference'], summary: 'Entity and edge types, with labels in three languages' } }, async (request) => {
    requireUser(request);
    return views;
  });
  app.get('/api/reference', { schema: { tags: ['reference'], summary: 'Indicators, Palermo elements, typologies, TLP, labour programs, events — each with its source' } }, async (request) => {
    requireUser(request);
    return referenceData();
  });
}
