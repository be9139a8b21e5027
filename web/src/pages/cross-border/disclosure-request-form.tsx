import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossBorderHitView, DisclosureView } from '../../../../src/server/api-types';
import { ErrorMessage } from '../../components/error-message';
import { FieldError } from '../../components/field-error';
import { fieldErrors, invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { crossBorderApi } from './cross-border-api';
import { DISCLOSABLE_FIELDS, emptyRequestForm, formKeyOf, LIMITS, requestBody, requestProblems, type RequestForm } from './cross-border-rules';
import { LegalBasisFields, problemText, useFieldLabel } from './parts';

const P = 'disclosure';

/** Asking the partner that holds a hit's record for its agency's contact, or for chosen fields, under a legal basis. */
export const DisclosureRequestForm = ({ hit, onSent, onCancel }: { hit: CrossBorderHitView; onSent: (view: DisclosureView) => void; onCancel: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const [form, setForm] = useState<RequestForm>(emptyRequestForm);
  const [shown, setShown] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const id = `${P}-${hit.id}`;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const messages = (f: RequestForm): Record<string, string | undefined> => {
    const problems = requestProblems(f);
    return {
      fields: problemText(t, problems.fields),
      basisKind: problemText(t, problems.basisKind),
      basisReference: problemText(t, problems.basisReference, LIMITS.basisReference),
      purpose: problemText(t, problems.purpose, LIMITS.purpose),
      caseReference: problemText(t, problems.caseReference, LIMITS.caseReference),
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = messages(form);
    setShown(local);
    const first = Object.entries(local).find(([, m]) => m)?.[0];
    if (first) {
      const target = first === 'fields' ? `${id}-fields` : `${P}-${first === 'basisKind' ? 'basis-kind' : first === 'basisReference' ? 'basis-reference' : first === 'caseReference' ? 'case-reference' : first}`;
      document.getElementById(target)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const view = await crossBorderApi.requestDisclosure(requestBody(hit.id, form));
      onSent(view);
    } catch (cause) {
      setError(cause);
      setShown(fieldErrors(cause, formKeyOf));
    }
    setBusy(false);
  };

  const toggleField = (name: string, on: boolean) => setForm({ ...form, fields: on ? [...form.fields, name] : form.fields.filter((f) => f !== name) });
  const labelFor = (field: string) => {
    const key = formKeyOf(field);
    return key ? t(`crossBorder.form.label.${key}`) : null;
  };

  return (
    <form noValidate className="subform xb-form" onSubmit={submit} aria-labelledby={`${id}-heading`} data-testid="disclosure-form" data-hit-id={hit.id}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('crossBorder.request.title', { caption: hit.local.caption, country: format.country(hit.peerCountry) })}
      </h3>
      <p className="hint">{t('crossBorder.request.intro')}</p>

      <fieldset className="plain-fieldset">
        <legend>{t('crossBorder.request.level')}</legend>
        {(['contact', 'fields'] as const).map((level) => (
          <div className="radio-row" key={level}>
            <input
              type="radio"
              id={`${P}-level-${level}`}
              name={`${id}-level`}
              value={level}
              checked={form.level === level}
              onChange={() => setForm({ ...form, level })}
              data-testid={`${P}-level-${level}`}
              aria-describedby={`${P}-level-${level}-hint`}
            />
            <label htmlFor={`${P}-level-${level}`}>{t(`crossBorder.request.levelOption.${level}`)}</label>
            <p className="hint" id={`${P}-level-${level}-hint`}>
              {t(`crossBorder.request.levelHint.${level}`)}
            </p>
          </div>
        ))}
      </fieldset>

      {form.level === 'fields' && (
        <fieldset className="plain-fieldset" id={`${id}-fields`} tabIndex={-1} aria-describedby={shown.fields ? `${id}-fields-error` : undefined} data-testid={`${P}-fields`}>
          <legend>{t('crossBorder.request.fields')}</legend>
          <div className="checkbox-group">
            {DISCLOSABLE_FIELDS[hit.kind].map((name) => (
              <div className="checkbox-field" key={name}>
                <input type="checkbox" id={`${P}-field-${name}`} checked={form.fields.includes(name)} onChange={(e) => toggleField(name, e.target.checked)} data-testid={`${P}-field-${name}`} />
                <label htmlFor={`${P}-field-${name}`}>{fieldLabel(name, hit.local.schema)}</label>
              </div>
            ))}
          </div>
          <FieldError id={`${id}-fields`} message={shown.fields} />
        </fieldset>
      )}

      <LegalBasisFields prefix={P} value={form} onChange={(basis) => setForm({ ...form, ...basis })} problems={shown} />

      <div className="field">
        <label htmlFor={`${P}-purpose`}>{t('crossBorder.request.purpose')}</label>
        <textarea
          id={`${P}-purpose`}
          rows={3}
          value={form.purpose}
          maxLength={LIMITS.purpose}
          onChange={(e) => setForm({ ...form, purpose: e.target.value })}
          data-testid={`${P}-purpose`}
          {...invalidProps(`${P}-purpose`, shown.purpose, `${P}-purpose-hint`)}
        />
        <p className="hint" id={`${P}-purpose-hint`}>
          {t('crossBorder.request.purposeHint')}
        </p>
        <FieldError id={`${P}-purpose`} message={shown.purpose} />
      </div>
      <div className="field">
        <label htmlFor={`${P}-case-reference`}>
          {t('crossBorder.request.caseReference')} <span className="hint">({t('crossBorder.form.optional')})</span>
        </label>
        <input
          id={`${P}-case-reference`}
          value={form.caseReference}
          maxLength={LIMITS.caseReference}
          onChange={(e) => setForm({ ...form, caseReference: e.target.value })}
          data-testid={`${P}-case-reference`}
          {...invalidProps(`${P}-case-reference`, shown.caseReference)}
        />
        <FieldError id={`${P}-case-reference`} message={shown.caseReference} />
      </div>

      <ErrorMessage error={error} ref={errorRef} labelFor={labelFor} />
      <p className="hint">{t('crossBorder.request.logged')}</p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="disclosure-submit">
          {busy ? t('crossBorder.request.sending') : t('crossBorder.request.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} data-testid="disclosure-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};
