/** What a user sees of an entity: itself, or a victim's stable pseudonym with identifying fields removed. */
import type { Entity, Locale } from '../domain/model';
import { pseudonymFor, redactEntity } from '../domain/pseudonym';
import type { AppContext } from './context';

export interface SeenEntity {
  entity: Entity;
  pseudonymised: boolean;
}

export function presentEntityFor(ctx: Pick<AppContext, 'node'>, entity: Entity, hideIdentity: boolean, locale: Locale = 'en'): SeenEntity {
  if (!hideIdentity) return { entity, pseudonymised: false };
  return { entity: redactEntity(entity, pseudonymFor(entity.id, ctx.node.pseudonymKey, locale)), pseudonymised: true };
}
