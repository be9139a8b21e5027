import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Locale, PalermoAssessment } from '../../../../src/server/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../format';
import { PALERMO_ACTS, PALERMO_MEANS, PALERMO_PURPOSES } from '../../lists';
import { evaluatePalermo } from '../../palermo';
import { useCatalogues } from '../../reference';
import { mergeByKey } from '../../merge';
import { useDraft, type CaseEditor } from './use-case-editor';

type Group = 'acts' | 'means' | 'purposes';
type LabelList = { code: string; label: Record<Locale, string> }[] | undefined;

/** The Palermo Protocol's act – means – purpose test, with the result shown as it is filled in. */
export const PalermoSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const source = useMemo(() => detail.palermo, [detail.palermo]);
  const [draft, setDraft, dirty, reset] = useDraft<PalermoAssessment>(source, detail.version, mergeByKey);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const reference = catalogues.data?.reference.palermo;
  const result = evaluatePalermo(draft);
  const editable = detail.permissions.editScreening;

  const toggle = (group: Group, code: string, on: boolean) => {
    const current = draft[group] as string[];
    const next = on ? [...current, code] : current.filter((c) => c !== code);
    setSaved(false);
    setDraft({ ...draft, [group]: next });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await editor.patch({ palermo: draft });
    if (outcome.ok) {
      reset();
      setSaved(true);
    } else if (!outcome.conflict) setError(outcome.error);
    setBusy(false);
  };

  const guidance = reference?.elementGuidance;
  const group = (name: Group, singular: 'act' | 'means' | 'purpose', codes: readonly string[], labels: LabelList) => (
    <fieldset className="checkbox-group" data-testid={`palermo-${singular}-group`}>
      <legend>{t(`palermo.${name}`)}</legend>
      <p className="hint">{guidance?.[singular] ? format.pick(guidance[singular]) : t(`palermo.${name}Help`)}</p>
      {codes.map((code) => {
        const id = `palermo-${singular}-${code}`;
        const entry = labels?.find((l) => l.code === code);
        return (
          <div key={code} className="checkbox-field">
            <input id={id} type="checkbox" checked={(draft[name] as string[]).includes(code)} onChange={(e) => toggle(name, code, e.target.checked)} data-testid={id} />
            <label htmlFor={id}>{entry ? format.pick(entry.label) : t(`palermo.element.${code}`)}</label>
          </div>
        );
      })}
    </fieldset>
  );

  return (
    <section className="case-section" aria-labelledby="palermo-heading" id="palermo">
      <h2 id="palermo-heading">{t('palermo.title')}</h2>
      {reference && <p className="guidance guidance-block">{format.pick(reference.guidance)}</p>}
      <form onSubmit={submit}>
        <fieldset disabled={!editable} className="plain-fieldset">
          <legend className="visually-hidden">{t('palermo.title')}</legend>
          <div className="checkbox-switch">
            <input
              id="palermo-child"
              type="checkbox"
              checked={draft.victimIsChild}
              onChange={(e) => {
                setSaved(false);
                setDraft({ ...draft, victimIsChild: e.target.checked });
              }}
              aria-describedby="palermo-child-help"
              data-testid="palermo-child"
            />
            <label htmlFor="palermo-child">{t('palermo.child')}</label>
            <p className="hint" id="palermo-child-help">
              {guidance?.child ? format.pick(guidance.child) : t('palermo.childHelp')}
            </p>
          </div>
          <div className="palermo-groups">
            {group('acts', 'act', PALERMO_ACTS, reference?.acts)}
            {group('means', 'means', PALERMO_MEANS, reference?.means)}
            {group('purposes', 'purpose', PALERMO_PURPOSES, reference?.purposes)}
          </div>
          {editable ? (
            <div className="field field-wide">
              <label htmlFor="palermo-notes">{t('palermo.notes')}</label>
              <textarea
                id="palermo-notes"
                rows={3}
                value={draft.notes}
                onChange={(e) => {
                  setSaved(false);
                  setDraft({ ...draft, notes: e.target.value });
                }}
                data-testid="palermo-notes"
              />
            </div>
          ) : (
            draft.notes && (
              <div className="field-wide">
                <h3>{t('palermo.notes')}</h3>
                <p className="evidence-text">{draft.notes}</p>
              </div>
            )
          )}
        </fieldset>

        <div className={result.met ? 'palermo-result palermo-met' : 'palermo-result palermo-missing'} aria-live="polite" data-testid="palermo-result" data-met={result.met}>
          <p className="palermo-verdict">{result.met ? t('palermo.met') : t('palermo.notMet')}</p>
          {!result.met && (
            <p>
              {t('palermo.missing', {
                elements: new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(result.missing.map((m) => t(`palermo.elementName.${m}`))),
              })}
            </p>
          )}
          {draft.victimIsChild && <p>{t('palermo.childRule')}</p>}
        </div>
        {guidance?.consent && <p className="hint">{format.pick(guidance.consent)}</p>}
        {reference?.source && <p className="source">{t('common.source', { source: reference.source })}</p>}
        <ErrorMessage error={error} />
        {saved && !dirty && (
          <p className="alert alert-success" role="status">
            {t('palermo.saved')}
          </p>
        )}
        {editable && (
          <div className="actions">
            <button type="submit" className="button" disabled={busy || !dirty} data-testid="palermo-save">
              {busy ? t('common.saving') : t('palermo.save')}
            </button>
            {dirty && <span className="unsaved">{t('common.unsaved')}</span>}
          </div>
        )}
      </form>
    </section>
  );
};
