import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { federationApi } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { HandlingBanner } from '../../components/handling-banner';
import { Loading } from '../../components/loading';
import { useFormat } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { FederationNav } from './federation-nav';
import type { ConsentView } from './federation-types';
import { useTicker } from './use-exchange-list';

/** One request to forward one of this node's items: what, to whom, under which handling, why; grant or refuse with a reason. */
const ConsentCard = ({ consent, onDecided, nameOf }: { consent: ConsentView; onDecided: () => void; nameOf: (node: string) => string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const incoming = consent.direction === 'incoming';
  const pending = consent.status === 'pending';
  const rid = `consent-${consent.requestId}`;

  const decide = async (granted: boolean) => {
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(`${rid}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await federationApi.decideConsent(consent.requestId, { granted, reason: reason.trim() });
      onDecided();
    } catch (cause) {
      setError(cause);
    }
    setBusy(false);
  };

  return (
    <li className="card consent-card" data-testid="consent-row" data-status={consent.status} data-direction={consent.direction} data-item-id={consent.itemId}>
      <p className="eyebrow">
        {incoming ? t('federation.consents.incomingLine', { forwarder: nameOf(consent.forwarder), target: `${format.country(consent.forwardTo.country)} (${consent.forwardTo.node})` }) : t('federation.consents.outgoingLine', { originator: nameOf(consent.originator), target: `${format.country(consent.forwardTo.country)} (${consent.forwardTo.node})` })}
      </p>
      <p>
        {incoming ? (
          <Link to={`/exchange/threads/${encodeURIComponent(consent.itemId)}`} data-testid="consent-item-link">
            {t('federation.consents.openItem')}
          </Link>
        ) : (
          <span className="mono">{consent.itemId}</span>
        )}
      </p>
      <HandlingBanner handling={consent.proposedHandling} compact />
      <p>
        {t('common.labelled', { label: t('federation.consents.reason') })} {consent.reason}
      </p>
      <p className="hint">
        {format.dateTime(consent.createdAt)} · <span className={`consent-status consent-${consent.status}`} data-testid="consent-status">{t(`federation.consents.status.${consent.status}`)}</span>
        {consent.decidedAt && ` · ${format.dateTime(consent.decidedAt)}`}
        {consent.decisionReason && ` · ${consent.decisionReason}`}
      </p>
      {incoming && pending && (
        <div className="consent-decision">
          <div className="field">
            <label htmlFor={`${rid}-reason`}>{t('federation.consents.decisionReason')}</label>
            <textarea
              id={`${rid}-reason`}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="consent-reason"
              aria-invalid={missing && !reason.trim() ? true : undefined}
              aria-describedby={missing && !reason.trim() ? `${rid}-reason-error` : undefined}
            />
            {missing && !reason.trim() && (
              <p className="field-error" id={`${rid}-reason-error`}>
                {t('federation.consents.reasonRequired')}
              </p>
            )}
          </div>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => decide(true)} data-testid="consent-grant">
              {t('federation.consents.grant')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => decide(false)} data-testid="consent-refuse">
              {t('federation.consents.refuse')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
};

/** Partners asking to forward this node's items (to decide), and this node's own requests (to follow). */
export const ConsentsPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('federation.consents.title'));
  const incoming = useResource((signal) => federationApi.consents({ direction: 'incoming' }, signal), []);
  const outgoing = useResource((signal) => federationApi.consents({ direction: 'outgoing' }, signal), []);
  const peers = useResource((signal) => federationApi.peers(signal), []);
  const format = useFormat();
  const nameOf = (node: string): string => {
    const peer = peers.data?.items.find((p) => p.node === node);
    return peer ? `${format.country(peer.country)} (${node})` : node;
  };
  useTicker(incoming.reload);
  useTicker(outgoing.reload);
  const pending = (incoming.data?.items ?? []).filter((c) => c.status === 'pending');
  const decided = (incoming.data?.items ?? []).filter((c) => c.status !== 'pending');
  const section = (id: string, title: string, items: ConsentView[] | null, empty: string, reload: () => void) => (
    <section className="case-section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="card-list consent-list">
          {items.map((c) => (
            <ConsentCard key={c.requestId} consent={c} onDecided={reload} nameOf={nameOf} />
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <section className="page" data-testid="consents-page">
      <h1>{t('federation.consents.title')}</h1>
      <FederationNav />
      <p className="hint">{t('federation.consents.intro')}</p>
      <ErrorMessage error={incoming.error ?? outgoing.error} />
      {section('consents-pending', t('federation.consents.pending'), incoming.data ? pending : null, t('federation.consents.nonePending'), incoming.reload)}
      {section('consents-outgoing', t('federation.consents.outgoing'), outgoing.data?.items ?? null, t('federation.consents.noneOutgoing'), outgoing.reload)}
      {decided.length > 0 && section('consents-decided', t('federation.consents.decided'), decided, '', incoming.reload)}
    </section>
  );
};
