/**
 * Messages of the linkage module (entity resolution inside a node): errors, warnings and
 * progress steps, each with a stable code and its text in English, French and Spanish.
 * The code is the contract; the text may be reworded.
 */
import type { Catalogue } from '../domain/errors';

export const linkageCatalogue: Catalogue = {
  // CSV reading
  LINK_CSV_EMPTY: {
    en: 'The file {file} is empty: a header row is needed.',
    fr: 'Le fichier {file} est vide : une ligne d’en-tête est nécessaire.',
    es: 'El archivo {file} está vacío: se necesita una fila de encabezado.',
  },
  LINK_CSV_UNTERMINATED_QUOTE: {
    en: 'Row {row} of {file}: a quoted field is never closed.',
    fr: 'Ligne {row} de {file} : un champ entre guillemets n’est jamais fermé.',
    es: 'Fila {row} de {file}: un campo entre comillas nunca se cierra.',
  },
  LINK_CSV_FIELD_COUNT: {
    en: 'Row {row} of {file} has {actual} fields; the header has {expected}.',
    fr: 'La ligne {row} de {file} a {actual} champs ; l’en-tête en a {expected}.',
    es: 'La fila {row} de {file} tiene {actual} campos; el encabezado tiene {expected}.',
  },
  LINK_CSV_DUPLICATE_HEADER: {
    en: 'Column "{column}" appears twice in the header of {file}.',
    fr: 'La colonne « {column} » apparaît deux fois dans l’en-tête de {file}.',
    es: 'La columna «{column}» aparece dos veces en el encabezado de {file}.',
  },
  LINK_CSV_TEXT_AFTER_QUOTE: {
    en: 'Row {row} of {file}: unexpected text after a closing quote.',
    fr: 'Ligne {row} de {file} : texte inattendu après un guillemet fermant.',
    es: 'Fila {row} de {file}: texto inesperado después de una comilla de cierre.',
  },
  // columns and identifiers
  LINK_ID_COLUMN_MISSING: {
    en: 'The identifier column "{column}" is not in {file}. Columns found: {columns}.',
    fr: 'La colonne d’identifiant « {column} » n’est pas dans {file}. Colonnes trouvées : {columns}.',
    es: 'La columna de identificador «{column}» no está en {file}. Columnas encontradas: {columns}.',
  },
  LINK_ID_EMPTY: {
    en: 'Row {row} of {file} has an empty identifier.',
    fr: 'La ligne {row} de {file} a un identifiant vide.',
    es: 'La fila {row} de {file} tiene un identificador vacío.',
  },
  LINK_ID_DUPLICATE: {
    en: 'Row {row} of {file} repeats the identifier "{id}".',
    fr: 'La ligne {row} de {file} répète l’identifiant « {id} ».',
    es: 'La fila {row} de {file} repite el identificador «{id}».',
  },
  LINK_COLUMNS_NONE_USABLE: {
    en: 'No column of {file} can be used for matching (columns: {columns}). Give a mapping file with --mapping.',
    fr: 'Aucune colonne de {file} n’est utilisable pour l’appariement (colonnes : {columns}). Fournissez un fichier de correspondance avec --mapping.',
    es: 'Ninguna columna de {file} sirve para el emparejamiento (columnas: {columns}). Indique un archivo de correspondencia con --mapping.',
  },
  LINK_COLUMNS_IGNORED: {
    en: 'Columns of {file} ignored (not recognised): {columns}.',
    fr: 'Colonnes de {file} ignorées (non reconnues) : {columns}.',
    es: 'Columnas de {file} ignoradas (no reconocidas): {columns}.',
  },
  LINK_COLUMNS_NO_COMMON_FIELD: {
    en: 'The two files have no matching field in common.',
    fr: 'Les deux fichiers n’ont aucun champ d’appariement en commun.',
    es: 'Los dos archivos no tienen ningún campo de emparejamiento en común.',
  },
  LINK_MAPPING_BAD_FORMAT: {
    en: 'The mapping file must be JSON of the form {"columns": {"their_column": "given_name"}}.',
    fr: 'Le fichier de correspondance doit être du JSON de la forme {"columns": {"leur_colonne": "given_name"}}.',
    es: 'El archivo de correspondencia debe ser JSON con la forma {"columns": {"su_columna": "given_name"}}.',
  },
  LINK_MAPPING_UNKNOWN_FIELD: {
    en: 'The mapping sends column "{column}" to "{field}", which is not a known field ({fields}).',
    fr: 'La correspondance envoie la colonne « {column} » vers « {field} », qui n’est pas un champ connu ({fields}).',
    es: 'La correspondencia envía la columna «{column}» a «{field}», que no es un campo conocido ({fields}).',
  },
  // model, training, options
  LINK_MODEL_INVALID: {
    en: 'The comparison model is invalid: {reason}.',
    fr: 'Le modèle de comparaison est invalide : {reason}.',
    es: 'El modelo de comparación no es válido: {reason}.',
  },
  LINK_THRESHOLD_INVALID: {
    en: 'The threshold "{value}" must be a probability between 0 and 1.',
    fr: 'Le seuil « {value} » doit être une probabilité entre 0 et 1.',
    es: 'El umbral «{value}» debe ser una probabilidad entre 0 y 1.',
  },
  LINK_EM_NO_DATA: {
    en: 'There are no comparison vectors to train the model on.',
    fr: 'Il n’y a aucun vecteur de comparaison pour entraîner le modèle.',
    es: 'No hay vectores de comparación para entrenar el modelo.',
  },
  LINK_BLOCK_TOO_LARGE: {
    en: 'Blocking rule {rule}: {blocks} blocks larger than {limit} pairs were skipped (other rules still apply).',
    fr: 'Règle de blocage {rule} : {blocks} blocs de plus de {limit} paires ont été ignorés (les autres règles s’appliquent).',
    es: 'Regla de bloqueo {rule}: se omitieron {blocks} bloques de más de {limit} pares (las demás reglas siguen aplicándose).',
  },
  // command line
  LINK_FILE_UNREADABLE: {
    en: 'Cannot read the file {file}.',
    fr: 'Impossible de lire le fichier {file}.',
    es: 'No se puede leer el archivo {file}.',
  },
  LINK_FILE_UNWRITABLE: {
    en: 'Cannot write the file {file}; nothing was written.',
    fr: 'Impossible d’écrire le fichier {file} ; rien n’a été écrit.',
    es: 'No se puede escribir el archivo {file}; no se escribió nada.',
  },
  LINK_FILE_LATIN1: {
    en: '{file} is not valid UTF-8; it was read as Latin-1.',
    fr: '{file} n’est pas en UTF-8 valide ; il a été lu en Latin-1.',
    es: '{file} no es UTF-8 válido; se leyó como Latin-1.',
  },
  // progress steps and summaries
  LINK_STEP_BLOCKING: { en: 'Blocking', fr: 'Blocage', es: 'Bloqueo' },
  LINK_STEP_TRAINING: { en: 'Training (EM)', fr: 'Entraînement (EM)', es: 'Entrenamiento (EM)' },
  LINK_STEP_SCORING: { en: 'Scoring pairs', fr: 'Notation des paires', es: 'Puntuación de pares' },
  LINK_STEP_CLUSTERING: { en: 'Clustering', fr: 'Regroupement', es: 'Agrupamiento' },
  LINK_DONE_JOIN: {
    en: '{pairs} matched pairs written to {file} ({candidates} candidate pairs compared).',
    fr: '{pairs} paires appariées écrites dans {file} ({candidates} paires candidates comparées).',
    es: '{pairs} pares emparejados escritos en {file} ({candidates} pares candidatos comparados).',
  },
  LINK_DONE_DEDUPE: {
    en: '{records} records in {clusters} clusters written to {file}.',
    fr: '{records} enregistrements en {clusters} groupes écrits dans {file}.',
    es: '{records} registros en {clusters} grupos escritos en {file}.',
  },
};
