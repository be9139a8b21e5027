import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeliveryBadge, ReadBadge } from '../../components/delivery-badge';
import { HandlingBanner } from '../../components/handling-banner';
import { useFormat } from '../../format';
import { isOverdue } from './exchange-rules';
import type { ItemSummary } from './federation-types';

export const threadLink = (item: Pick<ItemSummary, 'threadId' | 'id'>): string => `/exchange/threads/${encodeURIComponent(item.threadId)}#item-${item.id}`;

/** "Mexico (mx)" */
export const PeerName = ({ peer }: { peer: ItemSummary['peer'] }) => {
  const format = useFormat();
  return (
    <span className="peer-name">
      {peer.country ? `${format.country(peer.country)} ` : ''}
      <span className="mono">({peer.node})</span>
    </span>
  );
};

/** The deadline of a request, marked when it is past and no answer exists. */
export const Deadline = ({ item, answered, now }: { item: ItemSummary; answered: boolean; now: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!item.deadline) return null;
  const overdue = isOverdue(item, now, answered);
  return (
    <span className={overdue ? 'deadline deadline-overdue' : 'deadline'} data-testid="item-deadline" data-overdue={overdue ? 'true' : 'false'}>
      {overdue && <strong className="overdue-tag">{t('federation.overdue')}</strong>} {format.dateTime(item.deadline)}
      {answered && <span className="answered-tag"> · {t('federation.answered')}</span>}
    </span>
  );
};

interface Props {
  items: ItemSummary[];
  direction: 'received' | 'sent';
  caption: string;
  /** threads that already hold a response */
  answered: Set<string>;
  now: number;
}

/** Received or sent items, each with its handling, partner, dates and delivery or read state. */
export const ItemTable = ({ items, direction, caption, answered, now }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const partner = direction === 'received' ? t('federation.from') : t('federation.to');
  return (
    <div className="table-wrap">
      <table className="data-table responsive-table item-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('federation.type')}</th>
            <th scope="col">{t('federation.subject')}</th>
            <th scope="col">{partner}</th>
            <th scope="col">{t('federation.handling')}</th>
            <th scope="col">{direction === 'received' ? t('federation.receivedAt') : t('federation.sentAt')}</th>
            <th scope="col">{t('federation.deadline')}</th>
            <th scope="col">{t('federation.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const overdue = isOverdue(item, now, answered.has(item.threadId));
            const unread = direction === 'received' && !item.readAt && !item.purgedAt;
            return (
              <tr
                key={item.id}
                className={`${overdue ? 'row-overdue' : ''} ${unread ? 'row-unread' : ''}`.trim() || undefined}
                data-testid="item-row"
                data-item-id={item.id}
                data-type={item.type}
                data-peer={item.peer.node}
                data-tlp={item.handling?.tlp ?? ''}
                data-overdue={overdue ? 'true' : 'false'}
              >
                <td data-label={t('federation.type')}>
                  <span className="type-label">{t(`federation.itemType.${item.type}`, { defaultValue: item.type })}</span>
                </td>
                <td data-label={t('federation.subject')} className="cell-title">
                  <div>
                    <Link to={threadLink(item)} data-testid="item-link">
                      {item.title ?? t('federation.purged')}
                    </Link>
                    {item.sender && <p className="hint">{t('federation.by', { name: item.sender })}</p>}
                  </div>
                </td>
                <td data-label={partner}>
                  <PeerName peer={item.peer} />
                </td>
                <td data-label={t('federation.handling')}>{item.handling ? <HandlingBanner handling={item.handling} compact /> : '—'}</td>
                <td data-label={direction === 'received' ? t('federation.receivedAt') : t('federation.sentAt')}>{format.dateTime(item.receivedAt ?? item.createdAt)}</td>
                <td data-label={t('federation.deadline')}>{item.deadline ? <Deadline item={item} answered={answered.has(item.threadId)} now={now} /> : '—'}</td>
                <td data-label={t('federation.status')}>
                  {direction === 'received' ? (
                    <ReadBadge readAt={item.readAt} />
                  ) : item.delivery ? (
                    <div>
                      <DeliveryBadge status={item.delivery.status} />
                      {item.delivery.status === 'read' && item.delivery.readAt && <p className="hint">{format.dateTime(item.delivery.readAt)}</p>}
                      {item.delivery.status === 'delivered' && item.delivery.deliveredAt && <p className="hint">{format.dateTime(item.delivery.deliveredAt)}</p>}
                      {item.delivery.status === 'failed' && item.delivery.lastError && <p className="hint mono">{item.delivery.lastError}</p>}
                    </div>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
