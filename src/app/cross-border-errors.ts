/** Errors of cross-border matching and disclosure, in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const crossBorderErrors = {
  CROSSBORDER_SECRET_MISSING: {
    en: 'No linkage secret is set on this node. An administrator sets the secret shared by the partners with `alianza pprl secret set`.',
    fr: "Aucun secret de couplage n'est défini sur ce nœud. Un administrateur définit le secret partagé par les partenaires avec `alianza pprl secret set`.",
    es: 'No hay ningún secreto de enlace en este nodo. Un administrador define el secreto compartido por los socios con `alianza pprl secret set`.',
  },
  CROSSBORDER_SECRET_NOT_BASE64: {
    en: 'The linkage secret must be written in base64, as `alianza pprl secret generate` prints it.',
    fr: 'Le secret de couplage doit être écrit en base64, comme l’affiche `alianza pprl secret generate`.',
    es: 'El secreto de enlace debe escribirse en base64, tal como lo muestra `alianza pprl secret generate`.',
  },
  CROSSBORDER_SECRET_UNREADABLE: {
    en: 'The stored linkage secret cannot be opened with this node’s keys. Set it again with `alianza pprl secret set`.',
    fr: 'Le secret de couplage enregistré ne peut pas être ouvert avec les clés de ce nœud. Définissez-le de nouveau avec `alianza pprl secret set`.',
    es: 'El secreto de enlace guardado no puede abrirse con las claves de este nodo. Vuelva a definirlo con `alianza pprl secret set`.',
  },
  CROSSBORDER_NOTHING_MARKED: {
    en: 'No person, phone or organisation of this node is marked for the cross-border check. Mark the records to compare first.',
    fr: "Aucune personne, aucun téléphone ni aucune organisation de ce nœud n'est marqué pour la vérification transfrontalière. Marquez d'abord les fiches à comparer.",
    es: 'Ninguna persona, teléfono u organización de este nodo está marcada para la verificación transfronteriza. Marque primero los registros que desea comparar.',
  },
  CROSSBORDER_TOO_MANY_RECORDS: {
    en: '{count} records are marked for the cross-border check; one check carries at most {max}. Unmark some records.',
    fr: '{count} fiches sont marquées pour la vérification transfrontalière ; une vérification en porte au plus {max}. Retirez la marque de certaines fiches.',
    es: 'Hay {count} registros marcados para la verificación transfronteriza; una verificación lleva como máximo {max}. Desmarque algunos registros.',
  },
  CROSSBORDER_NO_PEERS: {
    en: 'This node has no partner node to check with. An administrator pins the partners first.',
    fr: "Ce nœud n'a aucun nœud partenaire avec qui vérifier. Un administrateur doit d'abord enregistrer les partenaires.",
    es: 'Este nodo no tiene ningún nodo socio con quien verificar. Un administrador debe registrar primero a los socios.',
  },
  CROSSBORDER_PEER_NOT_FOUND: {
    en: 'Node {node} is not a partner of this node.',
    fr: "Le nœud {node} n'est pas un partenaire de ce nœud.",
    es: 'El nodo {node} no es socio de este nodo.',
  },
  CROSSBORDER_KIND_NOT_SUPPORTED: {
    en: 'Only people, phones and organisations can be marked for the cross-border check (this record is a {schema}).',
    fr: 'Seules les personnes, les téléphones et les organisations peuvent être marqués pour la vérification transfrontalière (cette fiche est de type {schema}).',
    es: 'Solo las personas, los teléfonos y las organizaciones pueden marcarse para la verificación transfronteriza (este registro es de tipo {schema}).',
  },
  CROSSBORDER_HIT_NOT_FOUND: {
    en: 'Cross-border hit {id} does not exist or you may not see it.',
    fr: "La correspondance transfrontalière {id} n'existe pas ou vous ne pouvez pas la voir.",
    es: 'La coincidencia transfronteriza {id} no existe o usted no puede verla.',
  },
  DISCLOSURE_NOT_FOUND: {
    en: 'Disclosure request {id} does not exist or you may not see it.',
    fr: "La demande de communication {id} n'existe pas ou vous ne pouvez pas la voir.",
    es: 'La solicitud de divulgación {id} no existe o usted no puede verla.',
  },
  DISCLOSURE_ALREADY_PENDING: {
    en: 'A request about this hit is already waiting for the partner’s decision.',
    fr: 'Une demande au sujet de cette correspondance attend déjà la décision du partenaire.',
    es: 'Ya hay una solicitud sobre esta coincidencia a la espera de la decisión del socio.',
  },
  DISCLOSURE_FIELDS_REQUIRED: {
    en: 'Choose at least one field to ask for (or ask for the contact only).',
    fr: 'Choisissez au moins un champ à demander (ou demandez seulement le contact).',
    es: 'Elija al menos un campo que solicitar (o solicite solo el contacto).',
  },
  DISCLOSURE_FIELD_UNKNOWN: {
    en: 'A {schema} has no field named {field}.',
    fr: "Une fiche {schema} n'a pas de champ nommé {field}.",
    es: 'Un registro {schema} no tiene ningún campo llamado {field}.',
  },
  DISCLOSURE_LEGAL_BASIS_INVALID: {
    en: 'Give the legal basis: one of treaty, mlat, domestic_law, court_order, consent, vital_interest, with its reference (at most 500 characters).',
    fr: 'Indiquez le fondement juridique : treaty, mlat, domestic_law, court_order, consent ou vital_interest, avec sa référence (500 caractères au plus).',
    es: 'Indique la base jurídica: treaty, mlat, domestic_law, court_order, consent o vital_interest, con su referencia (máximo 500 caracteres).',
  },
  DISCLOSURE_TEXT_INVALID: {
    en: 'The {field} is required and may have at most {max} characters.',
    fr: 'Le champ {field} est obligatoire et compte au plus {max} caractères.',
    es: 'El campo {field} es obligatorio y admite como máximo {max} caracteres.',
  },
  DISCLOSURE_NOT_DECIDABLE: {
    en: 'Only a request a partner sent to this node can be decided here.',
    fr: 'Seule une demande envoyée à ce nœud par un partenaire peut être tranchée ici.',
    es: 'Aquí solo puede decidirse una solicitud que un socio envió a este nodo.',
  },
  DISCLOSURE_ALREADY_DECIDED: {
    en: 'This request was already decided.',
    fr: 'Cette demande a déjà été tranchée.',
    es: 'Esta solicitud ya fue decidida.',
  },
  DISCLOSURE_LEVEL_ABOVE_REQUEST: {
    en: 'The partner asked for {requested}: you may approve at most that level.',
    fr: 'Le partenaire a demandé le niveau {requested} : vous pouvez approuver au plus ce niveau.',
    es: 'El socio solicitó el nivel {requested}: puede aprobar como máximo ese nivel.',
  },
  DISCLOSURE_FIELDS_NOT_REQUESTED: {
    en: 'The partner did not ask for these fields: {fields}. Approve only fields that were requested.',
    fr: "Le partenaire n'a pas demandé ces champs : {fields}. N'approuvez que des champs demandés.",
    es: 'El socio no solicitó estos campos: {fields}. Apruebe solo campos solicitados.',
  },
  DISCLOSURE_FIELDS_UNAVAILABLE: {
    en: 'This record holds no value for: {fields}.',
    fr: 'Cette fiche ne contient aucune valeur pour : {fields}.',
    es: 'Este registro no contiene ningún valor para: {fields}.',
  },
  DISCLOSURE_VICTIM_IDENTITY: {
    en: 'This person is a victim: identity fields ({fields}) may be disclosed only with the victim’s consent or to protect a vital interest. Choose other fields or record that legal basis.',
    fr: "Cette personne est une victime : les champs d'identité ({fields}) ne peuvent être communiqués qu'avec son consentement ou pour protéger un intérêt vital. Choisissez d'autres champs ou indiquez ce fondement.",
    es: 'Esta persona es una víctima: los campos de identidad ({fields}) solo pueden divulgarse con su consentimiento o para proteger un interés vital. Elija otros campos o registre esa base jurídica.',
  },
  DISCLOSURE_ENTITY_GONE: {
    en: 'The record this request is about no longer exists on this node.',
    fr: "La fiche visée par cette demande n'existe plus sur ce nœud.",
    es: 'El registro al que se refiere esta solicitud ya no existe en este nodo.',
  },
} satisfies Catalogue;

/** HTTP status of the codes whose status the server's general rule (suffixes) would get wrong. */
export const CROSS_BORDER_STATUS: Readonly<Record<string, number>> = {
  CROSSBORDER_SECRET_MISSING: 409,
  CROSSBORDER_SECRET_UNREADABLE: 500,
  CROSSBORDER_NOTHING_MARKED: 409,
  CROSSBORDER_TOO_MANY_RECORDS: 409,
  CROSSBORDER_NO_PEERS: 409,
  DISCLOSURE_ALREADY_PENDING: 409,
  DISCLOSURE_NOT_DECIDABLE: 409,
  DISCLOSURE_ALREADY_DECIDED: 409,
  DISCLOSURE_VICTIM_IDENTITY: 409,
  DISCLOSURE_ENTITY_GONE: 409,
};
