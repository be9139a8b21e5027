import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, IndicatorFinding } from '../../../../src/server/api-types';
import { ErrorMessage } from '../../components/error-message';
import { FieldError } from '../../components/field-error';
import { fieldErrors, invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { INDICATORS, type IndicatorCode } from '../../lists';
import { useCatalogues } from '../../reference';
import { mergeByKey } from '../../merge';
import { useDraft, type CaseEditor } from './use-case-editor';

type Draft = Record<IndicatorCode, { present: boolean; evidence: string }>;

export const toDraft = (findings: IndicatorFinding[]): Draft => {
  const draft = Object.fromEntries(INDICATORS.map((code) => [code, { present: false, evidence: '' }])) as Draft;
  for (const finding of findings) draft[finding.indicator] = { present: finding.present, evidence: finding.evidence };
  return draft;
};

/** Findings worth keeping: an indicator marked present, or one with a note either way. */
export const toFindings = (draft: Draft): IndicatorFinding[] =>
  INDICATORS.filter((code) => draft[code].present || draft[code].evidence.trim() !== '').map((code) => ({
    indicator: code,
    present: draft[code].present,
    evidence: draft[code].evidence.trim(),
  }));

/** The ILO's 11 indicators of forced labour, each with guidance beside the question. */
export const IndicatorsSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const source = useMemo(() => toDraft(detail.indicators), [detail.indicators]);
  const [draft, setDraft, dirty, reset] = useDraft(source, detail.version, mergeByKey);
  const [error, setError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState<IndicatorFinding[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const reference = catalogues.data?.reference;
  /** "indicators[1].evidence" names the second finding sent, not the second indicator */
  const errors = fieldErrors(error, (field) => {
    const match = /^indicators\[(\d+)\]/.exec(field);
    return match ? (submitted[Number(match[1])]?.indicator ?? null) : null;
  });
  const labelOf = (code: string) => {
    const entry = reference?.indicators.find((i) => i.code === code);
    return entry ? format.pick(entry.label) : t(`indicators.fallback.${code}`);
  };
  const presentCount = INDICATORS.filter((code) => draft[code].present).length;
  const editable = detail.permissions.editScreening;

  const update = (code: IndicatorCode, change: Partial<Draft[IndicatorCode]>) => {
    setSaved(false);
    setDraft({ ...draft, [code]: { ...draft[code], ...change } });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const findings = toFindings(draft);
    setSubmitted(findings);
    const outcome = await editor.patch({ indicators: findings });
    if (outcome.ok) {
      reset();
      setSaved(true);
    } else if (!outcome.conflict) setError(outcome.error);
    setBusy(false);
  };

  return (
    <section className="case-section" aria-labelledby="indicators-heading" id="indicators">
      <h2 id="indicators-heading">{t('indicators.title')}</h2>
      <p className="hint">{t('indicators.intro')}</p>
      {reference?.indicatorGuidance && <p className="guidance guidance-block">{format.pick(reference.indicatorGuidance)}</p>}
      <p className="summary-line" aria-live="polite" data-testid="indicators-count">
        {t('indicators.presentCount', { count: presentCount, total: INDICATORS.length })}
      </p>
      <form onSubmit={submit}>
        <fieldset disabled={!editable} className="plain-fieldset">
          <ol className="indicator-list">
            {INDICATORS.map((code) => {
              const entry = reference?.indicators.find((i) => i.code === code);
              const label = entry ? format.pick(entry.label) : t(`indicators.fallback.${code}`);
              const guidanceId = `indicator-${code}-guidance`;
              return (
                <li key={code} className={draft[code].present ? 'indicator indicator-present' : 'indicator'} data-testid={`indicator-${code}`}>
                  {editable ? (
                    <fieldset className="indicator-question plain-fieldset">
                      <legend className="indicator-label">{label}</legend>
                      <div className="checkbox-field">
                        <input
                          id={`indicator-${code}-present`}
                          type="checkbox"
                          checked={draft[code].present}
                          onChange={(e) => update(code, { present: e.target.checked })}
                          aria-describedby={entry ? guidanceId : undefined}
                          data-testid={`indicator-${code}-present`}
                        />
                        <label htmlFor={`indicator-${code}-present`}>{t('indicators.present')}</label>
                      </div>
                      <div className="field">
                        <label htmlFor={`indicator-${code}-evidence`}>{t('indicators.evidence')}</label>
                        <textarea
                          id={`indicator-${code}-evidence`}
                          rows={2}
                          value={draft[code].evidence}
                          onChange={(e) => update(code, { evidence: e.target.value })}
                          data-testid={`indicator-${code}-evidence`}
                          {...invalidProps(`indicator-${code}-evidence`, errors[code])}
                        />
                        <FieldError id={`indicator-${code}-evidence`} message={errors[code]} />
                      </div>
                    </fieldset>
                  ) : (
                    <div className="indicator-question">
                      <h3 className="indicator-label">{label}</h3>
                      <p className={draft[code].present ? 'finding finding-present' : 'finding'} data-testid={`indicator-${code}-finding`}>
                        {draft[code].present ? t('indicators.isPresent') : t('indicators.notRecorded')}
                      </p>
                      {draft[code].evidence && <p className="evidence-text">{draft[code].evidence}</p>}
                    </div>
                  )}
                  {entry && (
                    <aside className="guidance" id={guidanceId} aria-label={t('indicators.guidanceFor', { indicator: label })}>
                      <p>{format.pick(entry.guidance)}</p>
                    </aside>
                  )}
                </li>
              );
            })}
          </ol>
        </fieldset>
        {reference?.indicators[0]?.source && <p className="source">{t('common.source', { source: reference.indicators[0].source })}</p>}
        <ErrorMessage
          error={error}
          labelFor={(field) => {
            const match = /^indicators\[(\d+)\]/.exec(field);
            const code = match ? submitted[Number(match[1])]?.indicator : undefined;
            return code ? labelOf(code) : null;
          }}
        />
        {saved && !dirty && (
          <p className="alert alert-success" role="status">
            {t('indicators.saved')}
          </p>
        )}
        {editable && (
          <div className="actions">
            <button type="submit" className="button" disabled={busy || !dirty} data-testid="indicators-save">
              {busy ? t('common.saving') : t('indicators.save')}
            </button>
            {dirty && <span className="unsaved">{t('common.unsaved')}</span>}
          </div>
        )}
      </form>
    </section>
  );
};
