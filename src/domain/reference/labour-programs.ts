/**
 * Temporary labour migration programs between Mexico, Canada and the United States, as
 * codes for cases and employment records. Facts from the sources named per program.
 */
import type { CountryCode, Locale } from '../model';

export interface LabourProgram {
  code: string;
  country: CountryCode;
  label: Record<Locale, string>;
  /** other names people use for the program (codes accepted on input) */
  aliases: string[];
  source: string;
}

export const LABOUR_PROGRAMS: readonly LabourProgram[] = [
  {
    code: 'SAWP',
    country: 'CA',
    label: {
      en: 'Seasonal Agricultural Worker Program (SAWP)',
      fr: 'Programme des travailleurs agricoles saisonniers (PTAS)',
      es: 'Programa de Trabajadores Agrícolas Temporales México-Canadá (PTAT)',
    },
    aliases: ['PTAT', 'PTAS'],
    source: 'consulmex Toronto SAWP page (https://consulmex.sre.gob.mx/toronto/index.php/en/swap); Mexico since 1974, recruiting authority STPS; stays of up to 8 months',
  },
  {
    code: 'TFWP',
    country: 'CA',
    label: {
      en: 'Temporary Foreign Worker Program (TFWP)',
      fr: 'Programme des travailleurs étrangers temporaires (PTET)',
      es: 'Programa de Trabajadores Extranjeros Temporales (TFWP)',
    },
    aliases: ['PTET'],
    source: 'LMIA-based program of ESDC with IRCC — https://www.parsis.ca/temporary-foreign-worker-program-tfwp/',
  },
  {
    code: 'H-2A',
    country: 'US',
    label: {
      en: 'H-2A temporary agricultural workers',
      fr: 'H-2A, travailleurs agricoles temporaires',
      es: 'H-2A, trabajadores agrícolas temporales',
    },
    aliases: ['H2A'],
    source: 'globalworkers.org; gob.mx/sre (https://www.gob.mx/sre/prensa/mexico-us-dialogue-on-labor-mobility-advances); worker rights: https://www.dol.gov/agencies/whd/workers/h2a',
  },
  {
    code: 'H-2B',
    country: 'US',
    label: {
      en: 'H-2B temporary non-agricultural workers',
      fr: 'H-2B, travailleurs temporaires non agricoles',
      es: 'H-2B, trabajadores temporales no agrícolas',
    },
    aliases: ['H2B'],
    source: 'http://globalworkers.org/visas/h-2b ; cap of 66,000 per fiscal year plus supplemental allocations',
  },
];

/** The program code for a code or alias in any case ("ptat" -> "SAWP", "h2a" -> "H-2A"). */
export function labourProgramCode(value: string): string | undefined {
  const v = value.trim().toUpperCase();
  return LABOUR_PROGRAMS.find((p) => p.code === v || p.aliases.includes(v))?.code;
}
