/**
 * Purposes for which information is held or shared (part of every handling code). A
 * purpose may be narrowed below its root with slash-separated segments
 * ("investigation/mx-2026-000123"), never widened.
 */
import type { Locale } from '../model';

export interface HandlingPurpose {
  code: string;
  label: Record<Locale, string>;
}

const p = (code: string, en: string, fr: string, es: string): HandlingPurpose => ({ code, label: { en, fr, es } });

export const HANDLING_PURPOSES: readonly HandlingPurpose[] = [
  p('investigation', 'Criminal investigation', 'Enquête criminelle', 'Investigación penal'),
  p('prosecution', 'Prosecution', 'Poursuites', 'Procesamiento penal'),
  p('intelligence', 'Criminal intelligence analysis', 'Analyse du renseignement criminel', 'Análisis de inteligencia criminal'),
  p('victim-support', 'Victim support and protection', 'Aide et protection des victimes', 'Atención y protección a víctimas'),
  p('labour-inspection', 'Labour inspection', 'Inspection du travail', 'Inspección del trabajo'),
  p('event-operations', 'Major-event operations', 'Opérations lors de grands événements', 'Operativos en grandes eventos'),
  p('statistics', 'Statistics', 'Statistiques', 'Estadística'),
  p('oversight', 'Audit and oversight', 'Audit et surveillance', 'Auditoría y supervisión'),
];

/** Lower-case segments of letters, digits and hyphens, separated by "/", at most 64 characters. */
export const PURPOSE_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;
export const PURPOSE_MAX_LENGTH = 64;

/** The root purpose ("investigation" for "investigation/mx-2026-000123"). */
export const purposeRoot = (purpose: string): string => purpose.split('/')[0] ?? purpose;

export const isKnownPurpose = (purpose: string): boolean =>
  purpose.length <= PURPOSE_MAX_LENGTH && PURPOSE_PATTERN.test(purpose) && HANDLING_PURPOSES.some((h) => h.code === purposeRoot(purpose));
