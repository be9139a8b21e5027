import { useCallback, useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DisclosureView } from '../../../../src/server/api-types';
import { displayValue } from '../../components/entity-summary';
import type { PropertyView } from '../../components/entity-fields';
import { ErrorMessage } from '../../components/error-message';
import { FieldError } from '../../components/field-error';
import { Loading } from '../../components/loading';
import { fieldErrors, invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { useCatalogues } from '../../reference';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { FederationNav } from '../federation/federation-nav';
import { REFRESH_MS } from '../federation/use-exchange-list';
import { crossBorderApi } from './cross-border-api';
import { decisionBody, decisionProblems, formKeyOf, grantableFields, grantableLevels, initialDecision, LIMITS, orderedProperties, undecidableNote, withheldFields, type DecisionForm } from './cross-border-rules';
import { basisText, DisclosureStatusBadge, DisclosureStepper, LegalBasisFields, Partner, problemText, Score, useFieldLabel } from './parts';

const P = 'decision';

/** Approve (at most what was asked, only fields this node holds) or refuse, each under a legal basis and with a reason. */
const DecisionPanel = ({ disclosure, onDecided }: { disclosure: DisclosureView; onDecided: (view: DisclosureView) => void }) => {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [form, setForm] = useState<DecisionForm | null>(null);
  const [shown, setShown] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const mode = form?.decision ?? null;

  useEffect(() => {
    if (mode) formHeading.current?.focus();
  }, [mode]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const choose = (decision: 'approved' | 'refused') => {
    setShown({});
    setError(null);
    setForm((current) => (current ? { ...current, decision } : initialDecision(disclosure, decision)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const problems = decisionProblems(form, disclosure);
    const local = {
      fields: problemText(t, problems.fields),
      basisKind: problemText(t, problems.basisKind),
      basisReference: problemText(t, problems.basisReference, LIMITS.basisReference),
      reason: problemText(t, problems.reason, LIMITS.reason),
    };
    setShown(local);
    const first = Object.entries(local).find(([, m]) => m)?.[0];
    if (first) {
      document.getElementById({ fields: `${P}-fields`, basisKind: `${P}-basis-kind`, basisReference: `${P}-basis-reference`, reason: `${P}-reason` }[first] ?? '')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDecided(await crossBorderApi.decide(disclosure.id, decisionBody(form, disclosure)));
    } catch (cause) {
      setError(cause);
      setShown(fieldErrors(cause, formKeyOf));
    }
    setBusy(false);
  };

  const fields = grantableFields(disclosure.requested.fields, disclosure.availableFields);
  const labelFor = (field: string) => {
    const key = formKeyOf(field);
    return key ? t(`crossBorder.form.label.${key}`) : null;
  };

  return (
    <section className="case-section xb-decision-panel" aria-labelledby="decide-heading" data-testid="decision-panel">
      <h2 id="decide-heading">{t('crossBorder.decide.title')}</h2>
      <p className="hint">{t('crossBorder.decide.intro')}</p>
      <div className="actions" role="group" aria-label={t('crossBorder.decide.choose')}>
        <button type="button" className={mode === 'approved' ? 'button' : 'button button-secondary'} aria-pressed={mode === 'approved'} onClick={() => choose('approved')} data-testid="disclosure-approve">
          {t('crossBorder.decide.approve')}
        </button>
        <button type="button" className={mode === 'refused' ? 'button' : 'button button-secondary'} aria-pressed={mode === 'refused'} onClick={() => choose('refused')} data-testid="disclosure-refuse">
          {t('crossBorder.decide.refuse')}
        </button>
      </div>
      {form && (
        <form noValidate className="subform xb-form" onSubmit={submit} aria-labelledby="decision-form-heading" data-testid="decision-form" data-decision={form.decision}>
          <h3 id="decision-form-heading" ref={formHeading} tabIndex={-1}>
            {t(form.decision === 'approved' ? 'crossBorder.decide.approveTitle' : 'crossBorder.decide.refuseTitle')}
          </h3>
          {form.decision === 'approved' ? (
            <>
              <fieldset className="plain-fieldset">
                <legend>{t('crossBorder.decide.level')}</legend>
                {grantableLevels(disclosure.requested.level).map((level) => (
                  <div className="radio-row" key={level}>
                    <input type="radio" id={`${P}-level-${level}`} name={`${P}-level`} value={level} checked={form.level === level} onChange={() => setForm({ ...form, level })} data-testid={`${P}-level-${level}`} />
                    <label htmlFor={`${P}-level-${level}`}>{t(`crossBorder.request.levelOption.${level}`)}</label>
                  </div>
                ))}
              </fieldset>
              {form.level === 'fields' && (
                <fieldset className="plain-fieldset" id={`${P}-fields`} tabIndex={-1} aria-describedby={shown.fields ? `${P}-fields-error` : undefined} data-testid={`${P}-fields`}>
                  <legend>{t('crossBorder.decide.fields')}</legend>
                  <div className="checkbox-group">
                    {fields.map((f) => (
                      <div className="checkbox-field" key={f.name}>
                        <input
                          type="checkbox"
                          id={`${P}-field-${f.name}`}
                          disabled={!f.available}
                          checked={f.available && form.fields.includes(f.name)}
                          onChange={(e) => setForm({ ...form, fields: e.target.checked ? [...form.fields, f.name] : form.fields.filter((x) => x !== f.name) })}
                          aria-describedby={f.available ? undefined : `${P}-field-${f.name}-hint`}
                          data-testid={`${P}-field-${f.name}`}
                        />
                        <label htmlFor={`${P}-field-${f.name}`}>{fieldLabel(f.name, disclosure.local?.schema ?? disclosure.kind)}</label>
                        {!f.available && (
                          <span className="hint" id={`${P}-field-${f.name}-hint`}>
                            {t('crossBorder.decide.notHeld')}
                          </span>
                        )}
                      </div>
                    ))}
                  </div>
                  <FieldError id={`${P}-fields`} message={shown.fields} />
                </fieldset>
              )}
            </>
          ) : (
            <p className="alert alert-info">{t('crossBorder.decide.refuseNote')}</p>
          )}
          <LegalBasisFields prefix={P} value={form} onChange={(basis) => setForm({ ...form, ...basis })} problems={shown} />
          <div className="field">
            <label htmlFor={`${P}-reason`}>{t('crossBorder.decide.reason')}</label>
            <textarea id={`${P}-reason`} rows={3} value={form.reason} maxLength={LIMITS.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} data-testid={`${P}-reason`} {...invalidProps(`${P}-reason`, shown.reason)} />
            <FieldError id={`${P}-reason`} message={shown.reason} />
          </div>
          <ErrorMessage error={error} ref={errorRef} labelFor={labelFor} />
          <p className="hint">{t('crossBorder.decide.logged')}</p>
          <div className="actions">
            <button type="submit" className="button" disabled={busy} data-testid="decision-submit">
              {busy ? t('crossBorder.decide.sending') : t(form.decision === 'approved' ? 'crossBorder.decide.submitApprove' : 'crossBorder.decide.submitRefuse')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};

/** What the owner decided and, for an approval, exactly what was disclosed. */
const DecisionSection = ({ disclosure, headingRef }: { disclosure: DisclosureView; headingRef: Ref<HTMLHeadingElement> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const fieldLabel = useFieldLabel();
  const d = disclosure.decision;
  if (!d) return null;
  const schemaName = d.disclosed?.schema ?? disclosure.local?.schema ?? disclosure.kind;
  const schema = catalogues.data?.schema(schemaName);
  const refused = disclosure.status === 'refused';
  const withheld = d.level === 'fields' ? withheldFields(disclosure.requested.fields, d.disclosed?.properties ?? {}) : [];
  return (
    <section className="case-section xb-decision" aria-labelledby="decision-heading" data-testid="disclosure-decision" data-status={disclosure.status} data-level={d.level}>
      <h2 id="decision-heading" ref={headingRef} tabIndex={-1}>
        {t('crossBorder.decision.title')}
      </h2>
      <dl className="facts facts-wide">
        <div>
          <dt>{t('crossBorder.decision.outcome')}</dt>
          <dd>
            <DisclosureStatusBadge status={disclosure.status} /> {!refused && t('crossBorder.decision.atLevel', { level: t(`crossBorder.level.${d.level}`) })}
          </dd>
        </div>
        <div>
          <dt>{t('crossBorder.basis.title')}</dt>
          <dd>{basisText(t, d.legalBasis)}</dd>
        </div>
        <div>
          <dt>{t('crossBorder.decide.reason')}</dt>
          <dd className="xb-prewrap">{d.reason}</dd>
        </div>
        <div>
          <dt>{t('crossBorder.decision.by')}</dt>
          <dd>
            {d.by}
            <span className="hint"> · {format.dateTime(d.at)}</span>
          </dd>
        </div>
      </dl>
      {refused && (
        <p className="alert alert-info" data-testid="nothing-disclosed">
          {t('crossBorder.decision.nothing')}
        </p>
      )}
      {d.contact && (
        <>
          <h3>{t('crossBorder.decision.contact')}</h3>
          <dl className="facts" data-testid="disclosed-contact">
            <div>
              <dt>{t('crossBorder.decision.agency')}</dt>
              <dd data-testid="contact-agency">
                {d.contact.agency} <span className="hint">({format.country(d.contact.country)})</span>
              </dd>
            </div>
            <div>
              <dt>{t('crossBorder.decision.officer')}</dt>
              <dd data-testid="contact-name">{d.contact.name}</dd>
            </div>
            <div>
              <dt>{t('crossBorder.decision.email')}</dt>
              <dd>{d.contact.email ? <a href={`mailto:${d.contact.email}`}>{d.contact.email}</a> : '—'}</dd>
            </div>
          </dl>
        </>
      )}
      {!refused && d.level === 'contact' && (
        <p className="hint" data-testid="no-fields-disclosed">
          {t('crossBorder.decision.contactOnly')}
        </p>
      )}
      {!refused && withheld.length > 0 && (
        <p className="hint" data-testid="withheld-fields">
          {t('crossBorder.decision.withheld', { fields: withheld.map((f) => fieldLabel(f, schemaName)).join(', ') })}
        </p>
      )}
      {d.disclosed && (
        <>
          <h3>{t('crossBorder.decision.disclosed')}</h3>
          <p className="hint">{t(disclosure.direction === 'outgoing' ? 'crossBorder.decision.disclosedNoteOutgoing' : 'crossBorder.decision.disclosedNoteIncoming')}</p>
          {orderedProperties(d.disclosed.properties, disclosure.requested.fields).length === 0 ? (
            <p className="empty">{t('crossBorder.decision.noValues')}</p>
          ) : (
            <dl className="facts facts-wide" data-testid="disclosed-fields">
              {orderedProperties(d.disclosed.properties, disclosure.requested.fields).map(([name, values]) => {
                const property = schema?.properties.find((p) => p.name === name) as PropertyView | undefined;
                return (
                  <div key={name} data-testid="disclosed-field" data-field={name}>
                    <dt>{fieldLabel(name, schemaName)}</dt>
                    <dd>
                      {values.map((v, i) => (
                        <span key={i} className="value">
                          {displayValue(property, v, format)}
                        </span>
                      ))}
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
        </>
      )}
    </section>
  );
};

/** One disclosure request: what was asked, under which basis, where it stands, and its decision. */
export const DisclosurePage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const { id = '' } = useParams();
  const disclosure = useResource((signal) => crossBorderApi.disclosure(id, signal), [id]);
  const [justDecided, setJustDecided] = useState(false);
  const decisionHeading = useRef<HTMLHeadingElement>(null);
  const d = disclosure.data;
  usePageTitle(d ? t(d.direction === 'outgoing' ? 'crossBorder.disclosure.outgoingTitle' : 'crossBorder.disclosure.incomingTitle', { country: format.country(d.peerCountry) }) : t('crossBorder.disclosures.title'));

  // an outgoing request waits for the partner's decision: look again every few seconds (only while pending: reading disclosed fields is logged)
  const pendingOutgoing = d?.direction === 'outgoing' && d.status === 'pending';
  const { reload } = disclosure;
  const tick = useCallback(() => {
    if (document.visibilityState === 'visible') reload();
  }, [reload]);
  useEffect(() => {
    if (!pendingOutgoing) return;
    const timer = window.setInterval(tick, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [pendingOutgoing, tick]);

  useEffect(() => {
    if (justDecided) decisionHeading.current?.focus();
  }, [justDecided]);

  const decided = (view: DisclosureView) => {
    disclosure.replace(view);
    setJustDecided(true);
  };

  const back = d ? `/exchange/disclosures?direction=${d.direction}` : '/exchange/disclosures';
  return (
    <section className="page" data-testid="disclosure-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={back}>{t('crossBorder.disclosures.title')}</Link>
      </nav>
      <FederationNav />
      {disclosure.loading && !d && <Loading />}
      {!d && <ErrorMessage error={disclosure.error} />}
      {d && (
        <article data-testid="disclosure-detail" data-disclosure-id={d.id} data-direction={d.direction} data-status={d.status}>
          <p className="eyebrow">{t(`crossBorder.disclosures.${d.direction}`)}</p>
          <h1>{t(d.direction === 'outgoing' ? 'crossBorder.disclosure.outgoingTitle' : 'crossBorder.disclosure.incomingTitle', { country: format.country(d.peerCountry) })}</h1>
          <div aria-live="polite">
            {justDecided && (
              <p className="alert alert-success" data-testid="decision-recorded">
                {t('crossBorder.decide.recorded', { country: format.country(d.peerCountry) })}
              </p>
            )}
          </div>
          {d.notice && (
            <p className="alert alert-info" data-testid="disclosure-notice">
              {d.notice}
            </p>
          )}
          <DisclosureStepper disclosure={d} />

          <section className="case-section" aria-labelledby="request-heading">
            <h2 id="request-heading">{t('crossBorder.disclosure.request')}</h2>
            <dl className="facts facts-wide" data-testid="disclosure-request">
              <div>
                <dt>{t('crossBorder.partner')}</dt>
                <dd>
                  <Partner node={d.peerNode} country={d.peerCountry} />
                </dd>
              </div>
              {d.local && (
                <div>
                  <dt>{t('crossBorder.disclosure.about')}</dt>
                  <dd>
                    <Link to={`/entities/${encodeURIComponent(d.local.entityId)}`}>{d.local.caption || t('entity.untitled')}</Link>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('crossBorder.hits.kind')}</dt>
                <dd>{t(`crossBorder.kind.${d.kind}`)}</dd>
              </div>
              <div>
                <dt>{t('crossBorder.hits.score')}</dt>
                <dd>
                  <Score score={d.score} />
                </dd>
              </div>
              <div>
                <dt>{t('crossBorder.disclosures.asked')}</dt>
                <dd data-testid="requested-level" data-level={d.requested.level}>
                  {t(`crossBorder.level.${d.requested.level}`)}
                </dd>
              </div>
              {d.requested.level === 'fields' && (
                <div>
                  <dt>{t('crossBorder.request.fields')}</dt>
                  <dd data-testid="requested-fields">
                    {d.requested.fields.map((f) => (
                      <span key={f} className="value" data-field={f}>
                        {fieldLabel(f, d.local?.schema ?? d.kind)}
                      </span>
                    ))}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('crossBorder.basis.title')}</dt>
                <dd>{basisText(t, d.requested.legalBasis)}</dd>
              </div>
              <div>
                <dt>{t('crossBorder.request.purpose')}</dt>
                <dd className="xb-prewrap">{d.requested.purpose}</dd>
              </div>
              {d.requested.caseReference && (
                <div>
                  <dt>{t('crossBorder.request.caseReference')}</dt>
                  <dd className="mono">{d.requested.caseReference}</dd>
                </div>
              )}
              <div>
                <dt>{t('crossBorder.disclosures.requested')}</dt>
                <dd>
                  {d.requested.by}
                  <span className="hint"> · {format.dateTime(d.requested.at)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('crossBorder.disclosures.status')}</dt>
                <dd>
                  <DisclosureStatusBadge status={d.status} />
                </dd>
              </div>
            </dl>
          </section>

          {d.status === 'pending' && d.direction === 'outgoing' && (
            <p className="hint" data-testid="awaiting-decision">
              {t('crossBorder.disclosure.awaiting', { country: format.country(d.peerCountry) })}
            </p>
          )}
          {undecidableNote(d) === 'whoDecides' && <p className="hint">{t('crossBorder.disclosure.liaisonDecides')}</p>}
          {d.status === 'pending' && d.direction === 'incoming' && d.canDecide && <DecisionPanel disclosure={d} onDecided={decided} />}
          <ErrorMessage error={d ? disclosure.error : null} />
          <DecisionSection disclosure={d} headingRef={decisionHeading} />
        </article>
      )}
    </section>
  );
};
