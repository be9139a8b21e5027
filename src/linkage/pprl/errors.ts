/**
 * Messages of privacy-preserving record linkage (CLK encoding and matching of encodings),
 * each with a stable code and its text in English, French and Spanish. Raw values are never
 * placed in a message: a value may be personal data, so messages name the row and the
 * feature only.
 */
import type { Catalogue } from '../../domain/errors';

export const pprlCatalogue: Catalogue = {
  // linkage schema
  PPRL_SCHEMA_NOT_JSON: {
    en: 'The linkage schema is not valid JSON.',
    fr: 'Le schéma de couplage n’est pas du JSON valide.',
    es: 'El esquema de enlace no es JSON válido.',
  },
  PPRL_SCHEMA_VERSION: {
    en: 'Linkage schema version {found} is not supported: the field "version" must be 3.',
    fr: 'La version {found} du schéma de couplage n’est pas prise en charge : le champ « version » doit valoir 3.',
    es: 'La versión {found} del esquema de enlace no es compatible: el campo «version» debe ser 3.',
  },
  PPRL_SCHEMA_MISSING: {
    en: 'The linkage schema lacks the field "{path}".',
    fr: 'Il manque le champ « {path} » dans le schéma de couplage.',
    es: 'Falta el campo «{path}» en el esquema de enlace.',
  },
  PPRL_SCHEMA_UNKNOWN_FIELD: {
    en: 'The field "{path}" is not part of linkage schema version 3.',
    fr: 'Le champ « {path} » ne fait pas partie de la version 3 du schéma de couplage.',
    es: 'El campo «{path}» no forma parte de la versión 3 del esquema de enlace.',
  },
  PPRL_SCHEMA_NOT_OBJECT: {
    en: 'The field "{path}" of the linkage schema must be an object.',
    fr: 'Le champ « {path} » du schéma de couplage doit être un objet.',
    es: 'El campo «{path}» del esquema de enlace debe ser un objeto.',
  },
  PPRL_SCHEMA_NOT_ARRAY: {
    en: 'The field "{path}" of the linkage schema must be a list.',
    fr: 'Le champ « {path} » du schéma de couplage doit être une liste.',
    es: 'El campo «{path}» del esquema de enlace debe ser una lista.',
  },
  PPRL_SCHEMA_NOT_STRING: {
    en: 'The field "{path}" of the linkage schema must be text.',
    fr: 'Le champ « {path} » du schéma de couplage doit être du texte.',
    es: 'El campo «{path}» del esquema de enlace debe ser texto.',
  },
  PPRL_SCHEMA_NOT_BOOLEAN: {
    en: 'The field "{path}" of the linkage schema must be true or false.',
    fr: 'Le champ « {path} » du schéma de couplage doit valoir true ou false.',
    es: 'El campo «{path}» del esquema de enlace debe ser true o false.',
  },
  PPRL_SCHEMA_NOT_INTEGER: {
    en: 'The field "{path}" of the linkage schema must be a whole number of at least {min}.',
    fr: 'Le champ « {path} » du schéma de couplage doit être un nombre entier d’au moins {min}.',
    es: 'El campo «{path}» del esquema de enlace debe ser un número entero de al menos {min}.',
  },
  PPRL_SCHEMA_NOT_NUMBER: {
    en: 'The field "{path}" of the linkage schema must be a number greater than 0.',
    fr: 'Le champ « {path} » du schéma de couplage doit être un nombre supérieur à 0.',
    es: 'El campo «{path}» del esquema de enlace debe ser un número mayor que 0.',
  },
  PPRL_SCHEMA_NOT_ONE_OF: {
    en: 'The field "{path}" of the linkage schema must be one of: {allowed}.',
    fr: 'Le champ « {path} » du schéma de couplage doit valoir l’une de ces valeurs : {allowed}.',
    es: 'El campo «{path}» del esquema de enlace debe ser uno de: {allowed}.',
  },
  PPRL_SCHEMA_BAD_BASE64: {
    en: 'The field "{path}" of the linkage schema must hold base64-encoded bytes.',
    fr: 'Le champ « {path} » du schéma de couplage doit contenir des octets encodés en base64.',
    es: 'El campo «{path}» del esquema de enlace debe contener bytes codificados en base64.',
  },
  PPRL_SCHEMA_BAD_PATTERN: {
    en: 'The pattern in "{path}" is not a regular expression this encoder can use.',
    fr: 'Le motif de « {path} » n’est pas une expression régulière utilisable par cet encodeur.',
    es: 'El patrón de «{path}» no es una expresión regular que este codificador pueda usar.',
  },
  PPRL_SCHEMA_PATTERN_WITH_LENGTH: {
    en: 'In "{path}", a pattern cannot be combined with case, minLength or maxLength.',
    fr: 'Dans « {path} », un motif ne peut pas être combiné avec case, minLength ou maxLength.',
    es: 'En «{path}», un patrón no puede combinarse con case, minLength o maxLength.',
  },
  PPRL_SCHEMA_BAD_DATE_FORMAT: {
    en: 'The date format in "{path}" uses the directive "{directive}", which is not supported.',
    fr: 'Le format de date de « {path} » utilise la directive « {directive} », qui n’est pas prise en charge.',
    es: 'El formato de fecha de «{path}» usa la directiva «{directive}», que no es compatible.',
  },
  PPRL_SCHEMA_DUPLICATE_FEATURE: {
    en: 'The feature "{identifier}" appears twice in the linkage schema.',
    fr: 'La caractéristique « {identifier} » apparaît deux fois dans le schéma de couplage.',
    es: 'La característica «{identifier}» aparece dos veces en el esquema de enlace.',
  },
  PPRL_SCHEMA_TWO_STRATEGIES: {
    en: 'In "{path}", give either bitsPerToken or bitsPerFeature, not both.',
    fr: 'Dans « {path} », indiquez bitsPerToken ou bitsPerFeature, pas les deux.',
    es: 'En «{path}», indique bitsPerToken o bitsPerFeature, no ambos.',
  },
  PPRL_SCHEMA_BLAKE_LENGTH: {
    en: 'blakeHash needs a filter length that is a power of two; "{path}" gives {bits} bits before folding.',
    fr: 'blakeHash exige une longueur de filtre égale à une puissance de deux ; « {path} » donne {bits} bits avant repliement.',
    es: 'blakeHash requiere una longitud de filtro que sea potencia de dos; «{path}» da {bits} bits antes del plegado.',
  },
  PPRL_SCHEMA_BLAKE_KEY_SIZE: {
    en: 'blakeHash takes keys of at most 64 bytes; "{path}" asks for {size}.',
    fr: 'blakeHash accepte des clés d’au plus 64 octets ; « {path} » en demande {size}.',
    es: 'blakeHash admite claves de como máximo 64 bytes; «{path}» pide {size}.',
  },
  PPRL_SCHEMA_NUMERIC_PRECISION: {
    en: 'In "{path}", thresholdDistance is zero at the given fractional precision.',
    fr: 'Dans « {path} », thresholdDistance vaut zéro avec la précision décimale indiquée.',
    es: 'En «{path}», thresholdDistance es cero con la precisión decimal indicada.',
  },
  PPRL_SCHEMA_KEY_MATERIAL: {
    en: 'The schema asks HKDF for {bytes} bytes of keys; {hash} can give at most {max}.',
    fr: 'Le schéma demande {bytes} octets de clés à HKDF ; {hash} peut en fournir au plus {max}.',
    es: 'El esquema pide a HKDF {bytes} bytes de claves; {hash} puede dar como máximo {max}.',
  },
  PPRL_SCHEMA_NO_FEATURES: {
    en: 'The linkage schema encodes no feature: at least one feature must not be ignored.',
    fr: 'Le schéma de couplage n’encode aucune caractéristique : au moins une ne doit pas être ignorée.',
    es: 'El esquema de enlace no codifica ninguna característica: al menos una no debe ignorarse.',
  },
  // secret
  PPRL_SECRET_EMPTY: {
    en: 'The linkage secret is empty.',
    fr: 'Le secret de couplage est vide.',
    es: 'El secreto de enlace está vacío.',
  },
  PPRL_SECRET_TOO_SHORT: {
    en: 'The linkage secret has {found} bytes; it needs at least {min} random bytes.',
    fr: 'Le secret de couplage fait {found} octets ; il faut au moins {min} octets aléatoires.',
    es: 'El secreto de enlace tiene {found} bytes; necesita al menos {min} bytes aleatorios.',
  },
  PPRL_SECRET_WEAK: {
    en: 'The linkage secret repeats too few distinct bytes ({found}) to be random; generate a new one.',
    fr: 'Le secret de couplage contient trop peu d’octets distincts ({found}) pour être aléatoire ; générez-en un nouveau.',
    es: 'El secreto de enlace contiene muy pocos bytes distintos ({found}) para ser aleatorio; genere uno nuevo.',
  },
  // records
  PPRL_RECORDS_INVALID: {
    en: '{count} value(s) do not match the linkage schema; nothing was encoded.',
    fr: '{count} valeur(s) ne respectent pas le schéma de couplage ; rien n’a été encodé.',
    es: '{count} valor(es) no cumplen el esquema de enlace; no se codificó nada.',
  },
  PPRL_ROW_LENGTH: {
    en: 'Row {row} has {found} values; the linkage schema has {expected} features.',
    fr: 'La ligne {row} a {found} valeurs ; le schéma de couplage a {expected} caractéristiques.',
    es: 'La fila {row} tiene {found} valores; el esquema de enlace tiene {expected} características.',
  },
  PPRL_VALUE_ENCODING: {
    en: 'Row {row}, feature "{feature}": the value cannot be written in {encoding}.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur ne peut pas s’écrire en {encoding}.',
    es: 'Fila {row}, característica «{feature}»: el valor no puede escribirse en {encoding}.',
  },
  PPRL_VALUE_TOO_SHORT: {
    en: 'Row {row}, feature "{feature}": the value is shorter than {min} characters.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur compte moins de {min} caractères.',
    es: 'Fila {row}, característica «{feature}»: el valor tiene menos de {min} caracteres.',
  },
  PPRL_VALUE_TOO_LONG: {
    en: 'Row {row}, feature "{feature}": the value is longer than {max} characters.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur compte plus de {max} caractères.',
    es: 'Fila {row}, característica «{feature}»: el valor tiene más de {max} caracteres.',
  },
  PPRL_VALUE_CASE: {
    en: 'Row {row}, feature "{feature}": the value must be in {case} case.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur doit être en casse {case}.',
    es: 'Fila {row}, característica «{feature}»: el valor debe estar en {case}.',
  },
  PPRL_VALUE_PATTERN: {
    en: 'Row {row}, feature "{feature}": the value does not match the pattern of the schema.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur ne correspond pas au motif du schéma.',
    es: 'Fila {row}, característica «{feature}»: el valor no coincide con el patrón del esquema.',
  },
  PPRL_VALUE_NOT_INTEGER: {
    en: 'Row {row}, feature "{feature}": the value is not a whole number.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur n’est pas un nombre entier.',
    es: 'Fila {row}, característica «{feature}»: el valor no es un número entero.',
  },
  PPRL_VALUE_BELOW_MINIMUM: {
    en: 'Row {row}, feature "{feature}": the value is below the minimum {min}.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur est inférieure au minimum {min}.',
    es: 'Fila {row}, característica «{feature}»: el valor es menor que el mínimo {min}.',
  },
  PPRL_VALUE_ABOVE_MAXIMUM: {
    en: 'Row {row}, feature "{feature}": the value is above the maximum {max}.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur dépasse le maximum {max}.',
    es: 'Fila {row}, característica «{feature}»: el valor supera el máximo {max}.',
  },
  PPRL_VALUE_NOT_DATE: {
    en: 'Row {row}, feature "{feature}": the value is not a valid date in the format {format}.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur n’est pas une date valide au format {format}.',
    es: 'Fila {row}, característica «{feature}»: el valor no es una fecha válida con el formato {format}.',
  },
  PPRL_VALUE_NOT_IN_ENUM: {
    en: 'Row {row}, feature "{feature}": the value is not one of the values the schema allows.',
    fr: 'Ligne {row}, caractéristique « {feature} » : la valeur ne fait pas partie des valeurs admises par le schéma.',
    es: 'Fila {row}, característica «{feature}»: el valor no es uno de los valores que admite el esquema.',
  },
  PPRL_VALUE_NOT_NUMBER: {
    en: 'Row {row}, feature "{feature}": a numeric comparison needs a finite number.',
    fr: 'Ligne {row}, caractéristique « {feature} » : une comparaison numérique exige un nombre fini.',
    es: 'Fila {row}, característica «{feature}»: una comparación numérica necesita un número finito.',
  },
  // CSV input (read by the command line)
  PPRL_CSV_MALFORMED: {
    en: 'Line {line} of {file} is not well-formed CSV.',
    fr: 'La ligne {line} de {file} n’est pas du CSV bien formé.',
    es: 'La línea {line} de {file} no es CSV bien formado.',
  },
  PPRL_CSV_EMPTY: {
    en: 'The file {file} has no header row.',
    fr: 'Le fichier {file} n’a pas de ligne d’en-tête.',
    es: 'El archivo {file} no tiene fila de encabezado.',
  },
  PPRL_CSV_UNKNOWN_COLUMN: {
    en: 'Column "{column}" of {file} is not a feature of the linkage schema.',
    fr: 'La colonne « {column} » de {file} n’est pas une caractéristique du schéma de couplage.',
    es: 'La columna «{column}» de {file} no es una característica del esquema de enlace.',
  },
  PPRL_CSV_MISSING_COLUMN: {
    en: 'The feature "{column}" of the linkage schema has no column in {file}.',
    fr: 'La caractéristique « {column} » du schéma de couplage n’a pas de colonne dans {file}.',
    es: 'La característica «{column}» del esquema de enlace no tiene columna en {file}.',
  },
  PPRL_CSV_DUPLICATE_COLUMN: {
    en: 'Column "{column}" appears twice in the header of {file}.',
    fr: 'La colonne « {column} » apparaît deux fois dans l’en-tête de {file}.',
    es: 'La columna «{column}» aparece dos veces en el encabezado de {file}.',
  },
  PPRL_CSV_FIELD_COUNT: {
    en: 'Line {line} of {file} has {found} fields; the header has {expected}.',
    fr: 'La ligne {line} de {file} a {found} champs ; l’en-tête en a {expected}.',
    es: 'La línea {line} de {file} tiene {found} campos; el encabezado tiene {expected}.',
  },
  // encodings
  PPRL_CLK_FILE_INVALID: {
    en: 'The file {file} is not a CLK file: it must be JSON of the form {"clks": ["base64", ...]}.',
    fr: 'Le fichier {file} n’est pas un fichier de CLK : il doit être du JSON de la forme {"clks": ["base64", ...]}.',
    es: 'El archivo {file} no es un archivo de CLK: debe ser JSON de la forma {"clks": ["base64", ...]}.',
  },
  PPRL_CLK_BAD_BASE64: {
    en: 'Encoding {index} of {file} is not valid base64.',
    fr: 'L’encodage {index} de {file} n’est pas du base64 valide.',
    es: 'La codificación {index} de {file} no es base64 válido.',
  },
  PPRL_CLK_LENGTH: {
    en: 'Encoding {index} of {file} has {found} bytes; the first one has {expected}.',
    fr: 'L’encodage {index} de {file} fait {found} octets ; le premier en fait {expected}.',
    es: 'La codificación {index} de {file} tiene {found} bytes; la primera tiene {expected}.',
  },
  PPRL_CLK_FILES_MISMATCH: {
    en: 'The encodings of the two files differ in length ({left} and {right} bytes): they were not made with the same schema.',
    fr: 'Les encodages des deux fichiers n’ont pas la même longueur ({left} et {right} octets) : ils n’ont pas été produits avec le même schéma.',
    es: 'Las codificaciones de los dos archivos difieren en longitud ({left} y {right} bytes): no se generaron con el mismo esquema.',
  },
  PPRL_CLK_TOO_LONG: {
    en: 'Encodings of {bits} bits cannot be compared here; the largest supported is {max} bits.',
    fr: 'Des encodages de {bits} bits ne peuvent pas être comparés ici ; le maximum pris en charge est {max} bits.',
    es: 'No se pueden comparar aquí codificaciones de {bits} bits; el máximo admitido es {max} bits.',
  },
  PPRL_THRESHOLD_RANGE: {
    en: 'The threshold must be a number greater than 0 and at most 1; got {value}.',
    fr: 'Le seuil doit être un nombre supérieur à 0 et au plus égal à 1 ; reçu {value}.',
    es: 'El umbral debe ser un número mayor que 0 y como máximo 1; se recibió {value}.',
  },
  PPRL_BLOCKING_RECALL_RANGE: {
    en: 'The target recall of blocking must be between 0.5 and 0.999999; got {value}.',
    fr: 'Le rappel visé par le blocage doit être compris entre 0,5 et 0,999999 ; reçu {value}.',
    es: 'La exhaustividad objetivo del bloqueo debe estar entre 0,5 y 0,999999; se recibió {value}.',
  },
  // options (command line)
  PPRL_OPTION_NOT_ONE_OF: {
    en: 'The option {option} must be one of: {allowed}.',
    fr: 'L’option {option} doit valoir l’une de ces valeurs : {allowed}.',
    es: 'La opción {option} debe ser una de: {allowed}.',
  },
  PPRL_OPTION_NOT_INTEGER: {
    en: 'The option {option} must be a whole number of at least {min}.',
    fr: 'L’option {option} doit être un nombre entier d’au moins {min}.',
    es: 'La opción {option} debe ser un número entero de al menos {min}.',
  },
  // files (command line)
  PPRL_FILE_UNREADABLE: {
    en: 'The file {file} cannot be read.',
    fr: 'Le fichier {file} ne peut pas être lu.',
    es: 'No se puede leer el archivo {file}.',
  },
  PPRL_FILE_UNWRITABLE: {
    en: 'The file {file} cannot be written; nothing was changed.',
    fr: 'Le fichier {file} ne peut pas être écrit ; rien n’a été modifié.',
    es: 'No se puede escribir el archivo {file}; no se cambió nada.',
  },
  PPRL_WORKER_FAILED: {
    en: 'A matching worker stopped unexpectedly; no result was written.',
    fr: 'Un processus de comparaison s’est arrêté de manière inattendue ; aucun résultat n’a été écrit.',
    es: 'Un proceso de comparación se detuvo inesperadamente; no se escribió ningún resultado.',
  },
  // progress (command line)
  PPRL_PROGRESS_ENCODING: {
    en: 'Encoding records',
    fr: 'Encodage des enregistrements',
    es: 'Codificando registros',
  },
  PPRL_PROGRESS_MATCHING: {
    en: 'Comparing encodings',
    fr: 'Comparaison des encodages',
    es: 'Comparando codificaciones',
  },
  PPRL_DONE_ENCODE: {
    en: '{count} records encoded into {file}.',
    fr: '{count} enregistrements encodés dans {file}.',
    es: '{count} registros codificados en {file}.',
  },
  PPRL_DONE_MATCH: {
    en: '{count} pairs at or above {threshold} written to {file}.',
    fr: '{count} paires d’au moins {threshold} écrites dans {file}.',
    es: '{count} pares con al menos {threshold} escritos en {file}.',
  },
};
