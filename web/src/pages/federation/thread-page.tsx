import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { federationApi } from '../../api';
import { DeliveryBadge, ReadBadge } from '../../components/delivery-badge';
import { ErrorMessage } from '../../components/error-message';
import { HandlingBanner } from '../../components/handling-banner';
import { Loading } from '../../components/loading';
import { useFormat } from '../../format';
import { useMe } from '../../session';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { FederationNav, LIAISON_ROLES } from './federation-nav';
import type { ItemDetail, PeerView } from './federation-types';
import { ForwardPanel } from './forward-panel';
import { ItemContent } from './item-content';
import { Deadline, PeerName } from './item-table';
import { ResponseForm } from './response-form';

/** Delivery and read evidence: the partner's signed receipts for a sent item; when it arrived and was opened here for a received one. */
const Receipts = ({ item }: { item: ItemDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (item.direction === 'received') {
    return (
      <dl className="facts receipts" data-testid="item-receipts">
        <div>
          <dt>{t('federation.receivedAt')}</dt>
          <dd>{format.dateTime(item.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('federation.status')}</dt>
          <dd>
            <ReadBadge readAt={item.readAt} /> {item.readAt && format.dateTime(item.readAt)}
          </dd>
        </div>
      </dl>
    );
  }
  return (
    <div className="receipts" data-testid="item-receipts">
      <p>
        {t('common.labelled', { label: t('federation.status') })} {item.delivery ? <DeliveryBadge status={item.delivery.status} /> : '—'}
      </p>
      {item.receipts.length > 0 ? (
        <ul className="bare-list">
          {item.receipts.map((r) => (
            <li key={`${r.status}-${r.at}`} data-testid="receipt" data-status={r.status}>
              {t(`federation.receipt.${r.status}`, { node: r.from, at: format.dateTime(r.at) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('federation.receipt.none')}</p>
      )}
    </div>
  );
};

const ItemCard = ({ item, answered, now, liaison, peers, onChange }: { item: ItemDetail; answered: boolean; now: number; liaison: boolean; peers: PeerView[]; onChange: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const forwarded = item.direction === 'received' && item.originator && item.originator.node !== item.peer.node;
  return (
    <article className={`exchange-item exchange-item-${item.direction}`} id={`item-${item.id}`} data-testid="thread-item" data-item-id={item.id} data-type={item.type} data-direction={item.direction}>
      <header className="exchange-item-header">
        <p className="eyebrow">
          {t(`federation.itemType.${item.type}`, { defaultValue: item.type })} ·{' '}
          {item.direction === 'received' ? t('federation.receivedFrom') : t('federation.sentTo')} <PeerName peer={item.peer} />
        </p>
        <h2>{item.title ?? t('federation.purged')}</h2>
        <p className="hint">
          {format.dateTime(item.createdAt)}
          {item.sender && ` · ${t('federation.by', { name: item.sender })}`}
          {forwarded && ` · ${t('federation.forwardedFrom', { node: item.originator!.node })}`}
        </p>
      </header>
      {item.handling && <HandlingBanner handling={item.handling} expiresAt={item.expiresAt} />}
      {item.deadline && (
        <p className="deadline-line">
          {t('common.labelled', { label: t('federation.deadline') })} <Deadline item={item} answered={answered} now={now} />
        </p>
      )}
      {item.payload ? (
        <ItemContent type={item.type} payload={item.payload} />
      ) : (
        <p className="empty" data-testid="item-purged">
          {item.purgedAt || item.direction === 'received' ? t('federation.purgedNote', { date: format.date(item.purgedAt ?? item.expiresAt) }) : t('federation.noCopy')}
        </p>
      )}
      <Receipts item={item} />
      {liaison && item.direction === 'received' && item.type !== 'Response' && <ForwardPanel item={item} peers={peers} />}
      {liaison && item.direction === 'received' && item.type === 'RequestForInformation' && item.payload && <ResponseForm request={item} onSent={onChange} />}
    </article>
  );
};

/** A thread: the alert or request and every response, as far as this person may see them; opening it marks received items read. */
export const ThreadPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const me = useMe();
  const liaison = LIAISON_ROLES.includes(me.role);
  const thread = useResource((signal) => federationApi.thread(id, signal), [id]);
  const peers = useResource((signal) => (liaison ? federationApi.peers(signal) : Promise.resolve({ items: [], total: 0 })), [liaison]);
  // no polling here: every opening of a thread is a recorded read
  const [now] = useState(() => Date.now());
  usePageTitle(thread.data?.title ?? t('federation.thread.title'));

  const loaded = thread.data !== null;
  useEffect(() => {
    if (loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded, location.hash]);

  const items = thread.data?.items ?? [];
  const answered = items.some((i) => i.type === 'Response');
  return (
    <section className="page" data-testid="thread-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={liaison && items[0]?.direction === 'sent' ? '/exchange/outbox' : '/exchange'}>{liaison && items[0]?.direction === 'sent' ? t('federation.outbox.title') : t('federation.inbox.title')}</Link>
      </nav>
      <FederationNav />
      {thread.loading && !thread.data && <Loading />}
      <ErrorMessage error={thread.error} />
      {thread.data && (
        <>
          <h1 data-testid="thread-title">{thread.data.title ?? t('federation.purged')}</h1>
          <p className="hint">{t('federation.thread.count', { count: items.length, formatted: String(items.length) })}</p>
          <div className="thread" data-testid="thread">
            {items.map((item) => (
              <ItemCard key={item.id} item={item} answered={answered} now={now} liaison={liaison} peers={peers.data?.items ?? []} onChange={thread.reload} />
            ))}
          </div>
        </>
      )}
    </section>
  );
};
