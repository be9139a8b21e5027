/**
 * The status workflow of a case:
 *
 *   open ──► investigating ──► prosecution ──► closed ──► archived
 *     │            │                              ▲  │
 *     └────────────┴──────────────────────────────┘  └──► investigating (reopen)
 *
 * A tip that proves unfounded is closed from "open"; an investigation without charges is
 * closed from "investigating". Archived cases are read-only.
 */
import type { CaseStatus } from './model';

export const STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['investigating', 'closed'],
  investigating: ['prosecution', 'closed'],
  prosecution: ['closed'],
  closed: ['archived', 'investigating'],
  archived: [],
};

/** The statuses a case may move to from `status`. */
export const nextStatuses = (status: CaseStatus): CaseStatus[] => [...(STATUS_TRANSITIONS[status] ?? [])];

/** Staying in the same status is not a transition and is always allowed. */
export const canTransition = (from: CaseStatus, to: CaseStatus): boolean => from === to || (STATUS_TRANSITIONS[from] ?? []).includes(to);
