/**
 * Error codes of the federation protocol and its services, with their text in English,
 * French and Spanish. Codes travel between nodes (the `{ code, params }` body of a refusal);
 * each node localises them itself.
 */
import { AlianzaError, type Catalogue, type ErrorParams, type FieldIssue } from '../domain/errors';

export const federationErrors = {
  FED_TOO_LARGE: {
    en: 'The message is too large ({size} bytes; the limit is {limit}).',
    fr: 'Le message est trop volumineux ({size} octets ; la limite est de {limit}).',
    es: 'El mensaje es demasiado grande ({size} bytes; el límite es {limit}).',
  },
  FED_MALFORMED: {
    en: 'The message is malformed ({field}: {reason}).',
    fr: 'Le message est mal formé ({field} : {reason}).',
    es: 'El mensaje está mal formado ({field}: {reason}).',
  },
  FED_UNSUPPORTED_VERSION: {
    en: 'Protocol version {version} is not supported; supported versions: {supported}.',
    fr: "La version {version} du protocole n'est pas prise en charge ; versions prises en charge : {supported}.",
    es: 'La versión {version} del protocolo no es compatible; versiones compatibles: {supported}.',
  },
  FED_UNSUPPORTED_TYPE: {
    en: 'This node cannot yet process messages of type {type}.',
    fr: 'Ce nœud ne peut pas encore traiter les messages de type {type}.',
    es: 'Este nodo aún no puede procesar mensajes de tipo {type}.',
  },
  FED_NOT_FOR_US: {
    en: 'The message is addressed to node {to}, not to this node ({self}).',
    fr: "Le message est adressé au nœud {to}, et non à ce nœud ({self}).",
    es: 'El mensaje está dirigido al nodo {to}, no a este nodo ({self}).',
  },
  FED_CLOCK_SKEW: {
    en: "The message's send time is {skewSeconds} seconds away from this node's clock (tolerance: {toleranceSeconds} seconds).",
    fr: "L'heure d'envoi du message s'écarte de {skewSeconds} secondes de l'horloge de ce nœud (tolérance : {toleranceSeconds} secondes).",
    es: 'La hora de envío del mensaje difiere {skewSeconds} segundos del reloj de este nodo (tolerancia: {toleranceSeconds} segundos).',
  },
  FED_UNKNOWN_PEER: {
    en: 'Node {node} is not a known peer of this node.',
    fr: "Le nœud {node} n'est pas un pair connu de ce nœud.",
    es: 'El nodo {node} no es un par conocido de este nodo.',
  },
  FED_UNKNOWN_SENDER_KEY: {
    en: 'The signing key {keyId} of node {node} is unknown or not valid at the time of sending.',
    fr: "La clé de signature {keyId} du nœud {node} est inconnue ou n'est pas valide au moment de l'envoi.",
    es: 'La clave de firma {keyId} del nodo {node} es desconocida o no es válida en el momento del envío.',
  },
  FED_BAD_SIGNATURE: {
    en: "The message's signature does not verify.",
    fr: 'La signature du message est invalide.',
    es: 'La firma del mensaje no es válida.',
  },
  FED_REPLAY: {
    en: 'Message {id} was already received with this exact signature: refused as a replay.',
    fr: 'Le message {id} a déjà été reçu avec cette même signature : refusé comme rejeu.',
    es: 'El mensaje {id} ya se recibió con esta misma firma: rechazado como reenvío malicioso.',
  },
  FED_PLAINTEXT_NOT_ALLOWED: {
    en: 'A message marked {tlp} must be encrypted.',
    fr: 'Un message marqué {tlp} doit être chiffré.',
    es: 'Un mensaje marcado {tlp} debe estar cifrado.',
  },
  FED_UNKNOWN_RECIPIENT_KEY: {
    en: 'The message was encrypted to key {keyId}, which this node does not hold.',
    fr: 'Le message a été chiffré pour la clé {keyId}, que ce nœud ne détient pas.',
    es: 'El mensaje se cifró para la clave {keyId}, que este nodo no tiene.',
  },
  FED_TAMPERED: {
    en: 'The message was altered in transit: its encrypted content failed authentication.',
    fr: "Le message a été altéré en transit : l'authentification de son contenu chiffré a échoué.",
    es: 'El mensaje fue alterado en tránsito: la autenticación de su contenido cifrado falló.',
  },
  FED_DUPLICATE_CONFLICT: {
    en: 'Message {id} was already received with a different content.',
    fr: 'Le message {id} a déjà été reçu avec un contenu différent.',
    es: 'El mensaje {id} ya se recibió con un contenido distinto.',
  },
  FED_UNAVAILABLE: {
    en: 'Node {node} could not be reached ({reason}).',
    fr: "Le nœud {node} n'a pas pu être joint ({reason}).",
    es: 'No se pudo contactar con el nodo {node} ({reason}).',
  },
  FED_INTERNAL: {
    en: 'The receiving node could not process the message; it will be sent again.',
    fr: "Le nœud destinataire n'a pas pu traiter le message ; il sera renvoyé.",
    es: 'El nodo destinatario no pudo procesar el mensaje; se enviará de nuevo.',
  },
  FED_HANDLING_INVALID: {
    en: 'The handling code is invalid ({field}).',
    fr: 'Le code de traitement est invalide ({field}).',
    es: 'El código de tratamiento no es válido ({field}).',
  },
  FED_HANDLING_OUTSIDE_COMMUNITY: {
    en: 'Node {node} is not a member of the community: the item cannot be shared with it.',
    fr: "Le nœud {node} n'est pas membre de la communauté : l'élément ne peut pas lui être communiqué.",
    es: 'El nodo {node} no es miembro de la comunidad: el elemento no puede compartirse con él.',
  },
  FED_HANDLING_EXPIRED: {
    en: 'The retention period of this item ended on {expiresAt}: it can no longer be shared.',
    fr: "La durée de conservation de cet élément a pris fin le {expiresAt} : il ne peut plus être communiqué.",
    es: 'El plazo de conservación de este elemento terminó el {expiresAt}: ya no puede compartirse.',
  },
  FED_HANDLING_WIDENS: {
    en: 'An onward share may not widen the handling code ({field}).',
    fr: 'Une communication ultérieure ne peut pas élargir le code de traitement ({field}).',
    es: 'Una comunicación posterior no puede ampliar el código de tratamiento ({field}).',
  },
  FED_HANDLING_RED_NAMED_ONLY: {
    en: 'A TLP:RED item may be seen only by the persons it was addressed to.',
    fr: 'Un élément TLP:RED ne peut être consulté que par les personnes auxquelles il a été adressé.',
    es: 'Un elemento TLP:RED solo pueden verlo las personas a las que fue dirigido.',
  },
  FED_HANDLING_STRICT_AGENCY_ONLY: {
    en: 'A TLP:AMBER+STRICT item may be seen only within the agency it was addressed to.',
    fr: "Un élément TLP:AMBER+STRICT ne peut être consulté qu'au sein de l'organisme auquel il a été adressé.",
    es: 'Un elemento TLP:AMBER+STRICT solo puede verse dentro del organismo al que fue dirigido.',
  },
  FED_HANDLING_RED_NO_FORWARD: {
    en: 'A TLP:RED item may not be forwarded to another node.',
    fr: 'Un élément TLP:RED ne peut pas être transmis à un autre nœud.',
    es: 'Un elemento TLP:RED no puede reenviarse a otro nodo.',
  },
  FED_HANDLING_STRICT_NO_FORWARD: {
    en: 'A TLP:AMBER+STRICT item may not be forwarded to another node.',
    fr: 'Un élément TLP:AMBER+STRICT ne peut pas être transmis à un autre nœud.',
    es: 'Un elemento TLP:AMBER+STRICT no puede reenviarse a otro nodo.',
  },
  FED_CONSENT_MISSING: {
    en: "This forwarded item requires the originator's consent, and none is attached.",
    fr: "Cet élément transmis exige le consentement de l'émetteur d'origine, et aucun n'est joint.",
    es: 'Este elemento reenviado requiere el consentimiento del emisor original, y no se adjunta ninguno.',
  },
  FED_CONSENT_INVALID: {
    en: "The originator's consent attached to this item does not cover this forward ({reason}).",
    fr: "Le consentement de l'émetteur d'origine joint à cet élément ne couvre pas cette transmission ({reason}).",
    es: 'El consentimiento del emisor original adjunto a este elemento no cubre este reenvío ({reason}).',
  },
  FED_CONSENT_REQUEST_NOT_FOUND: {
    en: 'Consent request {id} was not found.',
    fr: 'La demande de consentement {id} est introuvable.',
    es: 'No se encontró la solicitud de consentimiento {id}.',
  },
  FED_VICTIM_IDENTITY_NEEDS_BASIS: {
    en: "A victim's identity may be shared only with the victim's consent or a recorded legal basis.",
    fr: "L'identité d'une victime ne peut être communiquée qu'avec son consentement ou sur une base juridique consignée.",
    es: 'La identidad de una víctima solo puede compartirse con su consentimiento o con una base jurídica registrada.',
  },
  FED_MINIMISE_UNKNOWN_ENTITY: {
    en: 'Entity {id} is not among the entities offered for sharing.',
    fr: "L'entité {id} ne fait pas partie des entités proposées pour la communication.",
    es: 'La entidad {id} no está entre las entidades ofrecidas para compartir.',
  },
  FED_MINIMISE_NOTHING_SELECTED: {
    en: 'Choose at least one entity and one field to share.',
    fr: 'Choisissez au moins une entité et un champ à communiquer.',
    es: 'Elija al menos una entidad y un campo para compartir.',
  },
  FED_RECEIPT_MISMATCH: {
    en: 'The receipt from node {node} does not match message {id} ({reason}).',
    fr: 'Le reçu du nœud {node} ne correspond pas au message {id} ({reason}).',
    es: 'El acuse de recibo del nodo {node} no corresponde al mensaje {id} ({reason}).',
  },
  FED_MESSAGE_NOT_FOUND: {
    en: 'Message {id} was not found.',
    fr: 'Le message {id} est introuvable.',
    es: 'No se encontró el mensaje {id}.',
  },
  FED_NO_SIGNING_KEY: {
    en: 'This node has no active signing key; generate or activate one first.',
    fr: "Ce nœud n'a pas de clé de signature active ; créez-en ou activez-en une d'abord.",
    es: 'Este nodo no tiene una clave de firma activa; genere o active una primero.',
  },
  FED_NO_ENCRYPTION_KEY: {
    en: 'Node {node} has no encryption key pinned.',
    fr: "Aucune clé de chiffrement n'est enregistrée pour le nœud {node}.",
    es: 'No hay ninguna clave de cifrado registrada para el nodo {node}.',
  },
  FED_KEY_ID_MISMATCH: {
    en: 'Key id {keyId} does not match its public key.',
    fr: 'L’identifiant de clé {keyId} ne correspond pas à sa clé publique.',
    es: 'El identificador de clave {keyId} no corresponde a su clave pública.',
  },
  FED_KEY_INVALID: {
    en: 'The key is not a valid {alg} public key.',
    fr: "La clé n'est pas une clé publique {alg} valide.",
    es: 'La clave no es una clave pública {alg} válida.',
  },
} satisfies Catalogue;

export type FedCode = keyof typeof federationErrors;

/** Codes after which the sender keeps the message and tries again with a fresh seal. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set<FedCode>([
  'FED_UNAVAILABLE',
  'FED_INTERNAL',
  'FED_CLOCK_SKEW',
  'FED_REPLAY',
  'FED_UNKNOWN_SENDER_KEY',
  'FED_UNKNOWN_RECIPIENT_KEY',
  'FED_TAMPERED',
  'FED_UNSUPPORTED_TYPE',
]);

export const isRetryable = (code: string): boolean => RETRYABLE_CODES.has(code);

export function fedError(code: FedCode, params: ErrorParams = {}, issues: FieldIssue[] = []): AlianzaError {
  return new AlianzaError(code, params, issues);
}

/** The outcome of a check: a value, or a refusal with a stable code. */
export type Checked<T> = { ok: true; value: T } | { ok: false; code: FedCode; params: ErrorParams };

export const refuse = (code: FedCode, params: ErrorParams = {}): { ok: false; code: FedCode; params: ErrorParams } => ({
  ok: false,
  code,
  params,
});
export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
