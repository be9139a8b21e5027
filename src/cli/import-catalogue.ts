/** Texts of import, export, backup and restore in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const importCatalogue: Catalogue = {
  IMPORT_BAD_MAPPING: {
    en: 'The mapping file is not valid (see docs/import.md):',
    fr: 'Le fichier de correspondance n’est pas valide (voir docs/import.md) :',
    es: 'El archivo de correspondencia no es válido (vea docs/import.md):',
  },
  IMPORT_MAPPING_KIND: { en: 'must be "entities" or "cases"', fr: 'doit valoir « entities » ou « cases »', es: 'debe ser «entities» o «cases»' },
  IMPORT_MAPPING_REQUIRED: { en: 'is required', fr: 'est obligatoire', es: 'es obligatorio' },
  IMPORT_MAPPING_NOT_TEXT: { en: 'must be text (or a list of text values)', fr: 'doit être du texte (ou une liste de textes)', es: 'debe ser texto (o una lista de textos)' },
  IMPORT_MAPPING_SEPARATOR: { en: 'must be one to three characters', fr: 'doit compter de un à trois caractères', es: 'debe tener de uno a tres caracteres' },
  IMPORT_MAPPING_VALUE: { en: 'must be one of: {allowed}', fr: 'doit être l’une des valeurs : {allowed}', es: 'debe ser uno de: {allowed}' },
  IMPORT_MAPPING_ENTITIES_ONLY: { en: 'applies only to "kind": "entities"', fr: 'ne s’applique qu’à "kind": "entities"', es: 'solo se aplica a "kind": "entities"' },
  IMPORT_MAPPING_UNKNOWN_TARGET: {
    en: '{target} is not a known property or field; known: {allowed}',
    fr: '{target} n’est pas une propriété ou un champ connu ; connus : {allowed}',
    es: '{target} no es una propiedad o un campo conocido; conocidos: {allowed}',
  },
  IMPORT_BAD_JSON: { en: '{file} is not valid JSON.', fr: '{file} n’est pas du JSON valide.', es: '{file} no es JSON válido.' },
  IMPORT_JSON_NOT_LIST: {
    en: '{file} must hold a list of objects ([{…}, {…}]) or one object per line (.jsonl).',
    fr: '{file} doit contenir une liste d’objets ([{…}, {…}]) ou un objet par ligne (.jsonl).',
    es: '{file} debe contener una lista de objetos ([{…}, {…}]) o un objeto por línea (.jsonl).',
  },
  IMPORT_BAD_JSON_LINE: { en: 'Line {row} is not valid JSON.', fr: 'La ligne {row} n’est pas du JSON valide.', es: 'La línea {row} no es JSON válido.' },
  IMPORT_NOT_AN_OBJECT: { en: 'this record is not an object ({…})', fr: 'cet enregistrement n’est pas un objet ({…})', es: 'este registro no es un objeto ({…})' },
  IMPORT_BAD_CSV: { en: 'The CSV file cannot be read near line {row}: {reason}', fr: 'Le fichier CSV est illisible vers la ligne {row} : {reason}', es: 'No se puede leer el CSV cerca de la línea {row}: {reason}' },
  IMPORT_DUPLICATE_COLUMN: {
    en: 'The column {column} appears twice in the header.',
    fr: 'La colonne {column} apparaît deux fois dans l’en-tête.',
    es: 'La columna {column} aparece dos veces en el encabezado.',
  },
  IMPORT_CELL_COUNT: {
    en: 'this row has {cells} cells but the header has {columns} columns',
    fr: 'cette ligne a {cells} cellules mais l’en-tête a {columns} colonnes',
    es: 'esta fila tiene {cells} celdas pero el encabezado tiene {columns} columnas',
  },
  IMPORT_LATIN1: {
    en: 'Note: {file} is not UTF-8; it was read as Windows-1252 (Latin-1), as spreadsheets often save it. Check accented letters in the result.',
    fr: 'Remarque : {file} n’est pas en UTF-8 ; il a été lu en Windows-1252 (Latin-1), comme l’enregistrent souvent les tableurs. Vérifiez les lettres accentuées.',
    es: 'Nota: {file} no está en UTF-8; se leyó como Windows-1252 (Latin-1), como suelen guardarlo las hojas de cálculo. Revise las letras acentuadas.',
  },
  IMPORT_UNKNOWN_COLUMNS: {
    en: 'The mapping names columns the file does not have: {columns}. The file has: {available}',
    fr: 'La correspondance nomme des colonnes absentes du fichier : {columns}. Le fichier a : {available}',
    es: 'La correspondencia nombra columnas que el archivo no tiene: {columns}. El archivo tiene: {available}',
  },
  IMPORT_ID_REQUIRED: { en: 'the row has no id', fr: 'la ligne n’a pas d’identifiant', es: 'la fila no tiene identificador' },
  IMPORT_DUPLICATE_ID: { en: 'the id {id} appears twice in the file', fr: 'l’identifiant {id} apparaît deux fois dans le fichier', es: 'el identificador {id} aparece dos veces en el archivo' },
  IMPORT_UNKNOWN_CASE: {
    en: 'no case with the reference or source id {reference}',
    fr: 'aucun dossier de référence ou d’identifiant source {reference}',
    es: 'no hay ningún caso con la referencia o el identificador de origen {reference}',
  },
  IMPORT_BAD_ROLE: { en: '{value} is not a role; use one of: {allowed}', fr: '{value} n’est pas un rôle ; utilisez : {allowed}', es: '{value} no es un rol; use uno de: {allowed}' },
  IMPORT_AMBIGUOUS_REFERENCE: {
    en: '{value} names more than one imported entity; give the entity’s id instead',
    fr: '{value} désigne plus d’une entité importée ; donnez plutôt l’identifiant de l’entité',
    es: '{value} designa más de una entidad importada; indique el identificador de la entidad',
  },
  IMPORT_BAD_REFERENCE: {
    en: '{value} is not a case reference of the form MX-2024-000123',
    fr: '{value} n’est pas une référence de dossier de la forme CA-2024-000123',
    es: '{value} no es una referencia de caso de la forma MX-2024-000123',
  },
  IMPORT_DUPLICATE_REFERENCE: {
    en: 'the reference {reference} is already used by row {row}',
    fr: 'la référence {reference} est déjà utilisée par la ligne {row}',
    es: 'la referencia {reference} ya la usa la fila {row}',
  },
  IMPORT_REFERENCE_TAKEN: {
    en: 'another case already has the reference {reference}',
    fr: 'un autre dossier a déjà la référence {reference}',
    es: 'otro caso ya tiene la referencia {reference}',
  },
  IMPORT_ROW_ISSUE: { en: 'row {row}, {field}: {message}', fr: 'ligne {row}, {field} : {message}', es: 'fila {row}, {field}: {message}' },
  IMPORT_ROW_ISSUE_VALUE: {
    en: 'row {row}, {field}: {message} (value: "{value}")',
    fr: 'ligne {row}, {field} : {message} (valeur : « {value} »)',
    es: 'fila {row}, {field}: {message} (valor: «{value}»)',
  },
  IMPORT_ROW_DIFFERS: {
    en: 'row {row}: {id} is already present with other values; left unchanged (edit it in the application)',
    fr: 'ligne {row} : {id} est déjà présent avec d’autres valeurs ; laissé tel quel (modifiez-le dans l’application)',
    es: 'fila {row}: {id} ya existe con otros valores; se deja sin cambios (modifíquelo en la aplicación)',
  },
  IMPORT_MORE_ISSUES: { en: '… and {count} more lines.', fr: '… et {count} lignes de plus.', es: '… y {count} líneas más.' },
  IMPORT_PHASE_CHECK: { en: 'checking', fr: 'vérification', es: 'verificación' },
  IMPORT_PHASE_WRITE: { en: 'writing ', fr: 'écriture   ', es: 'escritura   ' },
  IMPORT_SUMMARY: {
    en: '{rows} rows: {created} created, {linked} linked to cases, {unchanged} already present, {differs} present with other values, {invalid} invalid.',
    fr: '{rows} lignes : {created} créées, {linked} liées à des dossiers, {unchanged} déjà présentes, {differs} présentes avec d’autres valeurs, {invalid} invalides.',
    es: '{rows} filas: {created} creadas, {linked} vinculadas a casos, {unchanged} ya presentes, {differs} presentes con otros valores, {invalid} no válidas.',
  },
  IMPORT_SUMMARY_CHECKED: {
    en: '{rows} rows checked: {created} to create, {linked} to link to cases, {unchanged} already present, {differs} present with other values, {invalid} invalid.',
    fr: '{rows} lignes vérifiées : {created} à créer, {linked} à lier à des dossiers, {unchanged} déjà présentes, {differs} présentes avec d’autres valeurs, {invalid} invalides.',
    es: '{rows} filas verificadas: {created} por crear, {linked} por vincular a casos, {unchanged} ya presentes, {differs} presentes con otros valores, {invalid} no válidas.',
  },
  IMPORT_NOTHING_WRITTEN: {
    en: 'Nothing was written: correct the rows above, or use --skip-invalid to import only the valid rows.',
    fr: 'Rien n’a été écrit : corrigez les lignes ci-dessus, ou utilisez --skip-invalid pour n’importer que les lignes valides.',
    es: 'No se escribió nada: corrija las filas anteriores o use --skip-invalid para importar solo las filas válidas.',
  },
  IMPORT_SKIPPED: {
    en: '{invalid} invalid rows were skipped (listed above).',
    fr: '{invalid} lignes invalides ont été ignorées (listées ci-dessus).',
    es: 'Se omitieron {invalid} filas no válidas (listadas arriba).',
  },
  IMPORT_DRY_RUN: { en: 'Dry run: nothing was written.', fr: 'Essai à blanc : rien n’a été écrit.', es: 'Prueba: no se escribió nada.' },
  EXPORT_DONE: {
    en: '{entities} entities and {cases} cases written to {file}.',
    fr: '{entities} entités et {cases} dossiers écrits dans {file}.',
    es: '{entities} entidades y {cases} casos escritos en {file}.',
  },
  EXPORT_FTM_NOTE: {
    en: 'FollowTheMoney: {folded} phones and e-mail addresses folded into their owners, {unowned} without an owner left out, {unmapped} entities of a schema FtM lacks kept under our name (docs/import.md).',
    fr: 'FollowTheMoney : {folded} téléphones et adresses courriel intégrés à leurs titulaires, {unowned} sans titulaire omis, {unmapped} entités d’un schéma absent de FtM gardées sous notre nom (docs/import.md).',
    es: 'FollowTheMoney: {folded} teléfonos y correos integrados en sus titulares, {unowned} sin titular omitidos, {unmapped} entidades de un esquema que FtM no tiene conservadas con nuestro nombre (docs/import.md).',
  },
  CLI_RESTORE_EXISTS: {
    en: 'Refusing to replace {file}: stop the node, then run the restore again with --force.',
    fr: 'Remplacement de {file} refusé : arrêtez le nœud, puis relancez la restauration avec --force.',
    es: 'Se rechaza reemplazar {file}: detenga el nodo y vuelva a restaurar con --force.',
  },
  BACKUP_SECRETS_NOTE: {
    en: 'The backup holds the database only: keep an encrypted copy of {dir} as well (without the keys a restored node cannot read or sign its messages).',
    fr: 'La sauvegarde ne contient que la base : gardez aussi une copie chiffrée de {dir} (sans les clés, un nœud restauré ne peut ni lire ni signer ses messages).',
    es: 'La copia solo contiene la base de datos: guarde también una copia cifrada de {dir} (sin las claves, un nodo restaurado no puede leer ni firmar sus mensajes).',
  },
  RESTORE_NO_IDENTITY: {
    en: 'Note: {dir} has no node.json; copy the node’s node.json and secrets/ from their own backup before starting it.',
    fr: 'Remarque : {dir} n’a pas de node.json ; copiez node.json et secrets/ du nœud depuis leur propre sauvegarde avant de le démarrer.',
    es: 'Nota: {dir} no tiene node.json; copie node.json y secrets/ del nodo desde su propia copia antes de arrancarlo.',
  },
};
