/**
 * Case texts of the demo in the language of the agency that wrote them: titles, ILO
 * indicator evidence notes, Palermo notes, outcome details.
 */
import type { CaseType, IloIndicator, OutcomeStage } from '../domain/model';
import type { TextLang } from './places';
import type { Rng } from './rng';

type Tr = Record<TextLang, string>;
type TrList = Record<TextLang, readonly string[]>;

export const fill = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => vars[k] ?? whole);

const TYPE_LABEL: Record<CaseType, Tr> = {
  sex_trafficking: { es: 'Trata con fines de explotación sexual', fr: 'Traite à des fins d’exploitation sexuelle', en: 'Sex trafficking' },
  labour_trafficking: { es: 'Trata con fines de explotación laboral', fr: 'Traite à des fins d’exploitation par le travail', en: 'Labour trafficking' },
  forced_labour: { es: 'Trabajo forzoso', fr: 'Travail forcé', en: 'Forced labour' },
  forced_criminality: { es: 'Criminalidad forzada', fr: 'Criminalité forcée', en: 'Forced criminality' },
  domestic_servitude: { es: 'Servidumbre doméstica', fr: 'Servitude domestique', en: 'Domestic servitude' },
  other_exploitation: { es: 'Otra forma de explotación', fr: 'Autre forme d’exploitation', en: 'Other exploitation' },
};

export function caseTitle(lang: TextLang, type: CaseType, where: string): string {
  const sep = lang === 'fr' ? ' – ' : ' — ';
  return `${TYPE_LABEL[type][lang]}${sep}${where}`;
}

const ILO_EVIDENCE: Record<IloIndicator, TrList> = {
  abuse_of_vulnerability: {
    es: ['Sin estatus migratorio regular; el empleador lo sabía y lo usaba como amenaza.', 'No habla el idioma local y depende del reclutador para todo trámite.'],
    fr: ['Statut migratoire précaire connu de l’employeur et utilisé comme menace.', 'Ne parle ni français ni anglais; dépend de l’intermédiaire pour toute démarche.'],
    en: ['Irregular status known to the employer and used as leverage.', 'Speaks no English; relies on the recruiter for every formality.'],
  },
  deception: {
    es: ['Le prometieron salario y vivienda distintos a los reales.', 'Anuncio de empleo como mesera; al llegar el trabajo era otro.'],
    fr: ['Salaire et logement promis très différents de la réalité.', 'Offre d’emploi de serveuse; le travail réel était tout autre.'],
    en: ['Promised wages and housing very different from reality.', 'Job advertised as waitressing; the actual work was different.'],
  },
  restriction_of_movement: {
    es: ['No se le permitía salir de la finca sin supervisor.', 'Puertas cerradas con llave por la noche.'],
    fr: ['Interdiction de quitter la ferme sans superviseur.', 'Portes verrouillées la nuit.'],
    en: ['Not allowed to leave the farm without a supervisor.', 'Doors locked at night.'],
  },
  isolation: {
    es: ['Alojamiento a 40 km del pueblo más cercano, sin transporte.', 'Le quitaron el celular durante semanas.'],
    fr: ['Logement à 40 km du village le plus proche, sans transport.', 'Téléphone confisqué pendant des semaines.'],
    en: ['Housing 40 km from the nearest town, no transport.', 'Phone taken away for weeks.'],
  },
  physical_sexual_violence: {
    es: ['Refiere golpes del encargado.', 'Relata agresiones sexuales por parte del explotador.'],
    fr: ['Déclare avoir été frappé par le contremaître.', 'Relate des agressions sexuelles par l’exploiteur.'],
    en: ['Reports being hit by the supervisor.', 'Describes sexual assaults by the exploiter.'],
  },
  intimidation_threats: {
    es: ['Amenazas de denunciarlo a migración.', 'Amenazas contra su familia en el lugar de origen.'],
    fr: ['Menaces de dénonciation aux autorités d’immigration.', 'Menaces envers sa famille au pays.'],
    en: ['Threatened with being reported to immigration.', 'Threats against family back home.'],
  },
  retention_of_identity_documents: {
    es: ['El reclutador retuvo su pasaporte al llegar.', 'Pasaporte y visa guardados "por seguridad" por el patrón.'],
    fr: ['Passeport confisqué par le recruteur à l’arrivée.', 'Passeport et permis gardés « par sécurité » par l’employeur.'],
    en: ['Passport taken by the recruiter on arrival.', 'Passport and visa kept "for safekeeping" by the employer.'],
  },
  withholding_of_wages: {
    es: ['Tres meses sin pago; le dicen que se descuenta la deuda.', 'Pagos en efectivo muy por debajo de lo pactado.'],
    fr: ['Trois mois sans salaire; on lui dit que la dette est déduite.', 'Paiements en espèces bien inférieurs au contrat.'],
    en: ['Three months unpaid; told the debt was being deducted.', 'Cash payments far below the contract.'],
  },
  debt_bondage: {
    es: ['Pagó cuota de reclutamiento con préstamo; la deuda crece cada mes.', 'Debe transporte y hospedaje al explotador.'],
    fr: ['Frais de recrutement payés par un prêt; la dette augmente chaque mois.', 'Doit le transport et le logement à l’exploiteur.'],
    en: ['Paid the recruitment fee with a loan; the debt grows monthly.', 'Owes travel and lodging to the exploiter.'],
  },
  abusive_working_living_conditions: {
    es: ['Doce personas en una casa rodante sin agua caliente.', 'Exposición a pesticidas sin equipo de protección.'],
    fr: ['Douze personnes dans une maison mobile sans eau chaude.', 'Exposition aux pesticides sans équipement de protection.'],
    en: ['Twelve people in one trailer without hot water.', 'Exposure to pesticides without protective equipment.'],
  },
  excessive_overtime: {
    es: ['Jornadas de 14 horas, siete días a la semana.', 'Sin día de descanso en toda la temporada.'],
    fr: ['Journées de 14 heures, sept jours sur sept.', 'Aucun jour de repos de toute la saison.'],
    en: ['Fourteen-hour days, seven days a week.', 'No day off all season.'],
  },
};

export function iloEvidence(rng: Rng, lang: TextLang, indicator: IloIndicator): string {
  return rng.pick(ILO_EVIDENCE[indicator][lang]);
}

export function palermoNote(lang: TextLang, child: boolean, hasAllElements: boolean): string {
  if (child)
    return {
      es: 'Víctima menor de 18 años: no se requiere acreditar los medios.',
      fr: 'Victime de moins de 18 ans : les moyens n’ont pas à être établis.',
      en: 'Victim under 18: means need not be shown.',
    }[lang];
  return hasAllElements
    ? { es: 'Acto, medio y fin acreditados preliminarmente.', fr: 'Acte, moyen et fin établis à titre préliminaire.', en: 'Act, means and purpose preliminarily established.' }[lang]
    : { es: 'Evaluación en curso; faltan elementos.', fr: 'Évaluation en cours; éléments manquants.', en: 'Assessment in progress; elements missing.' }[lang];
}

const OUTCOME_TEXT: Record<OutcomeStage, Tr> = {
  investigation: { es: 'Carpeta de investigación iniciada', fr: 'Enquête ouverte', en: 'Investigation opened' },
  charges: { es: 'Vinculación a proceso por trata de personas', fr: 'Accusations de traite de personnes déposées', en: 'Charged with trafficking in persons' },
  conviction: { es: 'Sentencia condenatoria', fr: 'Déclaration de culpabilité', en: 'Convicted' },
  acquittal: { es: 'Sentencia absolutoria', fr: 'Acquittement', en: 'Acquitted' },
  dismissal: { es: 'No ejercicio de la acción penal', fr: 'Arrêt des procédures', en: 'Case dismissed' },
  sentence: { es: 'Pena de prisión de {months} meses', fr: 'Peine d’emprisonnement de {months} mois', en: 'Sentenced to {months} months in prison' },
};

export function outcomeDetail(lang: TextLang, stage: OutcomeStage, months?: number): string {
  return fill(OUTCOME_TEXT[stage][lang], { months: String(months ?? '') });
}

/** What the exploitation looked like, by case type; used inside narratives. */
export const EXPLOITATION: Record<CaseType, TrList> = {
  sex_trafficking: {
    es: ['se le obliga a prestar servicios sexuales y a entregar todo el dinero', 'se le anuncia en línea y se le traslada entre hoteles'],
    fr: ['la personne est forcée d’offrir des services sexuels et de remettre tout l’argent', 'la personne est annoncée en ligne et déplacée d’hôtel en hôtel'],
    en: ['is forced to sell sex and hand over all the money', 'is advertised online and moved between hotels'],
  },
  labour_trafficking: {
    es: ['se le reclutó con una oferta falsa y ahora trabaja sin pago para saldar una deuda', 'trabaja bajo amenazas y sin sus documentos'],
    fr: ['recrutée sur une fausse offre, la personne travaille sans salaire pour rembourser une dette', 'la personne travaille sous la menace, sans ses documents'],
    en: ['was recruited with a false offer and now works unpaid to repay a debt', 'works under threat, without their documents'],
  },
  forced_labour: {
    es: ['trabaja jornadas de catorce horas y no puede renunciar', 'le retienen el salario y el pasaporte'],
    fr: ['la personne travaille quatorze heures par jour et ne peut pas démissionner', 'salaire et passeport retenus par l’employeur'],
    en: ['works fourteen-hour days and cannot quit', 'has wages and passport withheld'],
  },
  forced_criminality: {
    es: ['se le obliga bajo amenaza a vender droga', 'se le obliga a cometer robos en tiendas'],
    fr: ['la personne est forcée sous la menace de vendre de la drogue', 'la personne est forcée de commettre des vols à l’étalage'],
    en: ['is forced under threat to sell drugs', 'is forced to shoplift'],
  },
  domestic_servitude: {
    es: ['trabaja en una casa sin salario y sin poder salir', 'cuida niños día y noche sin descanso'],
    fr: ['la personne travaille comme domestique sans salaire et sans pouvoir sortir', 'la personne garde des enfants jour et nuit sans repos'],
    en: ['works as a live-in domestic without pay and cannot leave the house', 'cares for children day and night without rest'],
  },
  other_exploitation: {
    es: ['se le obliga a pedir dinero en la calle', 'se le obliga a vender mercancía en cruceros'],
    fr: ['la personne est forcée de mendier dans la rue', 'la personne est forcée de vendre de la marchandise aux intersections'],
    en: ['is forced to beg on the street', 'is forced to sell goods at intersections'],
  },
};

export const SOURCE_KINDS = ['hotline_tip', 'worker_report', 'online_ad', 'referral', 'inspection', 'police_report'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const NARRATIVE: Record<SourceKind, Tr> = {
  hotline_tip: {
    es: 'Denuncia a la línea contra la trata ({date}): una persona informa sobre {victim}, en {city}: {what}. Se menciona el número {phone}.',
    fr: 'Signalement à la ligne d’urgence ({date}) : une personne signale la situation de {victim}, à {city} — {what}. Le numéro {phone} est mentionné.',
    en: 'Hotline tip ({date}): a caller reports that {victim}, in {city}, {what}. The number {phone} was mentioned.',
  },
  worker_report: {
    es: 'Reporte de trabajador ({date}) — {org}: {victim} declara que {what}. Pide apoyo y confidencialidad.',
    fr: 'Signalement d’un travailleur ({date}) — {org} : {victim} déclare : {what}. Demande de l’aide et la confidentialité.',
    en: 'Worker report ({date}) — {org}: {victim}, who {what}, asks for help and confidentiality.',
  },
  online_ad: {
    es: 'Extracto de anuncio en línea ({platform}, {handle}, {date}): «Chicas nuevas en {city}, disponibles 24 h, solo WhatsApp». Teléfono del anuncio: {phone}. Indicios sobre {victim}: {what}.',
    fr: 'Extrait d’annonce en ligne ({platform}, {handle}, {date}) : « Nouvelles filles à {city}, disponibles 24 h, WhatsApp seulement ». Téléphone de l’annonce : {phone}. Indices concernant {victim} : {what}.',
    en: 'Online ad extract ({platform}, {handle}, {date}): "New girls in {city}, available 24/7, text only". Ad phone: {phone}. Indications that {victim} {what}.',
  },
  referral: {
    es: 'Canalización recibida ({date}) desde {agency}: se identificó a {victim} en {city}; {what}. Requiere refugio y atención psicológica.',
    fr: 'Référence reçue ({date}), envoyée par {agency} : {victim}, rencontré(e) à {city} — {what}. Besoin d’hébergement et de soutien psychologique.',
    en: 'Referral received ({date}) from {agency}: {victim} was identified in {city} and {what}. Needs shelter and counselling.',
  },
  inspection: {
    es: 'Visita de inspección ({city}, {date}) — {org}: se entrevistó a {victim}: {what}.',
    fr: 'Inspection ({city}, {date}) — {org} : entrevue avec {victim} — {what}.',
    en: 'Inspection ({city}, {date}) — {org}: interviewed {victim}, who {what}.',
  },
  police_report: {
    es: 'Informe policial ({date}): tras un operativo en {city} se localizó a {victim}; {what}. Probable responsable: {suspect}.',
    fr: 'Rapport de police ({date}) : lors d’une opération à {city}, {victim} a été repéré(e) — {what}. Suspect probable : {suspect}.',
    en: 'Police report ({date}): an operation in {city} located {victim}, who {what}. Likely offender: {suspect}.',
  },
};

export function narrative(lang: TextLang, kind: SourceKind, vars: Record<string, string>): string {
  return fill(NARRATIVE[kind][lang], vars);
}

/** "an unidentified person" in each language, for narratives without a named subject. */
export const UNKNOWN_PERSON: Tr = { es: 'una persona no identificada', fr: 'une personne non identifiée', en: 'an unidentified person' };
export const UNKNOWN_PHONE: Tr = { es: 'sin número', fr: 'aucun numéro', en: 'no number' };
export const UNKNOWN_ORG: Tr = { es: 'centro de trabajo sin identificar', fr: 'lieu de travail non identifié', en: 'unidentified workplace' };
