/**
 * Traffic Light Protocol 2.0 labels (FIRST), with colours and meanings. English meanings
 * summarise FIRST's definitions as given in the MISP taxonomy; French and Spanish are the
 * project's translations. The colours are those of the MISP taxonomy (FIRST specifies RGB
 * values to be shown on a black background).
 */
import type { Locale, Tlp } from '../model';

export const TLP_SOURCE =
  'FIRST TLP 2.0 (https://www.first.org/tlp), via github MISP/misp-taxonomies tlp/machinetag.json';

export interface TlpLabel {
  code: Tlp;
  label: string;
  colour: string;
  meaning: Record<Locale, string>;
  source: string;
}

export const TLP_REFERENCE: readonly TlpLabel[] = [
  {
    code: 'RED',
    label: 'TLP:RED',
    colour: '#FF2B2B',
    meaning: {
      en: 'For the eyes and ears of individual recipients only; no further disclosure. In a meeting, limited to those present.',
      fr: "Réservé aux seuls destinataires nommés ; aucune divulgation au-delà. En réunion, limité aux personnes présentes.",
      es: 'Solo para los destinatarios individuales; prohibida cualquier otra divulgación. En una reunión, limitado a los presentes.',
    },
    source: TLP_SOURCE,
  },
  {
    code: 'AMBER+STRICT',
    label: 'TLP:AMBER+STRICT',
    colour: '#FFC000',
    meaning: {
      en: "Limited disclosure: recipients may share only within their own organization, on a need-to-know basis.",
      fr: "Divulgation limitée : les destinataires ne peuvent partager qu'au sein de leur propre organisation, selon le besoin d'en connaître.",
      es: 'Divulgación limitada: los destinatarios solo pueden compartir dentro de su propia organización, según la necesidad de conocer.',
    },
    source: TLP_SOURCE,
  },
  {
    code: 'AMBER',
    label: 'TLP:AMBER',
    colour: '#FFC000',
    meaning: {
      en: "Limited disclosure: recipients may share within their organization and with its clients, on a need-to-know basis.",
      fr: "Divulgation limitée : les destinataires peuvent partager au sein de leur organisation et avec ses clients, selon le besoin d'en connaître.",
      es: 'Divulgación limitada: los destinatarios pueden compartir dentro de su organización y con sus clientes, según la necesidad de conocer.',
    },
    source: TLP_SOURCE,
  },
  {
    code: 'GREEN',
    label: 'TLP:GREEN',
    colour: '#33FF00',
    meaning: {
      en: 'Limited disclosure: recipients may share with peers and partner organizations in their community, but not through publicly accessible channels.',
      fr: 'Divulgation limitée : les destinataires peuvent partager avec leurs pairs et les organisations partenaires de leur communauté, mais pas par des canaux accessibles au public.',
      es: 'Divulgación limitada: los destinatarios pueden compartir con sus pares y organizaciones asociadas de su comunidad, pero no por canales de acceso público.',
    },
    source: TLP_SOURCE,
  },
  {
    code: 'CLEAR',
    label: 'TLP:CLEAR',
    colour: '#FFFFFF',
    meaning: {
      en: 'No limit on disclosure, subject to standard copyright rules (replaces TLP:WHITE of TLP 1.0).',
      fr: "Aucune limite de divulgation, sous réserve des règles habituelles du droit d'auteur (remplace TLP:WHITE de la version 1.0).",
      es: 'Sin límite de divulgación, sujeto a las normas habituales de derechos de autor (sustituye a TLP:WHITE de la versión 1.0).',
    },
    source: TLP_SOURCE,
  },
];
