/**
 * The server's error catalogue: HTTP status per stable code (the one place where codes
 * meet statuses) and EN/FR/ES texts for the codes that the server itself raises.
 */
import type { Catalogue } from '../domain/errors';

export const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  BAD_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_TOTP_REQUIRED: 401,
  AUTH_TOTP_INVALID: 401,
  AUTH_TOTP_NOT_STARTED: 409,
  AUTH_TOTP_ENROLMENT_REQUIRED: 403,
  AUTH_LOCKED: 429,
  RATE_LIMITED: 429,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  ENTITY_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  CASE_VERSION_CONFLICT: 409,
  ENTITY_VERSION_CONFLICT: 409,
  STORE_VERSION_CONFLICT: 409,
  STORE_DUPLICATE: 409,
  USER_EMAIL_TAKEN: 409,
  AGENCY_CODE_TAKEN: 409,
  CASE_BAD_TRANSITION: 409,
  CASE_ARCHIVED: 409,
  CASE_TEXT_REDACTED: 409,
  RESOLUTION_PAIR_RESTRICTED: 403,
  RESOLUTION_UNAVAILABLE: 503,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
};

/** Codes not listed: POLICY_* are 403, *_NOT_FOUND 404, VALUE_/ENTITY_/CASE_ validation 400. */
export function statusFor(code: string): number {
  const s = STATUS_BY_CODE[code];
  if (s) return s;
  if (code === 'POLICY_NOT_FOUND') return 404; // what the policy hides does not exist for the caller
  if (code.startsWith('POLICY_')) return 403;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_CONFLICT')) return 409;
  return 400;
}

export const serverCatalogue: Catalogue = {
  VALIDATION_FAILED: {
    en: 'Some fields are not valid. Please check them and try again.',
    fr: 'Certains champs ne sont pas valides. Vérifiez-les et réessayez.',
    es: 'Algunos campos no son válidos. Revíselos e inténtelo de nuevo.',
  },
  BAD_JSON: {
    en: 'The request body is not valid JSON.',
    fr: 'Le corps de la requête n’est pas du JSON valide.',
    es: 'El cuerpo de la solicitud no es JSON válido.',
  },
  BAD_REQUEST: {
    en: 'The request could not be understood.',
    fr: 'La requête n’a pas pu être comprise.',
    es: 'No se pudo entender la solicitud.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    en: 'This content type is not accepted; send JSON.',
    fr: 'Ce type de contenu n’est pas accepté ; envoyez du JSON.',
    es: 'Este tipo de contenido no se acepta; envíe JSON.',
  },
  BODY_TOO_LARGE: {
    en: 'The request is too large.',
    fr: 'La requête est trop volumineuse.',
    es: 'La solicitud es demasiado grande.',
  },
  AUTH_REQUIRED: {
    en: 'Please sign in.',
    fr: 'Veuillez vous connecter.',
    es: 'Inicie sesión, por favor.',
  },
  AUTH_INVALID_CREDENTIALS: {
    en: 'The e-mail or the password is not correct.',
    fr: 'L’adresse courriel ou le mot de passe est incorrect.',
    es: 'El correo electrónico o la contraseña no son correctos.',
  },
  AUTH_TOTP_REQUIRED: {
    en: 'Enter the six-digit code from your authenticator app.',
    fr: 'Saisissez le code à six chiffres de votre application d’authentification.',
    es: 'Introduzca el código de seis dígitos de su aplicación de autenticación.',
  },
  AUTH_TOTP_INVALID: {
    en: 'That code is not valid. Check your device’s clock and try again.',
    fr: 'Ce code n’est pas valide. Vérifiez l’heure de votre appareil et réessayez.',
    es: 'Ese código no es válido. Compruebe la hora de su dispositivo e inténtelo de nuevo.',
  },
  AUTH_TOTP_NOT_STARTED: {
    en: 'Start the two-factor set-up first.',
    fr: 'Commencez d’abord la configuration de l’authentification à deux facteurs.',
    es: 'Primero inicie la configuración de la verificación en dos pasos.',
  },
  AUTH_TOTP_ENROLMENT_REQUIRED: {
    en: 'Set up two-factor authentication before continuing.',
    fr: 'Configurez l’authentification à deux facteurs avant de continuer.',
    es: 'Configure la verificación en dos pasos antes de continuar.',
  },
  AUTH_LOCKED: {
    en: 'Too many failed attempts: this account is locked until {until}.',
    fr: 'Trop de tentatives échouées : ce compte est verrouillé jusqu’à {until}.',
    es: 'Demasiados intentos fallidos: esta cuenta está bloqueada hasta {until}.',
  },
  RATE_LIMITED: {
    en: 'Too many requests. Please wait a moment and try again.',
    fr: 'Trop de requêtes. Patientez un instant et réessayez.',
    es: 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
  },
  CSRF_INVALID: {
    en: 'This form has expired. Reload the page and try again.',
    fr: 'Ce formulaire a expiré. Rechargez la page et réessayez.',
    es: 'Este formulario ha caducado. Recargue la página e inténtelo de nuevo.',
  },
  FORBIDDEN: {
    en: 'You are not allowed to do this.',
    fr: 'Vous n’êtes pas autorisé à faire cela.',
    es: 'No tiene permiso para hacer esto.',
  },
  NOT_FOUND: {
    en: 'Not found.',
    fr: 'Introuvable.',
    es: 'No encontrado.',
  },
  CASE_NOT_FOUND: {
    en: 'This case does not exist or you may not open it.',
    fr: 'Ce dossier n’existe pas ou vous ne pouvez pas l’ouvrir.',
    es: 'Este caso no existe o no puede abrirlo.',
  },
  ENTITY_NOT_FOUND: {
    en: 'This record does not exist or you may not open it.',
    fr: 'Cette fiche n’existe pas ou vous ne pouvez pas l’ouvrir.',
    es: 'Este registro no existe o no puede abrirlo.',
  },
  USER_NOT_FOUND: {
    en: 'No such user.',
    fr: 'Utilisateur introuvable.',
    es: 'No existe ese usuario.',
  },
  AGENCY_NOT_FOUND: {
    en: 'No such agency.',
    fr: 'Organisme introuvable.',
    es: 'No existe esa institución.',
  },
  CASE_VERSION_CONFLICT: {
    en: 'Someone else changed this case while you were editing. Reload to see their changes, then apply yours again.',
    fr: 'Quelqu’un d’autre a modifié ce dossier pendant votre saisie. Rechargez pour voir ses modifications, puis refaites les vôtres.',
    es: 'Otra persona modificó este caso mientras usted editaba. Recargue para ver sus cambios y vuelva a aplicar los suyos.',
  },
  ENTITY_VERSION_CONFLICT: {
    en: 'Someone else changed this record while you were editing. Reload and try again.',
    fr: 'Quelqu’un d’autre a modifié cette fiche pendant votre saisie. Rechargez et réessayez.',
    es: 'Otra persona modificó este registro mientras usted editaba. Recargue e inténtelo de nuevo.',
  },
  STORE_VERSION_CONFLICT: {
    en: 'Someone else changed this record meanwhile. Reload and try again.',
    fr: 'Quelqu’un d’autre a modifié cette fiche entre-temps. Rechargez et réessayez.',
    es: 'Otra persona modificó este registro mientras tanto. Recargue e inténtelo de nuevo.',
  },
  STORE_DUPLICATE: {
    en: 'This already exists.',
    fr: 'Cela existe déjà.',
    es: 'Esto ya existe.',
  },
  USER_EMAIL_TAKEN: {
    en: 'A user with this e-mail already exists.',
    fr: 'Un utilisateur avec cette adresse courriel existe déjà.',
    es: 'Ya existe un usuario con este correo electrónico.',
  },
  AGENCY_CODE_TAKEN: {
    en: 'An agency with this code already exists.',
    fr: 'Un organisme avec ce code existe déjà.',
    es: 'Ya existe una institución con este código.',
  },
  CASE_TEXT_REDACTED: {
    en: 'The title or narrative names a victim you may not see, so you cannot change that text. Ask an assigned investigator or caseworker.',
    fr: 'Le titre ou le récit nomme une victime que vous ne pouvez pas voir ; vous ne pouvez donc pas modifier ce texte. Adressez-vous à un enquêteur ou à un intervenant affecté au dossier.',
    es: 'El título o la narración nombran a una víctima que usted no puede ver, por lo que no puede modificar ese texto. Pida el cambio a un investigador o trabajador social asignado.',
  },
  CASE_MEMBER_CAPACITY: {
    en: 'A user with the role {role} cannot be assigned to a case as {capacity}.',
    fr: 'Un utilisateur ayant le rôle {role} ne peut pas être affecté à un dossier en tant que {capacity}.',
    es: 'Un usuario con el rol {role} no puede asignarse a un caso como {capacity}.',
  },
  CONFIG_INVALID: {
    en: 'Configuration error: {key} = "{value}" (expected {expected}).',
    fr: 'Erreur de configuration : {key} = « {value} » (attendu : {expected}).',
    es: 'Error de configuración: {key} = «{value}» (se esperaba {expected}).',
  },
  INTERNAL: {
    en: 'Something went wrong on the server. Nothing was changed. Please try again.',
    fr: 'Une erreur est survenue sur le serveur. Rien n’a été modifié. Veuillez réessayer.',
    es: 'Algo salió mal en el servidor. No se cambió nada. Inténtelo de nuevo.',
  },
  // JSON-schema validation keywords, used for per-field issues
  'SCHEMA.required': { en: 'This field is required.', fr: 'Ce champ est obligatoire.', es: 'Este campo es obligatorio.' },
  'SCHEMA.type': { en: 'Wrong type: expected {expected}.', fr: 'Type incorrect : {expected} attendu.', es: 'Tipo incorrecto: se esperaba {expected}.' },
  'SCHEMA.additionalProperties': { en: 'Unknown field.', fr: 'Champ inconnu.', es: 'Campo desconocido.' },
  'SCHEMA.enum': { en: 'Not one of the allowed values.', fr: 'Ne fait pas partie des valeurs permises.', es: 'No es uno de los valores permitidos.' },
  'SCHEMA.maxLength': { en: 'Too long (at most {limit} characters).', fr: 'Trop long ({limit} caractères au plus).', es: 'Demasiado largo (máximo {limit} caracteres).' },
  'SCHEMA.minLength': { en: 'Too short (at least {limit} characters).', fr: 'Trop court ({limit} caractères au moins).', es: 'Demasiado corto (mínimo {limit} caracteres).' },
  'SCHEMA.maxItems': { en: 'Too many items (at most {limit}).', fr: 'Trop d’éléments ({limit} au plus).', es: 'Demasiados elementos (máximo {limit}).' },
  'SCHEMA.minimum': { en: 'Too small (at least {limit}).', fr: 'Trop petit (au moins {limit}).', es: 'Demasiado pequeño (mínimo {limit}).' },
  'SCHEMA.maximum': { en: 'Too large (at most {limit}).', fr: 'Trop grand ({limit} au plus).', es: 'Demasiado grande (máximo {limit}).' },
  'SCHEMA.format': { en: 'Wrong format ({format}).', fr: 'Format incorrect ({format}).', es: 'Formato incorrecto ({format}).' },
  'SCHEMA.pattern': { en: 'Wrong format.', fr: 'Format incorrect.', es: 'Formato incorrecto.' },
  'SCHEMA.other': { en: 'Not valid.', fr: 'Non valide.', es: 'No válido.' },
  NODE_INSECURE_COOKIES: {
    en: 'Refusing to start: outside demo mode the session cookie must be Secure (remove ALIANZA_SECURE_COOKIES=false and serve the node over HTTPS).',
    fr: 'Démarrage refusé : hors du mode démo, le cookie de session doit être Secure (retirez ALIANZA_SECURE_COOKIES=false et servez le nœud en HTTPS).',
    es: 'Arranque rechazado: fuera del modo demo, la cookie de sesión debe ser Secure (quite ALIANZA_SECURE_COOKIES=false y sirva el nodo por HTTPS).',
  },
};
