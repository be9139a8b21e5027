/** Errors of the federation services of a node (peers, items, threads), in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const federationAppErrors = {
  FEDERATION_PEER_KEY_INVALID: {
    en: 'This is not a valid Alianza node key ({reason}). Ask the partner node for the output of `alianza node keys`.',
    fr: "Ce n'est pas une clé de nœud Alianza valide ({reason}). Demandez au nœud partenaire le résultat de `alianza node keys`.",
    es: 'No es una clave de nodo Alianza válida ({reason}). Pida al nodo socio el resultado de `alianza node keys`.',
  },
  FEDERATION_FINGERPRINT_MISMATCH: {
    en: 'Group {group} of the fingerprint does not match: the key was not added. Check it again with the partner over a second channel.',
    fr: "Le groupe {group} de l'empreinte ne correspond pas : la clé n'a pas été ajoutée. Vérifiez-la de nouveau avec le partenaire par un second canal.",
    es: 'El grupo {group} de la huella no coincide: la clave no se agregó. Verifíquela de nuevo con el socio por un segundo canal.',
  },
  FEDERATION_PEER_NOT_CONFIRMED: {
    en: 'The peer was not added: its fingerprints were not confirmed.',
    fr: "Le pair n'a pas été ajouté : ses empreintes n'ont pas été confirmées.",
    es: 'El par no se agregó: sus huellas no se confirmaron.',
  },
  FEDERATION_PEER_IS_SELF: {
    en: 'A node cannot pin its own keys as a peer.',
    fr: 'Un nœud ne peut pas enregistrer ses propres clés comme pair.',
    es: 'Un nodo no puede registrar sus propias claves como par.',
  },
  FEDERATION_PEER_URL_INVALID: {
    en: 'The address {url} is not valid: use https://, or http:// only on the loopback interface (127.0.0.1, localhost).',
    fr: "L'adresse {url} n'est pas valide : utilisez https://, ou http:// uniquement sur l'interface de bouclage (127.0.0.1, localhost).",
    es: 'La dirección {url} no es válida: use https://, o http:// solo en la interfaz de bucle local (127.0.0.1, localhost).',
  },
  FEDERATION_PEER_NOT_FOUND: {
    en: 'Node {node} is not a pinned peer.',
    fr: "Le nœud {node} n'est pas un pair enregistré.",
    es: 'El nodo {node} no es un par registrado.',
  },
  FEDERATION_ITEM_NOT_FOUND: {
    en: 'Item {id} was not found.',
    fr: "L'élément {id} est introuvable.",
    es: 'No se encontró el elemento {id}.',
  },
  FEDERATION_NOT_A_REQUEST: {
    en: 'Message {id} is not a request for information received by this node.',
    fr: "Le message {id} n'est pas une demande de renseignements reçue par ce nœud.",
    es: 'El mensaje {id} no es una solicitud de información recibida por este nodo.',
  },
  FEDERATION_NOT_FAILED_CONFLICT: {
    en: 'Message {id} has not failed, or its content is no longer kept: it cannot be queued again.',
    fr: "Le message {id} n'a pas échoué, ou son contenu n'est plus conservé : il ne peut pas être remis en file d'attente.",
    es: 'El mensaje {id} no ha fallado, o su contenido ya no se conserva: no puede volver a ponerse en cola.',
  },
  FEDERATION_CASE_REQUIRED: {
    en: 'Choose the case whose entities you share.',
    fr: 'Choisissez le dossier dont vous communiquez les entités.',
    es: 'Elija el caso cuyas entidades comparte.',
  },
  FEDERATION_NODE_ID_INVALID: {
    en: 'The node id {node} cannot be used in the federation: use lower-case letters, digits, dots, dashes or underscores (at most 63).',
    fr: "L'identifiant de nœud {node} ne peut pas servir dans la fédération : utilisez des minuscules, des chiffres, des points, des tirets ou des soulignés (63 au plus).",
    es: 'El identificador de nodo {node} no puede usarse en la federación: use minúsculas, dígitos, puntos, guiones o guiones bajos (63 como máximo).',
  },
} satisfies Catalogue;
