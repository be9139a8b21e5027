import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseDetail, Handling } from '../../../../src/server/api-types';
import { api, federationApi } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { FieldError } from '../../components/field-error';
import { HandlingBanner } from '../../components/handling-banner';
import { Loading } from '../../components/loading';
import { invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { chosenEntities, choosesVictimIdentity, EntityPicker, IdentityBasisFields, type FieldChoice } from './entity-picker';
import { audienceFor, isoToLocal, localToIso, rememberAudience, rememberedAudience } from './exchange-rules';
import type { IdentityBasis, PeerView, SendRequest, ShareableEntity } from './federation-types';
import { AudienceField, HandlingFields, MAX_RETENTION_DAYS } from './handling-fields';

type ComposeType = 'Alert' | 'RequestForInformation';
const WEEK = 7 * 86_400_000;
const DEFAULT_HANDLING: Handling = { tlp: 'AMBER', purpose: 'investigation', retentionDays: 90, originatorConsentRequiredToForward: true };

/**
 * Composing an alert or a request for information for partner nodes: the recipients and who
 * may see it there, the handling code, the text, and (from a case) the entities and the
 * fields to share. One message goes to each recipient.
 */
export const ComposePage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const caseId = params.get('caseId') ?? '';
  const initialType: ComposeType = params.get('type') === 'RequestForInformation' ? 'RequestForInformation' : 'Alert';
  const kase = useResource((signal) => (caseId ? api.get<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, undefined, signal) : Promise.resolve(null)), [caseId]);
  const shareable = useResource((signal) => (caseId ? federationApi.shareable(caseId, signal) : Promise.resolve(null)), [caseId]);
  const peers = useResource((signal) => federationApi.peers(signal), []);
  usePageTitle(t('federation.compose.title'));

  const ready = !kase.loading && !shareable.loading && !peers.loading;
  return (
    <section className="page" data-testid="compose-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        {caseId && kase.data ? <Link to={`/cases/${encodeURIComponent(caseId)}`}>{kase.data.reference}</Link> : <Link to="/exchange/outbox">{t('federation.outbox.title')}</Link>}
      </nav>
      <h1>{t('federation.compose.title')}</h1>
      <ErrorMessage error={kase.error ?? shareable.error ?? peers.error} />
      {!ready ? <Loading /> : peers.data && <ComposeForm initialType={initialType} detail={kase.data} entities={shareable.data?.entities ?? []} peers={peers.data.items} />}
    </section>
  );
};

const ComposeForm = ({ initialType, detail, entities, peers }: { initialType: ComposeType; detail: CaseDetail | null; entities: ShareableEntity[]; peers: PeerView[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [type, setType] = useState<ComposeType>(initialType);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [audiences, setAudiences] = useState<Record<string, string>>({});
  const [handling, setHandling] = useState<Handling>(detail?.handling ?? DEFAULT_HANDLING);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [subject, setSubject] = useState('');
  const [questions, setQuestions] = useState('');
  const [deadline, setDeadline] = useState(() => isoToLocal(Date.now() + WEEK));
  const [choice, setChoice] = useState<FieldChoice>({});
  const [basis, setBasis] = useState<IdentityBasis>({ kind: 'consent', reference: '', recordedAt: new Date().toISOString().slice(0, 10) + 'T00:00:00.000Z' });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState(false);
  const needsBasis = choosesVictimIdentity(choice, entities);

  const toggleRecipient = (node: string, on: boolean) => {
    setRecipients(on ? [...recipients, node] : recipients.filter((n) => n !== node));
    if (on && audiences[node] === undefined) setAudiences({ ...audiences, [node]: rememberedAudience(node, handling.tlp) });
  };

  const validate = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    const required = t('federation.compose.required');
    if (recipients.length === 0) problems['compose-recipients'] = t('federation.compose.recipientRequired');
    for (const node of recipients) {
      const audience = audienceFor(handling.tlp, audiences[node] ?? '');
      if (audience.agencies.length + audience.persons.length === 0) problems[`audience-${node}`] = t('federation.audience.required');
    }
    if (!Number.isInteger(handling.retentionDays) || handling.retentionDays < 1 || handling.retentionDays > MAX_RETENTION_DAYS) problems['compose-retention'] = t('federation.retentionInvalid', { max: MAX_RETENTION_DAYS });
    if (type === 'Alert') {
      if (!title.trim()) problems['compose-title'] = required;
      if (!summary.trim()) problems['compose-summary'] = required;
    } else {
      if (!subject.trim()) problems['compose-subject'] = required;
      if (questions.split('\n').every((q) => !q.trim())) problems['compose-questions'] = required;
      const iso = localToIso(deadline);
      if (!iso) problems['compose-deadline'] = required;
      else if (Date.parse(iso) <= Date.now()) problems['compose-deadline'] = t('federation.compose.deadlinePast');
    }
    if (needsBasis && !basis.reference.trim()) problems['basis-reference'] = t('federation.basis.required');
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate();
    setMissing(problems);
    if (Object.keys(problems).length > 0) {
      window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"], .field-error')?.focus(), 0);
      return;
    }
    setBusy(true);
    const shared = chosenEntities(choice);
    const common = {
      handling,
      caseId: detail?.id ?? null,
      entities: detail ? shared : undefined,
      identityBasis: needsBasis ? { ...basis, reference: basis.reference.trim() } : null,
    };
    const content =
      type === 'Alert'
        ? { type, title: title.trim(), summary: summary.trim() }
        : { type, subject: subject.trim(), questions: questions.split('\n').map((q) => q.trim()).filter(Boolean), deadline: localToIso(deadline)! };
    const failed: Record<string, unknown> = {};
    let sent = 0;
    for (const node of recipients) {
      const body = { ...common, ...content, to: node, audience: audienceFor(handling.tlp, audiences[node] ?? '') } as SendRequest;
      try {
        await federationApi.send(body);
        rememberAudience(node, handling.tlp, audiences[node] ?? '');
        sent += 1;
      } catch (cause) {
        failed[node] = cause;
      }
    }
    setBusy(false);
    setFailures(failed);
    if (Object.keys(failed).length === 0) {
      navigate('/exchange/outbox', { state: { sent } });
      return;
    }
    setRecipients(recipients.filter((n) => n in failed));
  };

  const error = (id: string) => missing[id];
  return (
    <form noValidate className="compose-form" onSubmit={submit} data-testid="compose-form">
      {detail && (
        <p className="alert alert-info" data-testid="compose-case">
          {t('federation.compose.fromCase', { reference: detail.reference, title: detail.title })}
        </p>
      )}
      <fieldset>
        <legend>{t('federation.compose.what')}</legend>
        <div className="radio-row" role="radiogroup" aria-label={t('federation.type')}>
          {(['Alert', 'RequestForInformation'] as const).map((value) => (
            <div className="checkbox-field" key={value}>
              <input id={`compose-type-${value}`} type="radio" name="compose-type" value={value} checked={type === value} onChange={() => setType(value)} data-testid={`compose-type-${value}`} />
              <label htmlFor={`compose-type-${value}`}>{t(`federation.itemType.${value}`)}</label>
            </div>
          ))}
        </div>
        {type === 'Alert' ? (
          <>
            <div className="field">
              <label htmlFor="compose-title">{t('federation.compose.alertTitle')}</label>
              <input id="compose-title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="compose-title" {...invalidProps('compose-title', error('compose-title'))} />
              <FieldError id="compose-title" message={error('compose-title')} />
            </div>
            <div className="field">
              <label htmlFor="compose-summary">{t('federation.compose.summary')}</label>
              <textarea id="compose-summary" rows={5} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid="compose-summary" {...invalidProps('compose-summary', error('compose-summary'))} />
              <FieldError id="compose-summary" message={error('compose-summary')} />
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="compose-subject">{t('federation.compose.subject')}</label>
              <input id="compose-subject" maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="compose-subject" {...invalidProps('compose-subject', error('compose-subject'))} />
              <FieldError id="compose-subject" message={error('compose-subject')} />
            </div>
            <div className="field">
              <label htmlFor="compose-questions">{t('federation.compose.questions')}</label>
              <textarea id="compose-questions" rows={5} value={questions} onChange={(e) => setQuestions(e.target.value)} data-testid="compose-questions" {...invalidProps('compose-questions', error('compose-questions'), 'compose-questions-hint')} />
              <p className="hint" id="compose-questions-hint">
                {t('federation.compose.questionsHint')}
              </p>
              <FieldError id="compose-questions" message={error('compose-questions')} />
            </div>
            <div className="field">
              <label htmlFor="compose-deadline">{t('federation.deadline')}</label>
              <input id="compose-deadline" type="datetime-local" min={isoToLocal(Date.now())} value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="compose-deadline" {...invalidProps('compose-deadline', error('compose-deadline'))} />
              <FieldError id="compose-deadline" message={error('compose-deadline')} />
            </div>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('federation.compose.recipients')}</legend>
        <p className="hint" id="compose-recipients-hint">
          {t('federation.compose.recipientsHint')}
        </p>
        {peers.length === 0 && <p className="empty">{t('federation.peers.none')}</p>}
        <div className="recipient-list" aria-describedby="compose-recipients-hint">
          {peers.map((peer) => (
            <div className="recipient" key={peer.node}>
              <div className="checkbox-field">
                <input id={`recipient-${peer.node}`} type="checkbox" checked={recipients.includes(peer.node)} onChange={(e) => toggleRecipient(peer.node, e.target.checked)} data-testid={`recipient-${peer.node}`} />
                <label htmlFor={`recipient-${peer.node}`}>
                  {format.country(peer.country)} <span className="mono">({peer.node})</span>
                </label>
              </div>
              {recipients.includes(peer.node) && (
                <AudienceField id={`audience-${peer.node}`} tlp={handling.tlp} value={audiences[peer.node] ?? ''} onChange={(v) => setAudiences({ ...audiences, [peer.node]: v })} node={peer.node} country={peer.country} error={error(`audience-${peer.node}`)} />
              )}
              {failures[peer.node] !== undefined && <ErrorMessage error={failures[peer.node]} testId={`send-error-${peer.node}`} />}
            </div>
          ))}
        </div>
        <FieldError id="compose-recipients" message={error('compose-recipients')} />
      </fieldset>

      <fieldset>
        <legend>{t('newCase.handling')}</legend>
        <p className="hint">{t('federation.compose.handlingHint')}</p>
        <HandlingFields prefix="compose" value={handling} onChange={setHandling} errors={missing} />
        <HandlingBanner handling={handling} />
      </fieldset>

      {detail && (
        <fieldset>
          <legend>{t('federation.compose.entities')}</legend>
          <p className="hint">{t('federation.compose.entitiesHint')}</p>
          <EntityPicker entities={entities} detail={detail} choice={choice} onChange={setChoice} />
          {needsBasis && <IdentityBasisFields value={basis} onChange={setBasis} errors={missing} />}
        </fieldset>
      )}

      {Object.keys(missing).length > 0 && (
        <p className="alert alert-error" role="alert" data-testid="compose-invalid">
          {t('federation.compose.fix')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="compose-send">
          {busy ? t('federation.compose.sending') : t('federation.compose.send', { count: Math.max(1, recipients.length) })}
        </button>
        <Link to={detail ? `/cases/${encodeURIComponent(detail.id)}` : '/exchange/outbox'} className="button button-secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
};
