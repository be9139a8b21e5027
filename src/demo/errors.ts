/** Error catalogue of the demo scenario generator. */
import type { Catalogue } from '../domain/errors';

export const DEMO_ERRORS: Catalogue = {
  DEMO_UNKNOWN_COUNTRY: {
    en: 'Unknown demo country "{country}": use MX, CA or US.',
    fr: 'Pays de démonstration inconnu « {country} » : utilisez MX, CA ou US.',
    es: 'País de demostración desconocido "{country}": use MX, CA o US.',
  },
  DEMO_BAD_SCALE: {
    en: 'The demo scale must be a number greater than 0 and at most {max} (got {scale}).',
    fr: 'L’échelle de démonstration doit être un nombre supérieur à 0 et d’au plus {max} (reçu : {scale}).',
    es: 'La escala de demostración debe ser un número mayor que 0 y como máximo {max} (se recibió {scale}).',
  },
  DEMO_BAD_SEED: {
    en: 'The demo seed must be a whole number between 0 and 4294967295 (got {seed}).',
    fr: 'La graine de démonstration doit être un entier entre 0 et 4294967295 (reçu : {seed}).',
    es: 'La semilla de demostración debe ser un entero entre 0 y 4294967295 (se recibió {seed}).',
  },
  DEMO_BAD_BATCH_SIZE: {
    en: 'The batch size must be a whole number of cases, at least 1 (got {batchSize}).',
    fr: 'La taille de lot doit être un nombre entier de dossiers, au moins 1 (reçu : {batchSize}).',
    es: 'El tamaño de lote debe ser un número entero de casos, al menos 1 (se recibió {batchSize}).',
  },
};
