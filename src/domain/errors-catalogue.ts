/**
 * Messages for the domain's error and issue codes, in English, French and Spanish.
 * Issue messages are shown next to the field they concern, so they do not repeat the
 * field's name. `{name}` placeholders are filled from the params.
 */
import type { Catalogue } from './errors';

export const domainCatalogue: Catalogue = {
  // ---- values ---------------------------------------------------------------------
  VALUE_EMPTY: {
    en: 'This field is empty.',
    fr: 'Ce champ est vide.',
    es: 'Este campo está vacío.',
  },
  VALUE_TOO_LONG: {
    en: 'Too long: at most {max} characters.',
    fr: 'Trop long : {max} caractères au maximum.',
    es: 'Demasiado largo: {max} caracteres como máximo.',
  },
  VALUE_INVALID: {
    en: 'This value is not valid.',
    fr: 'Cette valeur n’est pas valide.',
    es: 'Este valor no es válido.',
  },
  VALUE_INVALID_NAME: {
    en: 'A name may contain letters, digits, spaces and the signs \' - . , & ( ) / " only.',
    fr: 'Un nom ne peut contenir que des lettres, des chiffres, des espaces et les signes \' - . , & ( ) / ".',
    es: 'Un nombre solo puede contener letras, dígitos, espacios y los signos \' - . , & ( ) / ".',
  },
  VALUE_INVALID_PHONE: {
    en: 'This is not a valid phone number. Check the digits and the area code.',
    fr: 'Ce numéro de téléphone n’est pas valide. Vérifiez les chiffres et l’indicatif régional.',
    es: 'Este número telefónico no es válido. Revise los dígitos y la clave lada.',
  },
  VALUE_PHONE_NEEDS_COUNTRY: {
    en: 'Add the country code (for example +52 or +1): the country of this number is not known.',
    fr: 'Ajoutez l’indicatif du pays (par exemple +52 ou +1) : le pays de ce numéro est inconnu.',
    es: 'Agregue el código de país (por ejemplo +52 o +1): no se sabe de qué país es este número.',
  },
  VALUE_INVALID_DATE: {
    en: 'Not a valid date. Write it as YYYY, YYYY-MM or YYYY-MM-DD (for example 1994-07-23).',
    fr: 'Date non valide. Écrivez-la sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ (par exemple 1994-07-23).',
    es: 'Fecha no válida. Escríbala como AAAA, AAAA-MM o AAAA-MM-DD (por ejemplo 1994-07-23).',
  },
  VALUE_INVALID_COUNTRY: {
    en: 'Unknown country. Use a two-letter code (MX, CA, US...) or the country’s name.',
    fr: 'Pays inconnu. Utilisez un code à deux lettres (MX, CA, US...) ou le nom du pays.',
    es: 'País desconocido. Use un código de dos letras (MX, CA, US...) o el nombre del país.',
  },
  VALUE_INVALID_EMAIL: {
    en: 'This is not a valid email address.',
    fr: 'Cette adresse courriel n’est pas valide.',
    es: 'Esta dirección de correo electrónico no es válida.',
  },
  VALUE_INVALID_IDENTIFIER: {
    en: 'An identifier may contain only letters, digits and the signs / & (spaces, hyphens and dots are removed).',
    fr: 'Un identifiant ne peut contenir que des lettres, des chiffres et les signes / & (les espaces, traits d’union et points sont retirés).',
    es: 'Un identificador solo puede contener letras, dígitos y los signos / & (se quitan espacios, guiones y puntos).',
  },
  VALUE_INVALID_MONEY: {
    en: 'Write an amount with its currency code, for example 1500 MXN or USD 250.50.',
    fr: 'Indiquez un montant avec le code de sa devise, par exemple 1500 CAD ou USD 250,50.',
    es: 'Escriba un monto con el código de su moneda, por ejemplo 1500 MXN o USD 250.50.',
  },
  VALUE_UNKNOWN_CURRENCY: {
    en: 'Unknown currency “{currency}”. Use an ISO code such as MXN, CAD or USD.',
    fr: 'Devise inconnue « {currency} ». Utilisez un code ISO comme MXN, CAD ou USD.',
    es: 'Moneda desconocida «{currency}». Use un código ISO como MXN, CAD o USD.',
  },
  VALUE_INVALID_URL: {
    en: 'This is not a valid web address (http or https).',
    fr: 'Cette adresse web n’est pas valide (http ou https).',
    es: 'Esta dirección web no es válida (http o https).',
  },
  VALUE_INVALID_NUMBER: {
    en: 'This is not a number.',
    fr: 'Ce n’est pas un nombre.',
    es: 'Esto no es un número.',
  },
  VALUE_AMBIGUOUS_NUMBER: {
    en: 'This number could be read two ways. Write it without a thousands separator (1500) or with a decimal point (1.5).',
    fr: 'Ce nombre peut se lire de deux façons. Écrivez-le sans séparateur de milliers (1500) ou avec une virgule décimale (1,5).',
    es: 'Este número puede leerse de dos maneras. Escríbalo sin separador de miles (1500) o con punto decimal (1.5).',
  },
  VALUE_INVALID_REFERENCE: {
    en: 'This does not identify a record.',
    fr: 'Cette valeur n’identifie aucun enregistrement.',
    es: 'Este valor no identifica ningún registro.',
  },
  VALUE_NOT_IN_LIST: {
    en: 'Choose one of the values offered.',
    fr: 'Choisissez l’une des valeurs proposées.',
    es: 'Elija uno de los valores propuestos.',
  },
  VALUE_INVALID_LOCALE: {
    en: 'Choose English, French or Spanish.',
    fr: 'Choisissez l’anglais, le français ou l’espagnol.',
    es: 'Elija inglés, francés o español.',
  },

  // ---- entities -------------------------------------------------------------------
  ENTITY_UNKNOWN_SCHEMA: {
    en: 'Unknown record type “{schema}”.',
    fr: 'Type d’enregistrement inconnu : « {schema} ».',
    es: 'Tipo de registro desconocido: «{schema}».',
  },
  ENTITY_PROPERTIES_NOT_OBJECT: {
    en: 'The record’s fields are missing or malformed.',
    fr: 'Les champs de l’enregistrement sont absents ou mal formés.',
    es: 'Los campos del registro faltan o tienen un formato incorrecto.',
  },
  ENTITY_UNKNOWN_PROPERTY: {
    en: 'This field does not exist for this type of record.',
    fr: 'Ce champ n’existe pas pour ce type d’enregistrement.',
    es: 'Este campo no existe para este tipo de registro.',
  },
  ENTITY_WRONG_TYPE: {
    en: 'This field expects text.',
    fr: 'Ce champ attend du texte.',
    es: 'Este campo espera texto.',
  },
  ENTITY_REQUIRED: {
    en: 'This field is required.',
    fr: 'Ce champ est obligatoire.',
    es: 'Este campo es obligatorio.',
  },
  ENTITY_NOT_MULTIPLE: {
    en: 'This field takes a single value.',
    fr: 'Ce champ n’accepte qu’une seule valeur.',
    es: 'Este campo admite un solo valor.',
  },
  ENTITY_TOO_MANY_VALUES: {
    en: 'Too many values: at most {max}.',
    fr: 'Trop de valeurs : {max} au maximum.',
    es: 'Demasiados valores: {max} como máximo.',
  },
  ENTITY_EMPTY: {
    en: 'Fill in at least one field.',
    fr: 'Remplissez au moins un champ.',
    es: 'Llene al menos un campo.',
  },
  ENTITY_EDGE_SELF_LOOP: {
    en: 'A relationship must link two different records.',
    fr: 'Une relation doit relier deux enregistrements différents.',
    es: 'Una relación debe vincular dos registros distintos.',
  },
  ENTITY_REFERENCE_NOT_FOUND: {
    en: 'The linked record does not exist.',
    fr: 'L’enregistrement lié n’existe pas.',
    es: 'El registro vinculado no existe.',
  },
  ENTITY_REFERENCE_WRONG_TYPE: {
    en: 'The linked record is of the wrong type (expected: {expected}).',
    fr: 'L’enregistrement lié n’est pas du bon type (attendu : {expected}).',
    es: 'El registro vinculado no es del tipo correcto (se esperaba: {expected}).',
  },

  // ---- cases ----------------------------------------------------------------------
  CASE_INVALID: {
    en: 'The case has errors. Check the fields marked and try again.',
    fr: 'Le dossier comporte des erreurs. Vérifiez les champs signalés et réessayez.',
    es: 'El caso tiene errores. Revise los campos señalados e inténtelo de nuevo.',
  },
  CASE_NOT_FOUND: {
    en: 'This case does not exist or you may not open it.',
    fr: 'Ce dossier n’existe pas ou vous ne pouvez pas l’ouvrir.',
    es: 'Este caso no existe o no puede abrirlo.',
  },
  CASE_UNKNOWN_FIELD: {
    en: 'Unknown field “{field}”.',
    fr: 'Champ inconnu : « {field} ».',
    es: 'Campo desconocido: «{field}».',
  },
  CASE_TITLE_REQUIRED: {
    en: 'Give the case a title.',
    fr: 'Donnez un titre au dossier.',
    es: 'Escriba un título para el caso.',
  },
  CASE_BAD_TYPE: {
    en: 'Choose a case type.',
    fr: 'Choisissez un type de dossier.',
    es: 'Elija un tipo de caso.',
  },
  CASE_BAD_POLARIS_TYPE: {
    en: 'Choose one of the 25 types of the Polaris typology, or leave it empty.',
    fr: 'Choisissez l’un des 25 types de la typologie de Polaris, ou laissez vide.',
    es: 'Elija uno de los 25 tipos de la tipología de Polaris, o déjelo vacío.',
  },
  CASE_JURISDICTION_REQUIRED: {
    en: 'Give the country whose authorities handle the case.',
    fr: 'Indiquez le pays dont les autorités traitent le dossier.',
    es: 'Indique el país cuyas autoridades llevan el caso.',
  },
  CASE_HANDLING_REQUIRED: {
    en: 'Set the handling of the case: TLP level, purpose and retention period.',
    fr: 'Précisez le traitement du dossier : niveau TLP, finalité et durée de conservation.',
    es: 'Indique el manejo del caso: nivel TLP, finalidad y plazo de conservación.',
  },
  CASE_BAD_TLP: {
    en: 'Choose a TLP level: {allowed}.',
    fr: 'Choisissez un niveau TLP : {allowed}.',
    es: 'Elija un nivel TLP: {allowed}.',
  },
  CASE_BAD_PURPOSE: {
    en: 'Choose a purpose from the list; it may be narrowed with “/” (for example investigation/operation-norte).',
    fr: 'Choisissez une finalité dans la liste ; elle peut être précisée avec « / » (par exemple investigation/operation-nord).',
    es: 'Elija una finalidad de la lista; puede precisarse con «/» (por ejemplo investigation/operativo-norte).',
  },
  CASE_BAD_RETENTION: {
    en: 'The retention period is a whole number of days from {min} to {max}.',
    fr: 'La durée de conservation est un nombre entier de jours, de {min} à {max}.',
    es: 'El plazo de conservación es un número entero de días, de {min} a {max}.',
  },
  CASE_BAD_CONSENT_FLAG: {
    en: 'Say whether the originator’s consent is needed before forwarding.',
    fr: 'Indiquez si le consentement de l’émetteur est requis avant tout transfert.',
    es: 'Indique si se requiere el consentimiento del emisor antes de reenviar.',
  },
  CASE_BAD_LABOUR_PROGRAM: {
    en: 'Choose a labour program: SAWP, TFWP, H-2A or H-2B.',
    fr: 'Choisissez un programme de travail : PTAS, PTET, H-2A ou H-2B.',
    es: 'Elija un programa laboral: PTAT, TFWP, H-2A o H-2B.',
  },
  CASE_UNKNOWN_EVENT: {
    en: 'Unknown event. Choose a venue or a match from the list.',
    fr: 'Événement inconnu. Choisissez un site ou un match dans la liste.',
    es: 'Evento desconocido. Elija una sede o un partido de la lista.',
  },
  CASE_NOT_A_LIST: {
    en: 'A list is expected here.',
    fr: 'Une liste est attendue ici.',
    es: 'Aquí se espera una lista.',
  },
  CASE_BAD_FLAG: {
    en: 'Answer yes or no.',
    fr: 'Répondez par oui ou par non.',
    es: 'Responda sí o no.',
  },
  CASE_BAD_INDICATOR: {
    en: 'Unknown indicator: choose one of the eleven ILO indicators of forced labour.',
    fr: 'Indicateur inconnu : choisissez l’un des onze indicateurs du travail forcé de l’OIT.',
    es: 'Indicador desconocido: elija uno de los once indicadores de trabajo forzoso de la OIT.',
  },
  CASE_DUPLICATE_INDICATOR: {
    en: 'This indicator is already in the screening.',
    fr: 'Cet indicateur figure déjà dans l’évaluation.',
    es: 'Este indicador ya figura en la evaluación.',
  },
  CASE_INDICATOR_EVIDENCE_REQUIRED: {
    en: 'Describe the evidence for an indicator marked as present.',
    fr: 'Décrivez les éléments de preuve d’un indicateur coché comme présent.',
    es: 'Describa la evidencia de un indicador marcado como presente.',
  },
  CASE_BAD_PALERMO: {
    en: 'The Palermo assessment is missing or malformed.',
    fr: 'L’évaluation selon le Protocole de Palerme est absente ou mal formée.',
    es: 'La evaluación conforme al Protocolo de Palermo falta o tiene un formato incorrecto.',
  },
  CASE_BAD_PALERMO_ELEMENT: {
    en: 'Unknown element: choose from the list.',
    fr: 'Élément inconnu : choisissez dans la liste.',
    es: 'Elemento desconocido: elija de la lista.',
  },
  CASE_BAD_STATUS: {
    en: 'Unknown status.',
    fr: 'Statut inconnu.',
    es: 'Estado desconocido.',
  },
  CASE_BAD_TRANSITION: {
    en: 'The case cannot move to this status from its current one. Choose one of the next steps offered.',
    fr: 'Le dossier ne peut pas passer à ce statut depuis son statut actuel. Choisissez l’une des étapes proposées.',
    es: 'El caso no puede pasar a este estado desde el actual. Elija uno de los pasos propuestos.',
  },
  CASE_ARCHIVED: {
    en: 'This case is archived and can no longer be changed.',
    fr: 'Ce dossier est archivé et ne peut plus être modifié.',
    es: 'Este caso está archivado y ya no puede modificarse.',
  },
  CASE_TOO_MANY_NAMED_USERS: {
    en: 'At most {max} people can be named on a case.',
    fr: 'Au plus {max} personnes peuvent être désignées sur un dossier.',
    es: 'Se pueden designar como máximo {max} personas en un caso.',
  },
  CASE_TOO_MANY_OUTCOMES: {
    en: 'At most {max} outcomes per case.',
    fr: 'Au plus {max} décisions par dossier.',
    es: 'Como máximo {max} resultados por caso.',
  },
  CASE_BAD_OUTCOME: {
    en: 'This outcome is malformed.',
    fr: 'Cette décision est mal formée.',
    es: 'Este resultado tiene un formato incorrecto.',
  },
  CASE_BAD_OUTCOME_STAGE: {
    en: 'Choose a stage: investigation, charges, conviction, acquittal, dismissal or sentence.',
    fr: 'Choisissez une étape : enquête, accusations, condamnation, acquittement, rejet ou peine.',
    es: 'Elija una etapa: investigación, imputación, condena, absolución, sobreseimiento o pena.',
  },
  CASE_OUTCOME_DATE_REQUIRED: {
    en: 'Give the date of this outcome.',
    fr: 'Indiquez la date de cette décision.',
    es: 'Indique la fecha de este resultado.',
  },
  CASE_OUTCOME_IN_FUTURE: {
    en: 'This date is in the future.',
    fr: 'Cette date est dans le futur.',
    es: 'Esta fecha está en el futuro.',
  },
  CASE_OUTCOME_NEEDS_CHARGES: {
    en: 'A verdict or a dismissal must follow charges: record the charges first, on an earlier or the same date.',
    fr: 'Un jugement ou un rejet doit suivre des accusations : consignez d’abord les accusations, à une date antérieure ou identique.',
    es: 'Una sentencia o un sobreseimiento debe seguir a una imputación: registre primero la imputación, con fecha anterior o igual.',
  },
  CASE_SENTENCE_NEEDS_CONVICTION: {
    en: 'A sentence must follow a conviction: record the conviction first.',
    fr: 'Une peine doit suivre une condamnation : consignez d’abord la condamnation.',
    es: 'Una pena debe seguir a una sentencia condenatoria: regístrela primero.',
  },
  CASE_SENTENCE_MONTHS_ONLY_FOR_SENTENCE: {
    en: 'A length in months is given only for a sentence.',
    fr: 'Une durée en mois ne s’indique que pour une peine.',
    es: 'La duración en meses solo se indica para una pena.',
  },
  CASE_BAD_SENTENCE_MONTHS: {
    en: 'The sentence length is a whole number of months from 0 to {max}.',
    fr: 'La durée de la peine est un nombre entier de mois, de 0 à {max}.',
    es: 'La duración de la pena es un número entero de meses, de 0 a {max}.',
  },

  // ---- policy ---------------------------------------------------------------------
  POLICY_NOT_FOUND: {
    en: 'This case does not exist or you may not open it.',
    fr: 'Ce dossier n’existe pas ou vous ne pouvez pas l’ouvrir.',
    es: 'Este caso no existe o no puede abrirlo.',
  },
  POLICY_DENIED: {
    en: 'Your role does not allow this action on this case.',
    fr: 'Votre rôle ne permet pas cette action sur ce dossier.',
    es: 'Su función no le permite realizar esta acción en este caso.',
  },
};
