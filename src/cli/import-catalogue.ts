/** Texts of import and export in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const importCatalogue: Catalogue = {
  IMPORT_BAD_MAPPING: { en: 'The mapping file is not valid.', fr: 'Le fichier de correspondance n’est pas valide.', es: 'El archivo de correspondencia no es válido.' },
  IMPORT_MAPPING_KIND: { en: 'must be "entities" or "cases"', fr: 'doit valoir « entities » ou « cases »', es: 'debe ser «entities» o «cases»' },
  IMPORT_BAD_JSON: { en: '{file} is not valid JSON.', fr: '{file} n’est pas du JSON valide.', es: '{file} no es JSON válido.' },
  IMPORT_BAD_JSON_LINE: { en: 'Line {row} is not valid JSON.', fr: 'La ligne {row} n’est pas du JSON valide.', es: 'La línea {row} no es JSON válido.' },
  IMPORT_BAD_CSV: { en: 'The CSV file cannot be read near row {row}: {reason}', fr: 'Le fichier CSV est illisible vers la ligne {row} : {reason}', es: 'No se puede leer el CSV cerca de la fila {row}: {reason}' },
  IMPORT_UNKNOWN_COLUMNS: { en: 'The mapping names columns the file does not have: {columns}', fr: 'La correspondance nomme des colonnes absentes du fichier : {columns}', es: 'La correspondencia nombra columnas que el archivo no tiene: {columns}' },
  IMPORT_DUPLICATE_ID: { en: 'the id {id} appears twice in the file', fr: 'l’identifiant {id} apparaît deux fois dans le fichier', es: 'el identificador {id} aparece dos veces en el archivo' },
  IMPORT_UNKNOWN_CASE: { en: 'Row {row}: no case with reference {reference}.', fr: 'Ligne {row} : aucun dossier de référence {reference}.', es: 'Fila {row}: no hay ningún caso con la referencia {reference}.' },
  IMPORT_ROW_ISSUE: { en: 'row {row}, {field}: {message}', fr: 'ligne {row}, {field} : {message}', es: 'fila {row}, {field}: {message}' },
  IMPORT_SUMMARY: {
    en: '{rows} rows: {created} created, {unchanged} already present, {invalid} invalid.',
    fr: '{rows} lignes : {created} créées, {unchanged} déjà présentes, {invalid} invalides.',
    es: '{rows} filas: {created} creadas, {unchanged} ya presentes, {invalid} no válidas.',
  },
  IMPORT_NOTHING_WRITTEN: {
    en: 'Nothing was written: correct the rows above, or use --skip-invalid to import only the valid rows.',
    fr: 'Rien n’a été écrit : corrigez les lignes ci-dessus, ou utilisez --skip-invalid pour n’importer que les lignes valides.',
    es: 'No se escribió nada: corrija las filas anteriores o use --skip-invalid para importar solo las filas válidas.',
  },
  IMPORT_DRY_RUN: { en: 'Dry run: nothing was written.', fr: 'Essai à blanc : rien n’a été écrit.', es: 'Prueba: no se escribió nada.' },
  EXPORT_DONE: { en: '{count} records written to {file}.', fr: '{count} enregistrements écrits dans {file}.', es: '{count} registros escritos en {file}.' },
};
