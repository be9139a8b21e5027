import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, JusticeOutcome } from '../../../../src/server/api-types';
import { PARTIAL_DATE } from '../../components/entity-fields';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../format';
import { OUTCOME_STAGES, type OutcomeStage } from '../../lists';
import type { CaseEditor } from './use-case-editor';

/** Criminal-justice outcomes: investigation, charges, conviction or acquittal, sentence. */
export const OutcomesSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sorted = [...detail.outcomes].reverse().sort((a, b) => b.date.localeCompare(a.date));

  const save = async (outcomes: JusticeOutcome[]): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const outcome = await editor.patch({ outcomes });
    if (!outcome.ok && !outcome.conflict) setError(outcome.error);
    setBusy(false);
    return outcome.ok;
  };

  const remove = async (target: JusticeOutcome) => {
    const name = t('outcomes.removeNamed', { stage: t(`outcomeStage.${target.stage}`), date: format.date(target.date) });
    if (!window.confirm(t('common.confirm', { action: name }))) return;
    await save(detail.outcomes.filter((o) => o !== target));
  };

  return (
    <section className="case-section" aria-labelledby="outcomes-heading" id="outcomes">
      <h2 id="outcomes-heading">{t('outcomes.title')}</h2>
      {sorted.length === 0 ? (
        <p className="empty">{t('outcomes.none')}</p>
      ) : (
        <ul className="card-list">
          {sorted.map((outcome, index) => (
            <li key={`${outcome.stage}-${outcome.date}-${index}`} className="card" data-testid="outcome-row">
              <p>
                <strong>{t(`outcomeStage.${outcome.stage}`)}</strong> · <time dateTime={outcome.date}>{format.date(outcome.date)}</time>
                {outcome.sentenceMonths !== undefined && <> · {t('outcomes.months', { count: outcome.sentenceMonths, formatted: format.number(outcome.sentenceMonths) })}</>}
              </p>
              {outcome.detail && <p>{outcome.detail}</p>}
              {detail.permissions.recordOutcome && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy}
                  onClick={() => remove(outcome)}
                  aria-label={t('outcomes.removeNamed', { stage: t(`outcomeStage.${outcome.stage}`), date: format.date(outcome.date) })}
                >
                  {t('outcomes.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      {detail.permissions.recordOutcome && <AddOutcomeForm busy={busy} onAdd={(o) => save([...detail.outcomes, o])} />}
    </section>
  );
};

const AddOutcomeForm = ({ busy, onAdd }: { busy: boolean; onAdd: (outcome: JusticeOutcome) => Promise<boolean> }) => {
  const { t } = useTranslation();
  const [stage, setStage] = useState<OutcomeStage>('investigation');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const [months, setMonths] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome: JusticeOutcome = { stage, date: date.trim(), detail: text.trim() };
    if (stage === 'sentence' && months !== '') outcome.sentenceMonths = Number(months);
    if (await onAdd(outcome)) {
      setText('');
      setMonths('');
    }
  };

  return (
    <form noValidate className="subform" onSubmit={submit} aria-labelledby="add-outcome-heading">
      <h3 id="add-outcome-heading">{t('outcomes.add')}</h3>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="outcome-stage">{t('outcomes.stage')}</label>
          <select id="outcome-stage" value={stage} onChange={(e) => setStage(e.target.value as OutcomeStage)} data-testid="outcome-stage">
            {OUTCOME_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`outcomeStage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outcome-date">{t('outcomes.date')}</label>
          <input id="outcome-date" required inputMode="numeric" pattern={PARTIAL_DATE} value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="outcome-date-hint" data-testid="outcome-date" />
          <p className="hint" id="outcome-date-hint">
            {t('entityForm.dateHint')}
          </p>
        </div>
        {stage === 'sentence' && (
          <div className="field">
            <label htmlFor="outcome-sentence-months">{t('outcomes.sentenceMonths')}</label>
            <input id="outcome-sentence-months" type="number" min={0} max={1200} inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} data-testid="outcome-sentence-months" />
          </div>
        )}
        <div className="field field-wide">
          <label htmlFor="outcome-detail">{t('outcomes.detail')}</label>
          <textarea id="outcome-detail" rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="outcome-detail" />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="outcome-add">
          {busy ? t('common.saving') : t('outcomes.addButton')}
        </button>
      </div>
    </form>
  );
};
