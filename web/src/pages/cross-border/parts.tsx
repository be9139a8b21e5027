/** Pieces the cross-border pages share: score, partner, field labels, legal basis, the disclosure steps. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DisclosureView, LegalBasisKind, LegalBasisView } from '../../../../src/server/api-types';
import { FieldError } from '../../components/field-error';
import { propertyLabel } from '../../components/entity-summary';
import { invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { INTL_LOCALE } from '../../i18n';
import { useCatalogues } from '../../reference';
import { disclosureSteps, formatScore, LABELLED_FIELDS, LEGAL_BASIS_KINDS, LIMITS, scorePercent, type LegalBasisInput, type Problem } from './cross-border-rules';
import './cross-border.css';

/** A sentence for a form problem, in the reader's language. */
export const problemText = (t: TFunction, problem: Problem | undefined, max?: number): string | undefined => {
  if (!problem) return undefined;
  if (problem === 'tooLong') return t('crossBorder.form.tooLong', { max: String(max ?? '') });
  if (problem === 'chooseField') return t('crossBorder.form.chooseField');
  return t('crossBorder.form.required');
};

/** The similarity of two encodings: a bar, the number, and the band when known. */
export const Score = ({ score, band }: { score: number; band?: 'strong' | 'possible' }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className={`xb-score${band ? ` xb-score-${band}` : ''}`} data-testid="hit-score">
      <span className="xb-score-bar" aria-hidden="true">
        <span className="xb-score-fill" style={{ width: `${scorePercent(score)}%` }} />
      </span>
      <span className="xb-score-number">{formatScore(score, INTL_LOCALE[format.locale])}</span>
      {band && <span className={`xb-band xb-band-${band}`}>{t(`crossBorder.band.${band}`)}</span>}
    </span>
  );
};

/** "Mexico (mx)" */
export const Partner = ({ node, country }: { node: string; country: string }) => {
  const format = useFormat();
  return (
    <span className="peer-name">
      {country ? `${format.country(country)} ` : ''}
      <span className="mono">({node})</span>
    </span>
  );
};

/** A property's name as a person reads it: this page's label, else the schema's, else the name. */
export const useFieldLabel = (): ((name: string, schema?: string) => string) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  return (name, schema) => {
    if (LABELLED_FIELDS.includes(name)) return t(`crossBorder.field.${name}`);
    return propertyLabel(schema ? catalogues.data?.schema(schema) : undefined, name, format);
  };
};

export const basisText = (t: TFunction, basis: LegalBasisView): string => `${t(`crossBorder.basis.${basis.kind}`)} — ${basis.reference}`;

/** The legal basis of a request or a decision: its kind and where it is written down. */
export const LegalBasisFields = ({
  prefix,
  value,
  onChange,
  problems,
}: {
  prefix: string;
  value: LegalBasisInput;
  onChange: (next: LegalBasisInput) => void;
  problems: Record<string, string | undefined>;
}) => {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset xb-basis">
      <legend>{t('crossBorder.basis.title')}</legend>
      <div className="field">
        <label htmlFor={`${prefix}-basis-kind`}>{t('crossBorder.basis.kind')}</label>
        <select
          id={`${prefix}-basis-kind`}
          value={value.basisKind}
          onChange={(e) => onChange({ ...value, basisKind: e.target.value as LegalBasisKind | '' })}
          data-testid={`${prefix}-basis-kind`}
          {...invalidProps(`${prefix}-basis-kind`, problems.basisKind)}
        >
          <option value="">{t('crossBorder.basis.choose')}</option>
          {LEGAL_BASIS_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`crossBorder.basis.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-basis-kind`} message={problems.basisKind} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-basis-reference`}>{t('crossBorder.basis.reference')}</label>
        <input
          id={`${prefix}-basis-reference`}
          value={value.basisReference}
          maxLength={LIMITS.basisReference}
          onChange={(e) => onChange({ ...value, basisReference: e.target.value })}
          data-testid={`${prefix}-basis-reference`}
          {...invalidProps(`${prefix}-basis-reference`, problems.basisReference, `${prefix}-basis-reference-hint`)}
        />
        <p className="hint" id={`${prefix}-basis-reference-hint`}>
          {t('crossBorder.basis.referenceHint')}
        </p>
        <FieldError id={`${prefix}-basis-reference`} message={problems.basisReference} />
      </div>
    </fieldset>
  );
};

/** existence → contact → fields: where one request stands. */
export const DisclosureStepper = ({ disclosure }: { disclosure: Pick<DisclosureView, 'status' | 'requested' | 'decision'> }) => {
  const { t } = useTranslation();
  return (
    <ol className="xb-stepper" aria-label={t('crossBorder.steps.label')} data-testid="disclosure-steps">
      {disclosureSteps(disclosure).map((step, index) => (
        <li key={step.level} className={`xb-step xb-step-${step.state}`} data-testid="disclosure-step" data-level={step.level} data-state={step.state}>
          <span className="xb-step-mark" aria-hidden="true">
            {step.state === 'reached' ? '✓' : step.state === 'refused' || step.state === 'not_granted' ? '✕' : index + 1}
          </span>
          <span className="xb-step-text">
            <strong>{t(`crossBorder.level.${step.level}`)}</strong>
            <span className="xb-step-state">{step.level === 'existence' ? t('crossBorder.steps.known') : t(`crossBorder.steps.${step.state}`)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
};

export const DisclosureStatusBadge = ({ status }: { status: DisclosureView['status'] }) => {
  const { t } = useTranslation();
  return (
    <span className={`xb-status xb-status-${status}`} data-testid="disclosure-status" data-status={status}>
      {t(`crossBorder.status.${status}`)}
    </span>
  );
};
