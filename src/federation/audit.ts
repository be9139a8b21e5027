/** Audit entries of the federation services (invariant 2: every message sent or received). */
import type { NewAuditEntry } from '../store/ports';
import { iso } from './bytes';
import type { AuditSink, Clock } from './ports';

/** Who acted: a person (user id and e-mail), the node itself, or a peer. */
export interface AuditActor {
  actorId: string | null;
  actorLabel: string;
}

export const SYSTEM: AuditActor = Object.freeze({ actorId: null, actorLabel: 'system' });
export const peerActor = (node: string): AuditActor => ({ actorId: null, actorLabel: `peer:${node}` });

export function federationAudit(sink: AuditSink, clock: Clock) {
  return (
    action: string,
    targetId: string | null,
    detail: Record<string, unknown>,
    actor: AuditActor = SYSTEM,
  ): Promise<void> => {
    const entry: NewAuditEntry = {
      at: iso(clock.now()),
      actorId: actor.actorId,
      actorLabel: actor.actorLabel,
      action,
      targetType: 'federation_message',
      targetId,
      caseId: null,
      detail,
    };
    return sink(entry);
  };
}

export type FederationAudit = ReturnType<typeof federationAudit>;
