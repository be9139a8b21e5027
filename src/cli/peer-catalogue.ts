/** Text of `alianza peer …` and `alianza node keys | rotate-key`, in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const peerCatalogue: Catalogue = {
  CLI_HELP_PEER_ADD: {
    en: 'pin a partner node: its address and the key it gave you (`alianza node keys` on its side)',
    fr: 'enregistrer un nœud partenaire : son adresse et la clé qu’il vous a donnée (`alianza node keys` de son côté)',
    es: 'registrar un nodo socio: su dirección y la clave que le entregó (`alianza node keys` de su lado)',
  },
  CLI_HELP_PEER_URL: { en: "the partner's address (https://…; http:// on loopback only)", fr: 'adresse du partenaire (https://… ; http:// en bouclage seulement)', es: 'dirección del socio (https://…; http:// solo en bucle local)' },
  CLI_HELP_PEER_KEY: { en: "the partner's key token, or a file holding it", fr: 'jeton de clé du partenaire, ou fichier qui le contient', es: 'token de clave del socio, o archivo que lo contiene' },
  CLI_HELP_PEER_FINGERPRINT: {
    en: 'the signing fingerprint read out by the partner: checked instead of asking',
    fr: 'empreinte de signature lue par le partenaire : vérifiée au lieu de demander',
    es: 'huella de firma leída por el socio: se verifica en lugar de preguntar',
  },
  CLI_HELP_YES: { en: 'do not ask: the fingerprints were already compared', fr: 'ne pas demander : les empreintes ont déjà été comparées', es: 'no preguntar: las huellas ya se compararon' },
  CLI_HELP_PEER_LIST: { en: 'list pinned partner nodes and their fingerprints', fr: 'lister les nœuds partenaires enregistrés et leurs empreintes', es: 'listar los nodos socios registrados y sus huellas' },
  CLI_HELP_PEER_REMOVE: { en: 'forget a partner node', fr: 'oublier un nœud partenaire', es: 'olvidar un nodo socio' },
  CLI_HELP_NODE: { en: "this node's federation keys", fr: 'clés de fédération de ce nœud', es: 'claves de federación de este nodo' },
  CLI_HELP_NODE_KEYS: {
    en: "show this node's public keys, fingerprints and the key token to give partners",
    fr: 'afficher les clés publiques de ce nœud, leurs empreintes et le jeton à donner aux partenaires',
    es: 'mostrar las claves públicas de este nodo, sus huellas y el token para los socios',
  },
  CLI_HELP_NODE_ROTATE: {
    en: 'generate new keys and announce them to every partner; the old signing key stays valid for the overlap',
    fr: 'créer de nouvelles clés et les annoncer à chaque partenaire ; l’ancienne clé de signature reste valide pendant le chevauchement',
    es: 'generar claves nuevas y anunciarlas a cada socio; la clave de firma anterior sigue válida durante la superposición',
  },
  CLI_HELP_OVERLAP_DAYS: { en: 'overlap in days (default 7)', fr: 'chevauchement en jours (7 par défaut)', es: 'superposición en días (7 por defecto)' },
  CLI_HELP_ACTIVATE: {
    en: 'start signing with the announced key now, without waiting for every partner’s receipt',
    fr: 'signer dès maintenant avec la clé annoncée, sans attendre l’accusé de chaque partenaire',
    es: 'firmar ya con la clave anunciada, sin esperar el acuse de cada socio',
  },
  PEER_CHECK: {
    en: 'Node {node} ({country}) at {url}. Compare these fingerprints, group by group, with its operator over a second channel (a call, signed minutes):',
    fr: 'Nœud {node} ({country}) à {url}. Comparez ces empreintes, groupe par groupe, avec son opérateur par un second canal (un appel, un procès-verbal signé) :',
    es: 'Nodo {node} ({country}) en {url}. Compare estas huellas, grupo por grupo, con su operador por un segundo canal (una llamada, un acta firmada):',
  },
  PEER_CONFIRM: {
    en: 'Do they match? Type "yes" to pin this node: ',
    fr: 'Correspondent-elles ? Tapez « oui » pour enregistrer ce nœud : ',
    es: '¿Coinciden? Escriba «sí» para registrar este nodo: ',
  },
  PEER_ADDED: { en: 'Peer {node} ({country}) pinned at {url}.', fr: 'Pair {node} ({country}) enregistré à {url}.', es: 'Par {node} ({country}) registrado en {url}.' },
  PEER_REMOVED: { en: 'Peer {node} forgotten.', fr: 'Pair {node} oublié.', es: 'Par {node} olvidado.' },
  PEER_NONE: { en: 'No partner node is pinned yet.', fr: 'Aucun nœud partenaire n’est encore enregistré.', es: 'Aún no hay ningún nodo socio registrado.' },
  NODE_KEYS_TITLE: {
    en: 'Node {node} ({country}). Give partners the key token below, and read them the fingerprints over a second channel.',
    fr: 'Nœud {node} ({country}). Donnez aux partenaires le jeton ci-dessous et lisez-leur les empreintes par un second canal.',
    es: 'Nodo {node} ({country}). Entregue a los socios el token siguiente y léales las huellas por un segundo canal.',
  },
  NODE_KEY_TOKEN: { en: 'Key token:', fr: 'Jeton de clé :', es: 'Token de clave:' },
  NODE_KEY_ACTIVE: { en: 'in use', fr: 'en service', es: 'en uso' },
  NODE_KEY_PENDING: { en: 'announced, not yet in use', fr: 'annoncée, pas encore en service', es: 'anunciada, aún no en uso' },
  NODE_KEY_UNTIL: { en: 'valid until {until}', fr: 'valide jusqu’au {until}', es: 'válida hasta {until}' },
  NODE_ROTATION_STARTED: {
    en: 'New keys generated and announced to {count} partner(s). The node keeps signing with the current key until every partner has acknowledged, then switches; the current key stays valid until {until}.',
    fr: 'Nouvelles clés créées et annoncées à {count} partenaire(s). Le nœud signe avec la clé actuelle jusqu’à l’accusé de chaque partenaire, puis bascule ; la clé actuelle reste valide jusqu’au {until}.',
    es: 'Claves nuevas generadas y anunciadas a {count} socio(s). El nodo firma con la clave actual hasta el acuse de cada socio y luego cambia; la clave actual sigue válida hasta el {until}.',
  },
  NODE_ROTATION_ACTIVATED: { en: 'The node now signs with the new key.', fr: 'Le nœud signe désormais avec la nouvelle clé.', es: 'El nodo firma ahora con la clave nueva.' },
  NODE_ROTATION_NOTHING: { en: 'No announced key is waiting.', fr: 'Aucune clé annoncée n’est en attente.', es: 'No hay ninguna clave anunciada en espera.' },
};
