import { useTranslation } from 'react-i18next';
import { useQueryParams } from '../../use-query-params';
import { federationApi } from '../../api';
import { DeliveryBadge, ReadBadge } from '../../components/delivery-badge';
import { FilterSelect } from '../../components/filter-select';
import { ErrorMessage } from '../../components/error-message';
import { HandlingBanner } from '../../components/handling-banner';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import type { ItemType, LedgerEntry } from './federation-types';
import { ITEM_TYPES } from './inbox-page';
import { PeerName } from './item-table';

const PAGE = 50;

/** Receipts of one entry: the partner's signed ones for a sent item; arrival and first opening for a received one. */
const EntryReceipts = ({ entry }: { entry: LedgerEntry }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (entry.direction === 'received') {
    return (
      <ul className="bare-list">
        <li data-testid="ledger-receipt" data-status="delivered">
          {t('federation.ledger.arrived', { at: format.dateTime(entry.receivedAt) })}
        </li>
        {entry.readAt && (
          <li data-testid="ledger-receipt" data-status="read">
            {t('federation.ledger.opened', { at: format.dateTime(entry.readAt) })}
          </li>
        )}
      </ul>
    );
  }
  if (entry.receipts.length === 0) return <span className="hint">{t('federation.receipt.none')}</span>;
  return (
    <ul className="bare-list">
      {entry.receipts.map((r) => (
        <li key={`${r.status}-${r.at}`} data-testid="ledger-receipt" data-status={r.status}>
          {t(`federation.receipt.${r.status}`, { node: r.from, at: format.dateTime(r.at) })}
        </li>
      ))}
    </ul>
  );
};

/** Auditors: every item sent and received, with handling, delivery state and receipts, without content. */
export const LedgerPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, update] = useQueryParams();
  const direction = (params.get('direction') ?? '') as 'sent' | 'received' | '';
  const type = (params.get('type') ?? '') as ItemType | '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  usePageTitle(t('federation.ledger.title'));
  const list = useResource((signal) => federationApi.ledger({ direction: direction || undefined, type: type || undefined, limit: PAGE, offset }, signal), [direction, type, offset]);


  return (
    <section className="page" data-testid="ledger-page">
      <h1>{t('federation.ledger.title')}</h1>
      <p className="hint">{t('federation.ledger.intro')}</p>
      <form className="filters filters-compact" aria-label={t('federation.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="ledger-filter-direction" label={t('federation.ledger.direction')} value={direction} options={[{ value: 'sent', label: t('federation.ledger.sent') }, { value: 'received', label: t('federation.ledger.received') }]} onChange={(v) => update({ direction: v })} testId="ledger-filter-direction" />
        <FilterSelect id="ledger-filter-type" label={t('federation.type')} value={type} options={ITEM_TYPES.map((it) => ({ value: it, label: t(`federation.itemType.${it}`) }))} onChange={(v) => update({ type: v })} testId="ledger-filter-type" />
      </form>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <p className="result-count" data-testid="ledger-count">
            {t('federation.count', { count: list.data.total, formatted: format.number(list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty">{t('federation.ledger.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table responsive-table" data-testid="ledger-table">
                <caption className="visually-hidden">{t('federation.ledger.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('federation.ledger.when')}</th>
                    <th scope="col">{t('federation.ledger.direction')}</th>
                    <th scope="col">{t('federation.type')}</th>
                    <th scope="col">{t('federation.ledger.partner')}</th>
                    <th scope="col">{t('federation.handling')}</th>
                    <th scope="col">{t('federation.ledger.sender')}</th>
                    <th scope="col">{t('federation.status')}</th>
                    <th scope="col">{t('federation.ledger.receipts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((entry) => (
                    <tr key={entry.id} data-testid="ledger-row" data-item-id={entry.id} data-direction={entry.direction} data-type={entry.type} data-peer={entry.peer.node} data-status={entry.delivery?.status ?? (entry.readAt ? 'read' : 'received')}>
                      <td data-label={t('federation.ledger.when')}>{format.dateTime(entry.createdAt)}</td>
                      <td data-label={t('federation.ledger.direction')}>{entry.direction === 'sent' ? t('federation.ledger.sent') : t('federation.ledger.received')}</td>
                      <td data-label={t('federation.type')}>{t(`federation.itemType.${entry.type}`, { defaultValue: entry.type })}</td>
                      <td data-label={t('federation.ledger.partner')}>
                        <div>
                          <PeerName peer={entry.peer} />
                          {entry.originator && entry.originator.node !== entry.peer.node && entry.direction === 'received' && <p className="hint">{t('federation.forwardedFrom', { node: entry.originator.node })}</p>}
                        </div>
                      </td>
                      <td data-label={t('federation.handling')}>{entry.handling ? <HandlingBanner handling={entry.handling} compact /> : '—'}</td>
                      <td data-label={t('federation.ledger.sender')}>{entry.sender ?? '—'}</td>
                      <td data-label={t('federation.status')}>{entry.delivery ? <DeliveryBadge status={entry.delivery.status} /> : entry.direction === 'received' ? <ReadBadge readAt={entry.readAt} /> : '—'}</td>
                      <td data-label={t('federation.ledger.receipts')}>
                        <EntryReceipts entry={entry} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination total={list.data.total} offset={offset} limit={PAGE} onChange={(o) => update({ offset: o ? String(o) : '' })} label={t('federation.pages')} />
        </>
      )}
    </section>
  );
};
