/**
 * The eleven ILO indicators of forced labour, with what an interviewer looks for.
 * Indicator list: ILO Special Action Programme to Combat Forced Labour (SAP-FL), "ILO
 * indicators of forced labour" (2012), based on the definition in the Forced Labour
 * Convention, 1930 (No. 29). French and Spanish titles follow the ILO's own editions
 * ("Indicateurs du travail forcé", "Indicadores de trabajo forzoso"); the guidance is the
 * project's summary for interviewers, not ILO text.
 */
import type { IloIndicator, Locale } from '../model';

export const ILO_INDICATORS_SOURCE =
  'ILO Special Action Programme to Combat Forced Labour (SAP-FL), ILO indicators of forced labour, booklet 2012; basis: Forced Labour Convention, 1930 (No. 29). ' +
  'Retrieved via https://www.readkong.com/page/ilo-indicators-of-forced-labour-5101277 ; https://respect.international/indicators-of-forced-labour/';

export interface IndicatorReference {
  code: IloIndicator;
  label: Record<Locale, string>;
  guidance: Record<Locale, string>;
  source: string;
}

const rows: Omit<IndicatorReference, 'source'>[] = [
  {
    code: 'abuse_of_vulnerability',
    label: { en: 'Abuse of vulnerability', fr: 'Abus de vulnérabilité', es: 'Abuso de la situación de vulnerabilidad' },
    guidance: {
      en: 'The employer takes advantage of a weak position: irregular status, no local language, poverty, debt or dependence for housing and transport. Ask what would happen if the worker left or complained.',
      fr: "L'employeur profite d'une situation de faiblesse : statut irrégulier, méconnaissance de la langue, pauvreté, dette ou dépendance pour le logement et le transport. Demandez ce qui arriverait si la personne partait ou se plaignait.",
      es: 'El empleador se aprovecha de una posición débil: situación migratoria irregular, desconocimiento del idioma, pobreza, deudas o dependencia para la vivienda y el transporte. Pregunte qué pasaría si la persona se fuera o se quejara.',
    },
  },
  {
    code: 'deception',
    label: { en: 'Deception', fr: 'Tromperie', es: 'Engaño' },
    guidance: {
      en: 'The job, wages, hours, housing or legal status turned out different from what was promised when the person was recruited. Compare the offer (ads, messages, contracts) with the reality.',
      fr: "L'emploi, le salaire, les horaires, le logement ou le statut légal se sont révélés différents de ce qui avait été promis au recrutement. Comparez l'offre (annonces, messages, contrats) avec la réalité.",
      es: 'El trabajo, el salario, el horario, la vivienda o la situación legal resultaron distintos de lo prometido al reclutar a la persona. Compare la oferta (anuncios, mensajes, contratos) con la realidad.',
    },
  },
  {
    code: 'restriction_of_movement',
    label: { en: 'Restriction of movement', fr: 'Restriction de la liberté de mouvement', es: 'Restricción de la libertad de movimiento' },
    guidance: {
      en: 'The person is locked in, watched, escorted or forbidden to leave the workplace or housing outside working hours. Ask whether they can go out alone, and what happens if they try.',
      fr: "La personne est enfermée, surveillée, accompagnée ou empêchée de quitter le lieu de travail ou le logement en dehors des heures de travail. Demandez si elle peut sortir seule et ce qui se passe si elle essaie.",
      es: 'La persona está encerrada, vigilada, acompañada o tiene prohibido salir del lugar de trabajo o de la vivienda fuera del horario laboral. Pregunte si puede salir sola y qué pasa si lo intenta.',
    },
  },
  {
    code: 'isolation',
    label: { en: 'Isolation', fr: 'Isolement', es: 'Aislamiento' },
    guidance: {
      en: 'The worksite is remote or hidden, or the person is cut off from family, other workers and help: phone taken, contacts controlled, no address known. Ask who they can talk to and how.',
      fr: "Le lieu de travail est éloigné ou caché, ou la personne est coupée de sa famille, des autres travailleurs et de toute aide : téléphone confisqué, contacts contrôlés, adresse inconnue. Demandez à qui elle peut parler et comment.",
      es: 'El lugar de trabajo es remoto u oculto, o la persona está aislada de su familia, de otros trabajadores y de cualquier ayuda: le quitaron el teléfono, controlan sus contactos, no conoce la dirección. Pregunte con quién puede hablar y cómo.',
    },
  },
  {
    code: 'physical_sexual_violence',
    label: { en: 'Physical and sexual violence', fr: 'Violences physiques et sexuelles', es: 'Violencia física y sexual' },
    guidance: {
      en: 'Beatings, sexual assault, forced drug or alcohol use, or violence against others as an example. Note injuries and who committed the acts, and offer medical care before anything else.',
      fr: "Coups, agressions sexuelles, consommation forcée de drogue ou d'alcool, ou violences infligées à d'autres pour l'exemple. Notez les blessures et les auteurs, et proposez des soins médicaux avant toute autre chose.",
      es: 'Golpes, agresiones sexuales, consumo forzado de drogas o alcohol, o violencia contra otras personas como escarmiento. Registre las lesiones y quién las causó, y ofrezca atención médica antes que nada.',
    },
  },
  {
    code: 'intimidation_threats',
    label: { en: 'Intimidation and threats', fr: 'Intimidation et menaces', es: 'Intimidación y amenazas' },
    guidance: {
      en: 'Threats against the person or their family, of denunciation to immigration or police, of dismissal or blacklisting, or constant insults. Record the exact words used and who said them.',
      fr: "Menaces visant la personne ou sa famille, menaces de dénonciation aux services d'immigration ou à la police, de renvoi ou de mise sur liste noire, insultes constantes. Consignez les mots exacts et leur auteur.",
      es: 'Amenazas contra la persona o su familia, de denunciarla ante migración o la policía, de despido o de ponerla en listas negras, o insultos constantes. Anote las palabras exactas y quién las dijo.',
    },
  },
  {
    code: 'retention_of_identity_documents',
    label: { en: 'Retention of identity documents', fr: "Confiscation des documents d'identité", es: 'Retención de documentos de identidad' },
    guidance: {
      en: 'Someone else keeps the passport, ID, work permit or visa and the person cannot get it back on demand. Ask where the documents are now and whether they could have them today.',
      fr: "Un tiers garde le passeport, la pièce d'identité, le permis de travail ou le visa et la personne ne peut pas les récupérer à sa demande. Demandez où se trouvent les documents et si elle pourrait les obtenir aujourd'hui.",
      es: 'Otra persona guarda el pasaporte, la identificación, el permiso de trabajo o la visa y la persona no puede recuperarlos cuando lo pide. Pregunte dónde están los documentos y si podría tenerlos hoy mismo.',
    },
  },
  {
    code: 'withholding_of_wages',
    label: { en: 'Withholding of wages', fr: 'Rétention des salaires', es: 'Retención del salario' },
    guidance: {
      en: 'Wages are unpaid, delayed, kept "for safekeeping" or cut by deductions the worker never agreed to, so that leaving means losing them. Ask to see pay slips or transfers.',
      fr: "Le salaire n'est pas versé, est retardé, gardé « en dépôt » ou amputé de retenues jamais acceptées, de sorte que partir signifie le perdre. Demandez les bulletins de paie ou les preuves de virement.",
      es: 'El salario no se paga, se retrasa, se guarda «para resguardarlo» o se reduce con descuentos nunca aceptados, de modo que irse significa perderlo. Pida ver recibos de nómina o transferencias.',
    },
  },
  {
    code: 'debt_bondage',
    label: { en: 'Debt bondage', fr: 'Servitude pour dettes', es: 'Servidumbre por deudas' },
    guidance: {
      en: 'A debt for recruitment fees, travel, housing or advances that grows or never shrinks and ties the person to the employer. Ask how much is owed, how it is counted and who keeps the account.',
      fr: "Une dette pour des frais de recrutement, le voyage, le logement ou des avances, qui augmente ou ne diminue jamais et lie la personne à l'employeur. Demandez le montant dû, comment il est calculé et qui tient le compte.",
      es: 'Una deuda por cuotas de reclutamiento, viaje, vivienda o adelantos que crece o nunca disminuye y ata a la persona al empleador. Pregunte cuánto debe, cómo se calcula y quién lleva la cuenta.',
    },
  },
  {
    code: 'abusive_working_living_conditions',
    label: { en: 'Abusive working and living conditions', fr: 'Conditions de travail et de vie abusives', es: 'Condiciones de trabajo y de vida abusivas' },
    guidance: {
      en: 'Degrading, dangerous or unhealthy work or housing: overcrowding, no protective equipment, no clean water, work no one would accept freely. Describe what you saw and photograph it when allowed.',
      fr: "Travail ou logement dégradant, dangereux ou insalubre : surpeuplement, absence d'équipement de protection ou d'eau potable, tâches que personne n'accepterait librement. Décrivez ce que vous avez vu et photographiez-le si c'est permis.",
      es: 'Trabajo o vivienda degradante, peligrosa o insalubre: hacinamiento, sin equipo de protección ni agua potable, tareas que nadie aceptaría libremente. Describa lo que vio y tome fotografías si está permitido.',
    },
  },
  {
    code: 'excessive_overtime',
    label: { en: 'Excessive overtime', fr: 'Heures supplémentaires excessives', es: 'Horas extraordinarias excesivas' },
    guidance: {
      en: 'Hours beyond legal limits, no rest days, or overtime the person cannot refuse without a penalty. Ask for a typical day and week, and what happens when someone says no.',
      fr: "Horaires au-delà des limites légales, aucun jour de repos, ou heures supplémentaires que la personne ne peut refuser sans sanction. Demandez une journée et une semaine types, et ce qui arrive quand quelqu'un refuse.",
      es: 'Jornadas por encima de los límites legales, sin días de descanso, u horas extra que la persona no puede rechazar sin castigo. Pregunte por un día y una semana típicos, y qué pasa cuando alguien se niega.',
    },
  },
];

export const ILO_INDICATOR_REFERENCE: readonly IndicatorReference[] = rows.map((r) => ({ ...r, source: ILO_INDICATORS_SOURCE }));

/** General advice shown above the screening form. */
export const ILO_SCREENING_GUIDANCE: Record<Locale, string> = {
  en: 'Mark an indicator as present only with a note of the evidence. One strong indicator can be enough to suspect forced labour; usually several are found together.',
  fr: "Ne cochez un indicateur comme présent qu'avec une note décrivant les éléments de preuve. Un seul indicateur fort peut suffire à soupçonner du travail forcé ; le plus souvent, plusieurs sont réunis.",
  es: 'Marque un indicador como presente solo con una nota sobre la evidencia. Un solo indicador fuerte puede bastar para sospechar trabajo forzoso; por lo general se encuentran varios juntos.',
};
