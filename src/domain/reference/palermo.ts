/**
 * The three elements of trafficking in persons under the Palermo Protocol (Protocol to
 * Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children,
 * UN General Assembly resolution 55/25, annex II, art. 3): an act, by a means, for the
 * purpose of exploitation. For a child (under 18) act and purpose suffice (art. 3(c), 3(d)).
 * Labels in French and Spanish follow the UN's official language versions of the
 * Protocol; guidance is the project's own.
 */
import type { Locale, PalermoAct, PalermoMeans, PalermoPurpose } from '../model';

export type Labels = Record<Locale, string>;

export const PALERMO_SOURCE =
  'Palermo Protocol art. 3 (UN GA res. 55/25, annex II), as quoted in IRCC TRP guidance and http://www.ungift.org/about/human-trafficking.html';

export interface PalermoItem<C extends string> {
  code: C;
  label: Labels;
  source: string;
}

const item = <C extends string>(code: C, en: string, fr: string, es: string, source = PALERMO_SOURCE): PalermoItem<C> => ({
  code,
  label: { en, fr, es },
  source,
});

export const PALERMO_ACT_REFERENCE: readonly PalermoItem<PalermoAct>[] = [
  item('recruitment', 'Recruitment', 'Recrutement', 'Captación'),
  item('transportation', 'Transportation', 'Transport', 'Transporte'),
  item('transfer', 'Transfer', 'Transfert', 'Traslado'),
  item('harbouring', 'Harbouring', 'Hébergement', 'Acogida'),
  item('receipt', 'Receipt of persons', 'Accueil de personnes', 'Recepción de personas'),
];

export const PALERMO_MEANS_REFERENCE: readonly PalermoItem<PalermoMeans>[] = [
  item('threat_or_force', 'Threat or use of force', "Menace de recours ou recours à la force", 'Amenaza o uso de la fuerza'),
  item('coercion', 'Other forms of coercion', 'Autres formes de contrainte', 'Otras formas de coacción'),
  item('abduction', 'Abduction', 'Enlèvement', 'Rapto'),
  item('fraud', 'Fraud', 'Fraude', 'Fraude'),
  item('deception', 'Deception', 'Tromperie', 'Engaño'),
  item('abuse_of_power_or_vulnerability', 'Abuse of power or of a position of vulnerability', "Abus d'autorité ou d'une situation de vulnérabilité", 'Abuso de poder o de una situación de vulnerabilidad'),
  item(
    'payments_or_benefits',
    'Giving or receiving payments or benefits to obtain the consent of a person having control over another',
    "Offre ou acceptation de paiements ou d'avantages pour obtenir le consentement d'une personne ayant autorité sur une autre",
    'Concesión o recepción de pagos o beneficios para obtener el consentimiento de una persona que tenga autoridad sobre otra',
  ),
];

export const PALERMO_PURPOSE_REFERENCE: readonly PalermoItem<PalermoPurpose>[] = [
  item('sexual_exploitation', 'Exploitation of the prostitution of others or other sexual exploitation', "Exploitation de la prostitution d'autrui ou autres formes d'exploitation sexuelle", 'Explotación de la prostitución ajena u otras formas de explotación sexual'),
  item('forced_labour_or_services', 'Forced labour or services', 'Travail ou services forcés', 'Trabajos o servicios forzados'),
  item('slavery_or_similar', 'Slavery or practices similar to slavery', "Esclavage ou pratiques analogues à l'esclavage", 'Esclavitud o prácticas análogas a la esclavitud'),
  item('servitude', 'Servitude', 'Servitude', 'Servidumbre'),
  item('removal_of_organs', 'Removal of organs', "Prélèvement d'organes", 'Extracción de órganos'),
  item(
    'forced_criminality',
    'Forced criminality (exploitation in criminal activities)',
    "Criminalité forcée (exploitation dans des activités criminelles)",
    'Criminalidad forzada (explotación en actividades delictivas)',
    'Not in the minimum list of art. 3(a), which defines exploitation as including "at a minimum" the forms above; recorded here as a further form of exploitation covered by national laws',
  ),
];

export const PALERMO_GUIDANCE: {
  general: Labels;
  act: Labels;
  means: Labels;
  purpose: Labels;
  child: Labels;
  consent: Labels;
  source: string;
} = {
  general: {
    en: 'Trafficking needs three elements: an act (what was done), a means (how it was done) and a purpose (why: exploitation). Record each element you can support with facts.',
    fr: "La traite suppose trois éléments : un acte (ce qui a été fait), un moyen (comment) et une fin (pourquoi : l'exploitation). Consignez chaque élément que des faits permettent d'établir.",
    es: 'La trata requiere tres elementos: una acción (qué se hizo), un medio (cómo se hizo) y un fin (para qué: la explotación). Registre cada elemento que pueda respaldar con hechos.',
  },
  act: {
    en: 'Who recruited, moved, transferred, housed or received the person, when and where.',
    fr: "Qui a recruté, transporté, transféré, hébergé ou accueilli la personne, quand et où.",
    es: 'Quién captó, transportó, trasladó, acogió o recibió a la persona, cuándo y dónde.',
  },
  means: {
    en: 'How control was gained: force, threats, coercion, abduction, fraud, deception, abuse of power or vulnerability, or payments to someone in charge of the person.',
    fr: "Comment le contrôle a été obtenu : force, menaces, contrainte, enlèvement, fraude, tromperie, abus d'autorité ou de vulnérabilité, ou paiements à une personne ayant autorité sur la victime.",
    es: 'Cómo se obtuvo el control: fuerza, amenazas, coacción, rapto, fraude, engaño, abuso de poder o de vulnerabilidad, o pagos a quien tenía autoridad sobre la persona.',
  },
  purpose: {
    en: 'The exploitation intended or achieved: sexual exploitation, forced labour or services, slavery, servitude, removal of organs, forced criminality. Intent is enough; the exploitation need not have happened yet.',
    fr: "L'exploitation visée ou réalisée : exploitation sexuelle, travail ou services forcés, esclavage, servitude, prélèvement d'organes, criminalité forcée. L'intention suffit ; l'exploitation n'a pas besoin d'avoir déjà eu lieu.",
    es: 'La explotación buscada o consumada: explotación sexual, trabajos o servicios forzados, esclavitud, servidumbre, extracción de órganos, criminalidad forzada. Basta la intención; no es necesario que la explotación ya haya ocurrido.',
  },
  child: {
    en: 'For a child (under 18), an act and a purpose are enough: no means need to be shown.',
    fr: "Pour un enfant (moins de 18 ans), un acte et une fin suffisent : aucun moyen n'a besoin d'être établi.",
    es: 'Si la víctima es menor de 18 años, bastan la acción y el fin: no hace falta acreditar ningún medio.',
  },
  consent: {
    en: 'Once any of the means was used, the victim\'s consent to the intended exploitation is irrelevant.',
    fr: "Dès lors que l'un des moyens a été utilisé, le consentement de la victime à l'exploitation envisagée est indifférent.",
    es: 'Si se utilizó cualquiera de los medios, el consentimiento de la víctima a la explotación prevista no se tendrá en cuenta.',
  },
  source: 'Palermo Protocol art. 3(a)-(d) (UN GA res. 55/25, annex II); consent rule art. 3(b), children art. 3(c)-(d) — yumpu GA res. 55/25 annex II; ungift.org',
};
