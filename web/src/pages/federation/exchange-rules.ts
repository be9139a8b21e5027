/**
 * Small rules the exchange pages apply the same way everywhere: when a request for
 * information is overdue, which TLP labels a holder may still choose when forwarding, how
 * many days of retention are left, and how an audience is typed and remembered.
 */
import type { Handling, Tlp } from '../../../../src/server/api-types';
import type { Audience, ItemSummary } from './federation-types';

const DAY = 86_400_000;

/** From the strictest to the widest (docs/protocol/handling.md §1). */
export const TLP_RANK: Record<Tlp, number> = { RED: 0, 'AMBER+STRICT': 1, AMBER: 2, GREEN: 3, CLEAR: 4 };

/** A request for information whose deadline has passed while no response has been sent or received. */
export const isOverdue = (item: Pick<ItemSummary, 'type' | 'deadline'>, now: number, answered: boolean): boolean =>
  item.type === 'RequestForInformation' && item.deadline !== null && Date.parse(item.deadline) < now && !answered;

/** RED and AMBER+STRICT items never leave the node that received them. */
export const mayForward = (handling: Handling | null): boolean => handling !== null && TLP_RANK[handling.tlp] >= TLP_RANK.AMBER;

/** The labels a forward may carry: the held one or stricter. */
export const forwardLabels = (held: Tlp): Tlp[] => (Object.keys(TLP_RANK) as Tlp[]).filter((tlp) => TLP_RANK[tlp] <= TLP_RANK[held]);

/** Whole days left before a held copy expires (a forward may not keep it longer); at least 1 while it lasts. */
export const daysLeft = (expiresAt: string | null, now: number, fallback: number): number => {
  if (!expiresAt) return fallback;
  const left = Math.floor((Date.parse(expiresAt) - now) / DAY);
  return Math.max(0, Math.min(fallback, left));
};

/** A purpose is within another when equal or narrower ("investigation/mx-123" within "investigation"). */
export const purposeWithin = (purpose: string, held: string): boolean => purpose === held || purpose.startsWith(`${held}/`);

/** "CA-NLO, CA-FPTU" -> ["CA-NLO", "CA-FPTU"], without blanks or repeats. */
export const parseList = (text: string): string[] => [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean))];

/** RED names persons; every other label names agencies. */
export const audienceFor = (tlp: Tlp, text: string): Audience => (tlp === 'RED' ? { agencies: [], persons: parseList(text) } : { agencies: parseList(text), persons: [] });

const MEMORY = 'alianza.audience';
type Remembered = Record<string, { agencies?: string; persons?: string }>;

const readMemory = (): Remembered => {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(MEMORY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Remembered) : {};
  } catch {
    return {};
  }
};

/** The audience last used for a partner node (agency codes or persons), to offer it again. */
export const rememberedAudience = (node: string, tlp: Tlp): string => {
  const entry = readMemory()[node];
  return (tlp === 'RED' ? entry?.persons : entry?.agencies) ?? '';
};

export const rememberAudience = (node: string, tlp: Tlp, text: string): void => {
  try {
    const memory = readMemory();
    memory[node] = { ...memory[node], [tlp === 'RED' ? 'persons' : 'agencies']: parseList(text).join(', ') };
    window.localStorage.setItem(MEMORY, JSON.stringify(memory));
  } catch {
    // storage may be disabled: nothing is remembered
  }
};

/** A `datetime-local` value (local time) as the protocol's UTC timestamp, or null. */
export const localToIso = (value: string): string | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** Now (or `ms` later) as a `datetime-local` value. */
export const isoToLocal = (ms: number): string => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
