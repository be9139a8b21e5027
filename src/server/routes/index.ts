import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context';
import type { Config } from '../config';
import { VERSION } from '../version';
import { authRoutes } from './auth';
import { caseRoutes } from './cases';
import { entityRoutes } from './entities';
import { adminRoutes } from './admin';
import { auditRoutes } from './audit';
import { referenceRoutes } from './reference';
import { federationRoutes } from './federation';
import { resolutionRoutes } from './resolution';
import { crossBorderRoutes } from './cross-border';

export interface RouteDeps {
  ctx: AppContext;
  config: Config;
}

export async function registerRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  app.get('/api/health', { schema: { tags: ['node'], summary: 'Liveness and the node’s country', security: [] } }, async () => ({
    status: 'ok',
    country: deps.ctx.node.country,
    node: deps.ctx.node.name,
    version: VERSION,
  }));
  await authRoutes(app, deps);
  await caseRoutes(app, deps);
  await entityRoutes(app, deps);
  await adminRoutes(app, deps);
  await auditRoutes(app, deps);
  await referenceRoutes(app, deps);
  await federationRoutes(app, deps);
  await resolutionRoutes(app, deps);
  await crossBorderRoutes(app, deps);
}
