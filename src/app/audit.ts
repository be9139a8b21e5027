/** One way to write an audit entry from a service. */
import type { Actor } from '../domain/model';
import type { AuditEntry } from '../domain/model';
import type { Repositories } from '../store/ports';
import type { Clock } from './context';

export interface AuditTarget {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  caseId?: string | null;
  detail?: Record<string, unknown>;
}

export function auditActorLabel(actor: Actor | null, email?: string): string {
  if (!actor) return 'system';
  return email ?? actor.displayName;
}

export async function audit(
  repos: Pick<Repositories, 'audit'>,
  clock: Clock,
  actor: (Actor & { email?: string }) | null,
  t: AuditTarget,
): Promise<AuditEntry> {
  return repos.audit.append({
    at: clock.now().toISOString(),
    actorId: actor?.userId ?? null,
    actorLabel: actor ? (actor.email ?? actor.displayName) : 'system',
    action: t.action,
    targetType: t.targetType ?? null,
    targetId: t.targetId ?? null,
    caseId: t.caseId ?? null,
    detail: t.detail ?? {},
  });
}
