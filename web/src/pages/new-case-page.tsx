import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CaseDetail, CaseType, NewCaseRequest, Tlp } from '../../../src/server/api-types';
import { api } from '../api';
import { ErrorMessage } from '../components/error-message';
import { FieldError } from '../components/field-error';
import { fieldErrors, invalidProps } from '../field-errors';
import { Loading } from '../components/loading';
import { useFormat } from '../format';
import { CASE_TYPES, HANDLING_PURPOSES, TLP_LEVELS } from '../lists';
import { purposeLabel, useCatalogues } from '../reference';
import { useMe } from '../session';
import { usePageTitle } from '../use-page-title';

const DEFAULT_RETENTION_DAYS = 1825;

export const NewCasePage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const catalogues = useCatalogues();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<CaseType>('labour_trafficking');
  const [polarisType, setPolarisType] = useState('');
  const [jurisdiction, setJurisdiction] = useState(me.node.country);
  const [narrative, setNarrative] = useState('');
  const [tlp, setTlp] = useState<Tlp>('AMBER');
  const [purpose, setPurpose] = useState<string>('investigation');
  const [retentionDays, setRetentionDays] = useState(String(DEFAULT_RETENTION_DAYS));
  const [consentToForward, setConsentToForward] = useState(true);
  const [labourProgram, setLabourProgram] = useState('');
  const [eventId, setEventId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('newCase.title'));

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: NewCaseRequest = {
      title: title.trim(),
      type,
      polarisType: polarisType || null,
      jurisdiction,
      narrative,
      handling: {
        tlp,
        purpose,
        retentionDays: Number(retentionDays),
        originatorConsentRequiredToForward: consentToForward,
      },
      labourProgram: labourProgram || null,
      eventId: eventId || null,
    };
    try {
      const created = await api.post<CaseDetail>('/cases', body);
      navigate(`/cases/${created.id}`);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  /** server field path -> the form's input id */
  const FIELD_INPUTS: Record<string, string> = {
    title: 'case-title',
    type: 'case-type',
    polarisType: 'case-polaris-type',
    jurisdiction: 'case-jurisdiction',
    narrative: 'case-narrative',
    'handling.tlp': 'case-tlp',
    'handling.purpose': 'case-purpose',
    'handling.retentionDays': 'case-retention',
    labourProgram: 'case-labour-program',
    eventId: 'case-event',
  };
  const errors = fieldErrors(error, (field) => FIELD_INPUTS[field] ?? null);
  const labelFor = (field: string): string | null => {
    const id = FIELD_INPUTS[field];
    return id ? (document.querySelector(`label[for="${id}"]`)?.textContent ?? null) : null;
  };
  const reference = catalogues.data?.reference;
  const tlpMeaning = reference?.tlp.find((entry) => entry.code === tlp);

  return (
    <section className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/cases">{t('nav.cases')}</Link>
      </nav>
      <h1>{t('newCase.title')}</h1>
      <ErrorMessage error={error} ref={errorRef} labelFor={labelFor} />
      {catalogues.loading && <Loading />}
      <form noValidate className="form-grid" onSubmit={submit}>
        <fieldset>
          <legend>{t('newCase.about')}</legend>
          <div className="field">
            <label htmlFor="case-title">{t('newCase.caseTitle')}</label>
            <input
              id="case-title"
              required
              maxLength={300}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="case-title"
              {...invalidProps('case-title', errors['case-title'])}
            />
            <FieldError id="case-title" message={errors['case-title']} />
          </div>
          <div className="field">
            <label htmlFor="case-type">{t('cases.type')}</label>
            <select id="case-type" value={type} onChange={(e) => setType(e.target.value as CaseType)} data-testid="case-type">
              {CASE_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`caseType.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-polaris-type">{t('newCase.polarisType')}</label>
            <select id="case-polaris-type" value={polarisType} onChange={(e) => setPolarisType(e.target.value)} data-testid="case-polaris-type" aria-describedby="case-polaris-help">
              <option value="">{t('common.notSpecified')}</option>
              {reference?.polarisTypes.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {format.pick(entry.label)}
                </option>
              ))}
            </select>
            <p className="hint" id="case-polaris-help">
              {t('newCase.polarisHelp')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="case-jurisdiction">{t('newCase.jurisdiction')}</label>
            <select id="case-jurisdiction" value={jurisdiction} onChange={(e) => setJurisdiction(e.target.value)} data-testid="case-jurisdiction">
              {['MX', 'CA', 'US'].map((code) => (
                <option key={code} value={code}>
                  {format.country(code)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-wide">
            <label htmlFor="case-narrative">{t('newCase.narrative')}</label>
            <textarea
              id="case-narrative"
              rows={5}
              value={narrative}
              onChange={(e) => setNarrative(e.target.value)}
              data-testid="case-narrative"
              {...invalidProps('case-narrative', errors['case-narrative'])}
            />
            <FieldError id="case-narrative" message={errors['case-narrative']} />
          </div>
          <div className="field">
            <label htmlFor="case-labour-program">{t('newCase.labourProgram')}</label>
            <select id="case-labour-program" value={labourProgram} onChange={(e) => setLabourProgram(e.target.value)} data-testid="case-labour-program">
              <option value="">{t('common.none')}</option>
              {reference?.labourPrograms.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {format.pick(entry.label)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-event">{t('newCase.event')}</label>
            <select id="case-event" value={eventId} onChange={(e) => setEventId(e.target.value)} data-testid="case-event">
              <option value="">{t('common.none')}</option>
              {reference?.events.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {format.date(entry.date)} — {entry.label} ({entry.city})
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('newCase.handling')}</legend>
          <p className="hint">{t('newCase.handlingHelp')}</p>
          <div className="field">
            <label htmlFor="case-tlp">{t('cases.tlp')}</label>
            <select id="case-tlp" value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)} data-testid="case-tlp" aria-describedby="case-tlp-meaning">
              {TLP_LEVELS.map((value) => (
                <option key={value} value={value}>
                  TLP:{value}
                </option>
              ))}
            </select>
            <p className="hint" id="case-tlp-meaning">
              {tlpMeaning ? format.pick(tlpMeaning.meaning) : t(`tlp.meaning.${tlp}`)}
            </p>
          </div>
          <div className="field">
            <label htmlFor="case-purpose">{t('handling.purpose')}</label>
            <select id="case-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="case-purpose">
              {(reference?.purposes?.map((p) => p.code) ?? HANDLING_PURPOSES).map((value) => (
                <option key={value} value={value}>
                  {purposeLabel(value, reference, format, t)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-retention">{t('handling.retentionDays')}</label>
            <input
              id="case-retention"
              type="number"
              min={1}
              max={36500}
              required
              inputMode="numeric"
              value={retentionDays}
              onChange={(e) => setRetentionDays(e.target.value)}
              data-testid="case-retention"
              {...invalidProps('case-retention', errors['case-retention'])}
            />
            <FieldError id="case-retention" message={errors['case-retention']} />
          </div>
          <div className="field checkbox-field">
            <input id="case-consent-forward" type="checkbox" checked={consentToForward} onChange={(e) => setConsentToForward(e.target.checked)} data-testid="case-consent-forward" />
            <label htmlFor="case-consent-forward">{t('handling.consentToForward')}</label>
          </div>
        </fieldset>

        <div className="actions">
          <button type="submit" className="button" disabled={busy} data-testid="case-save">
            {busy ? t('common.saving') : t('newCase.create')}
          </button>
          <Link to="/cases" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
};
