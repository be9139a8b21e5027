/** Labels in English, French and Spanish for the closed lists of the domain model. */
import type { CaseMemberCapacity, CaseStatus, CaseType, Locale, OutcomeStage, Role, SubjectRole } from '../model';

type L = Record<Locale, string>;

export const CASE_TYPE_LABELS: Record<CaseType, L> = {
  sex_trafficking: { en: 'Sex trafficking', fr: 'Traite à des fins d’exploitation sexuelle', es: 'Trata con fines de explotación sexual' },
  labour_trafficking: { en: 'Labour trafficking', fr: 'Traite à des fins d’exploitation par le travail', es: 'Trata con fines de explotación laboral' },
  forced_labour: { en: 'Forced labour', fr: 'Travail forcé', es: 'Trabajo forzoso' },
  forced_criminality: { en: 'Forced criminality', fr: 'Criminalité forcée', es: 'Criminalidad forzada' },
  domestic_servitude: { en: 'Domestic servitude', fr: 'Servitude domestique', es: 'Servidumbre doméstica' },
  other_exploitation: { en: 'Other exploitation', fr: 'Autre forme d’exploitation', es: 'Otra forma de explotación' },
};

export const CASE_STATUS_LABELS: Record<CaseStatus, L> = {
  open: { en: 'Open', fr: 'Ouvert', es: 'Abierto' },
  investigating: { en: 'Under investigation', fr: 'En cours d’enquête', es: 'En investigación' },
  prosecution: { en: 'Prosecution', fr: 'Poursuites engagées', es: 'En proceso penal' },
  closed: { en: 'Closed', fr: 'Clos', es: 'Cerrado' },
  archived: { en: 'Archived', fr: 'Archivé', es: 'Archivado' },
};

export const SUBJECT_ROLE_LABELS: Record<SubjectRole, L> = {
  victim: { en: 'Victim', fr: 'Victime', es: 'Víctima' },
  suspect: { en: 'Suspect', fr: 'Suspect', es: 'Persona sospechosa' },
  witness: { en: 'Witness', fr: 'Témoin', es: 'Testigo' },
  worker: { en: 'Worker', fr: 'Travailleur', es: 'Trabajador' },
  recruiter: { en: 'Recruiter', fr: 'Recruteur', es: 'Reclutador' },
  employer: { en: 'Employer', fr: 'Employeur', es: 'Empleador' },
};

export const OUTCOME_STAGE_LABELS: Record<OutcomeStage, L> = {
  investigation: { en: 'Investigation opened', fr: 'Enquête ouverte', es: 'Investigación iniciada' },
  charges: { en: 'Charges laid', fr: 'Accusations portées', es: 'Imputación formulada' },
  conviction: { en: 'Conviction', fr: 'Condamnation', es: 'Sentencia condenatoria' },
  acquittal: { en: 'Acquittal', fr: 'Acquittement', es: 'Sentencia absolutoria' },
  dismissal: { en: 'Charges dismissed or withdrawn', fr: 'Accusations rejetées ou retirées', es: 'Sobreseimiento o retiro de la acusación' },
  sentence: { en: 'Sentence', fr: 'Peine prononcée', es: 'Pena impuesta' },
};

export const ROLE_LABELS: Record<Role, L> = {
  admin: { en: 'Administrator', fr: 'Administrateur', es: 'Administrador' },
  liaison: { en: 'Liaison officer', fr: 'Agent de liaison', es: 'Oficial de enlace' },
  investigator: { en: 'Investigator', fr: 'Enquêteur', es: 'Investigador' },
  analyst: { en: 'Intelligence analyst', fr: 'Analyste du renseignement', es: 'Analista de inteligencia' },
  inspector: { en: 'Labour inspector', fr: 'Inspecteur du travail', es: 'Inspector del trabajo' },
  caseworker: { en: 'Victim caseworker', fr: 'Intervenant auprès des victimes', es: 'Gestor de atención a víctimas' },
  prosecutor: { en: 'Prosecutor', fr: 'Procureur', es: 'Fiscal' },
  auditor: { en: 'Auditor', fr: 'Auditeur', es: 'Auditor' },
};

export const CAPACITY_LABELS: Record<CaseMemberCapacity, L> = {
  investigator: { en: 'Investigator on the case', fr: 'Enquêteur du dossier', es: 'Investigador del caso' },
  caseworker: { en: 'Caseworker for the victims', fr: 'Intervenant auprès des victimes du dossier', es: 'Gestor de atención a las víctimas del caso' },
  prosecutor: { en: 'Prosecutor on the case', fr: 'Procureur chargé du dossier', es: 'Fiscal del caso' },
};
