import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { federationApi } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useFormat } from '../../format';
import { useMe } from '../../session';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { FederationNav } from './federation-nav';
import type { KeyView, PeerView } from './federation-types';

/** A key fingerprint in its 16 groups of four, as partners read it out to each other. */
const Fingerprint = ({ value, testId }: { value: string; testId: string }) => (
  <code className="fingerprint" data-testid={testId}>
    {value}
  </code>
);

const KeyValidity = ({ k }: { k: KeyView }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [
    k.notBefore ? t('federation.peers.from', { date: format.date(k.notBefore) }) : null,
    k.notAfter ? t('federation.peers.until', { date: format.date(k.notAfter) }) : null,
    k.revokedAt ? t('federation.peers.revoked', { date: format.date(k.revokedAt) }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? <span className="hint"> {parts.join(' · ')}</span> : null;
};

/** This node's own identity: what partners pin, and the fingerprints to read out to them. */
const OwnIdentity = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const node = useResource((signal) => federationApi.node(signal), []);
  const [copied, setCopied] = useState(false);
  if (node.error) return <ErrorMessage error={node.error} />;
  if (!node.data) return <Loading />;
  const n = node.data;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(n.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="case-section" aria-labelledby="own-identity-heading" data-testid="own-identity">
      <h2 id="own-identity-heading">{t('federation.peers.self', { node: n.node, country: format.country(n.country) })}</h2>
      <p className="hint">{t('federation.peers.selfIntro')}</p>
      <dl className="key-list">
        {n.signingKeys.map((k) => (
          <div key={k.keyId}>
            <dt>
              {t('federation.peers.signingKey')}
              {k.keyId === n.activeSigningKeyId && <span className="schema-tag">{t('federation.peers.active')}</span>}
              {k.keyId === n.pendingSigningKeyId && <span className="schema-tag">{t('federation.peers.next')}</span>}
              <KeyValidity k={k} />
            </dt>
            <dd>
              <Fingerprint value={k.fingerprint} testId="own-fingerprint" />
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('federation.peers.encryptionKey')}</dt>
          <dd>
            <Fingerprint value={n.encryptionKey.fingerprint} testId="own-encryption-fingerprint" />
          </dd>
        </div>
      </dl>
      <div className="field">
        <label htmlFor="own-token">{t('federation.peers.token')}</label>
        <textarea id="own-token" className="mono token" rows={3} readOnly value={n.token} data-testid="own-token" />
      </div>
      <button type="button" className="button button-secondary button-small" onClick={copy}>
        {copied ? t('federation.peers.copied') : t('federation.peers.copy')}
      </button>
    </section>
  );
};

const AddPeerForm = ({ onAdded }: { onAdded: (peer: PeerView) => void }) => {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<PeerView | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const peer = await federationApi.addPeer({ url: url.trim(), key: key.trim(), fingerprint: fingerprint.trim() });
      setAdded(peer);
      setUrl('');
      setKey('');
      setFingerprint('');
      onAdded(peer);
    } catch (cause) {
      setError(cause);
    }
    setBusy(false);
  };
  return (
    <form noValidate className="subform" onSubmit={submit} aria-labelledby="add-peer-heading">
      <h3 id="add-peer-heading">{t('federation.peers.add')}</h3>
      <p className="hint">{t('federation.peers.addIntro')}</p>
      <div className="field">
        <label htmlFor="peer-url">{t('federation.peers.url')}</label>
        <input id="peer-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" data-testid="peer-url" />
      </div>
      <div className="field">
        <label htmlFor="peer-key">{t('federation.peers.token')}</label>
        <textarea id="peer-key" className="mono" rows={3} value={key} onChange={(e) => setKey(e.target.value)} data-testid="peer-key" />
      </div>
      <div className="field">
        <label htmlFor="peer-fingerprint">{t('federation.peers.confirmFingerprint')}</label>
        <input id="peer-fingerprint" className="mono" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} autoComplete="off" aria-describedby="peer-fingerprint-hint" data-testid="peer-fingerprint" />
        <p className="hint" id="peer-fingerprint-hint">
          {t('federation.peers.confirmHint')}
        </p>
      </div>
      <ErrorMessage error={error} />
      {added && (
        <p className="alert alert-success" role="status" data-testid="peer-added">
          {t('federation.peers.added', { node: added.node })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !url.trim() || !key.trim() || !fingerprint.trim()} data-testid="peer-add">
          {busy ? t('common.saving') : t('federation.peers.addButton')}
        </button>
      </div>
    </form>
  );
};

/** Pinned partner nodes with their key fingerprints; administrators pin and remove them. */
export const PeersPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const admin = me.role === 'admin';
  usePageTitle(t('federation.peers.title'));
  const peers = useResource((signal) => federationApi.peers(signal), []);
  const [error, setError] = useState<unknown>(null);

  const remove = async (node: string) => {
    if (!window.confirm(t('common.confirm', { action: t('federation.peers.removeConfirm', { node }) }))) return;
    setError(null);
    try {
      await federationApi.removePeer(node);
      peers.reload();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <section className="page" data-testid="peers-page">
      <h1>{t('federation.peers.title')}</h1>
      <FederationNav />
      <p className="hint">{t('federation.peers.intro')}</p>
      <OwnIdentity />
      <section className="case-section" aria-labelledby="peers-heading">
        <h2 id="peers-heading">{t('federation.peers.pinned')}</h2>
        <ErrorMessage error={peers.error ?? error} />
        {peers.loading && !peers.data && <Loading />}
        {peers.data && peers.data.items.length === 0 && <p className="empty">{t('federation.peers.none')}</p>}
        {peers.data && peers.data.items.length > 0 && (
          <ul className="card-list peer-list" data-testid="peer-list">
            {peers.data.items.map((peer) => (
              <li key={peer.node} className="card peer-card" data-testid="peer-row" data-node={peer.node}>
                <h3>
                  {format.country(peer.country)} <span className="mono">({peer.node})</span>
                </h3>
                <p className="break-all">
                  {t('common.labelled', { label: t('federation.peers.url') })} <span className="mono">{peer.url}</span>
                </p>
                <dl className="key-list">
                  {peer.signingKeys.map((k) => (
                    <div key={k.keyId}>
                      <dt>
                        {t('federation.peers.signingKey')} <KeyValidity k={k} />
                      </dt>
                      <dd>
                        <Fingerprint value={k.fingerprint} testId="peer-fingerprint-value" />
                      </dd>
                    </div>
                  ))}
                  <div>
                    <dt>{t('federation.peers.encryptionKey')}</dt>
                    <dd>
                      <Fingerprint value={peer.encryptionKey.fingerprint} testId="peer-encryption-fingerprint" />
                    </dd>
                  </div>
                </dl>
                <p className="hint">{t('federation.peers.versions', { versions: peer.supportedVersions.join(', ') })}</p>
                {admin && (
                  <button type="button" className="button button-secondary button-small" onClick={() => remove(peer.node)} data-testid="peer-remove">
                    {t('federation.peers.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {admin && <AddPeerForm onAdded={() => peers.reload()} />}
      </section>
    </section>
  );
};
