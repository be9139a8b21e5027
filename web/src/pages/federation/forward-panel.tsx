import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handling } from '../../../../src/server/api-types';
import { federationApi } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { FieldError } from '../../components/field-error';
import { invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { useResource } from '../../use-resource';
import { audienceFor, daysLeft, forwardLabels, mayForward, rememberAudience, rememberedAudience } from './exchange-rules';
import type { ConsentView, ForwardOutcome, ItemDetail, PeerView } from './federation-types';
import { AudienceField, HandlingFields } from './handling-fields';
import { useTicker } from './use-exchange-list';

/** Consent requests this node sent for one item, with their answers, kept fresh while one is pending. */
const ConsentRequests = ({ itemId, generation, nameOf }: { itemId: string; generation: number; nameOf: (node: string) => string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useResource((signal) => federationApi.consents({ direction: 'outgoing' }, signal), [generation]);
  const mine = (list.data?.items ?? []).filter((c: ConsentView) => c.itemId === itemId);
  const pending = mine.some((c) => c.status === 'pending');
  useTicker(pending ? list.reload : noop);
  if (mine.length === 0) return null;
  return (
    <ul className="bare-list consent-requests" aria-live="polite">
      {mine.map((c) => (
        <li key={c.requestId} className={`alert alert-${c.status === 'granted' ? 'success' : c.status === 'refused' ? 'error' : 'info'}`} data-testid="forward-consent" data-status={c.status}>
          {t(`federation.forward.consent.${c.status}`, { originator: nameOf(c.originator), target: `${format.country(c.forwardTo.country)} (${c.forwardTo.node})` })}
          {c.decisionReason && <span className="hint"> — {c.decisionReason}</span>}
        </li>
      ))}
    </ul>
  );
};

const noop = () => undefined;

/**
 * Forwarding a received item to another partner, within its handling code: RED and
 * AMBER+STRICT are never offered; the label may only get stricter, the purpose stays, the
 * retention cannot outlast the held copy; when the originator asked for it, the node first
 * asks the originator's consent and forwards once it is granted.
 */
export const ForwardPanel = ({ item, peers }: { item: ItemDetail; peers: PeerView[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = (node: string): string => {
    const peer = peers.find((p) => p.node === node);
    return peer ? `${format.country(peer.country)} (${node})` : node;
  };
  const originator = nameOf(item.originator?.node ?? item.peer.node);
  const held = item.handling;
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ForwardOutcome | null>(null);
  const [generation, setGeneration] = useState(0);

  if (!held || item.direction !== 'received' || item.purgedAt) return null;
  if (!mayForward(held)) {
    return (
      <p className="alert alert-info" data-testid="forward-not-allowed">
        {t('federation.forward.never', { tlp: `TLP:${held.tlp}` })}
      </p>
    );
  }
  const targets = peers.filter((p) => p.node !== item.peer.node && p.node !== item.originator?.node);
  return (
    <section className="subform forward-panel" aria-labelledby={`forward-${item.id}-heading`}>
      <h4 id={`forward-${item.id}-heading`}>{t('federation.forward.title')}</h4>
      <p className="hint">{held.originatorConsentRequiredToForward ? t('federation.forward.needsConsent', { originator }) : t('federation.forward.intro')}</p>
      {outcome?.outcome === 'queued' && (
        <p className="alert alert-success" role="status" data-testid="forward-queued">
          {t('federation.forward.queued')}
        </p>
      )}
      {outcome?.outcome === 'needs_consent' && (
        <p className="alert alert-info" role="status" data-testid="forward-consent-requested">
          {t('federation.forward.consentRequested', { originator })}
        </p>
      )}
      {item.originator && <ConsentRequests itemId={item.originator.itemId} generation={generation} nameOf={nameOf} />}
      {!open ? (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)} disabled={targets.length === 0} data-testid="forward-open">
          {t('federation.forward.open')}
        </button>
      ) : (
        <ForwardForm
          item={item}
          held={held}
          targets={targets}
          onDone={(result) => {
            setOutcome(result);
            setOpen(false);
            setGeneration((g) => g + 1);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </section>
  );
};

const ForwardForm = ({ item, held, targets, onDone, onCancel }: { item: ItemDetail; held: Handling; targets: PeerView[]; onDone: (o: ForwardOutcome) => void; onCancel: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const maxDays = daysLeft(item.expiresAt, Date.now(), held.retentionDays);
  const [to, setTo] = useState(targets[0]?.node ?? '');
  const [handling, setHandling] = useState<Handling>({ ...held, retentionDays: maxDays });
  const [audience, setAudience] = useState(() => rememberedAudience(targets[0]?.node ?? '', held.tlp));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const target = targets.find((p) => p.node === to);
  const prefix = `forward-${item.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!audienceFor(handling.tlp, audience)[handling.tlp === 'RED' ? 'persons' : 'agencies'].length) problems[`${prefix}-audience`] = t('federation.audience.required');
    if (!reason.trim()) problems[`${prefix}-reason`] = t('federation.forward.reasonRequired');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await federationApi.forward(item.id, { to, handling, audience: audienceFor(handling.tlp, audience), reason: reason.trim() });
      rememberAudience(to, handling.tlp, audience);
      onDone(result);
    } catch (cause) {
      setError(cause);
    }
    setBusy(false);
  };

  return (
    <form noValidate onSubmit={submit} data-testid="forward-form">
      <div className="field">
        <label htmlFor={`${prefix}-to`}>{t('federation.forward.to')}</label>
        <select
          id={`${prefix}-to`}
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            setAudience(rememberedAudience(e.target.value, handling.tlp));
          }}
          data-testid="forward-to"
        >
          {targets.map((p) => (
            <option key={p.node} value={p.node}>
              {format.country(p.country)} ({p.node})
            </option>
          ))}
        </select>
      </div>
      <HandlingFields prefix={prefix} value={handling} onChange={setHandling} labels={forwardLabels(held.tlp)} purposes={[held.purpose]} maxRetention={Math.max(1, maxDays)} lockConsent={held.originatorConsentRequiredToForward} />
      {target && <AudienceField id={`${prefix}-audience`} tlp={handling.tlp} value={audience} onChange={setAudience} node={target.node} country={target.country} error={missing[`${prefix}-audience`]} />}
      <div className="field">
        <label htmlFor={`${prefix}-reason`}>{t('federation.forward.reason')}</label>
        <textarea id={`${prefix}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="forward-reason" {...invalidProps(`${prefix}-reason`, missing[`${prefix}-reason`])} />
        <FieldError id={`${prefix}-reason`} message={missing[`${prefix}-reason`]} />
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="forward-submit">
          {busy ? t('common.saving') : held.originatorConsentRequiredToForward ? t('federation.forward.askConsent') : t('federation.forward.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
};
