import { useTranslation } from 'react-i18next';
import { useQueryParams } from '../../use-query-params';
import { Link, useLocation } from 'react-router';
import { federationApi } from '../../api';
import { FilterSelect } from '../../components/filter-select';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { FederationNav } from './federation-nav';
import type { DeliveryStatus, ItemType } from './federation-types';
import { ITEM_TYPES } from './inbox-page';
import { ItemTable } from './item-table';
import { useAnsweredThreads, useTicker } from './use-exchange-list';

const PAGE = 25;
const STATUSES: readonly DeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed'];

/** Items this node sent, with their delivery state and the partners' receipts (liaison officers). */
export const OutboxPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const sent = (location.state as { sent?: number } | null)?.sent ?? 0;
  const [params, update] = useQueryParams();
  const type = (params.get('type') ?? '') as ItemType | '';
  const status = (params.get('status') ?? '') as DeliveryStatus | '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  usePageTitle(t('federation.outbox.title'));

  const list = useResource((signal) => federationApi.outbox({ type: type || undefined, status: status || undefined, limit: PAGE, offset }, signal), [type, status, offset]);
  const now = useTicker(list.reload);
  const answered = useAnsweredThreads('received', true, now);


  return (
    <section className="page" data-testid="outbox-page">
      <div className="page-heading">
        <h1>{t('federation.outbox.title')}</h1>
        <div className="actions">
          <Link to="/exchange/compose?type=Alert" className="button" data-testid="new-alert-button">
            {t('federation.compose.newAlert')}
          </Link>
          <Link to="/exchange/compose?type=RequestForInformation" className="button button-secondary" data-testid="new-rfi-button">
            {t('federation.compose.newRfi')}
          </Link>
        </div>
      </div>
      <FederationNav />
      <p className="hint">{t('federation.outbox.intro')}</p>
      {sent > 0 && (
        <p className="alert alert-success" role="status" data-testid="sent-confirmation">
          {t('federation.compose.sent', { count: sent, formatted: format.number(sent) })}
        </p>
      )}

      <form className="filters filters-compact" aria-label={t('federation.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="outbox-filter-type" label={t('federation.type')} value={type} options={ITEM_TYPES.map((it) => ({ value: it, label: t(`federation.itemType.${it}`) }))} onChange={(v) => update({ type: v })} testId="outbox-filter-type" />
        <FilterSelect id="outbox-filter-status" label={t('federation.status')} value={status} options={STATUSES.map((s) => ({ value: s, label: t(`federation.delivery.${s}`) }))} onChange={(v) => update({ status: v })} testId="outbox-filter-status" />
      </form>

      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <p className="result-count" data-testid="outbox-count">
            {t('federation.count', { count: list.data.total, formatted: format.number(list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty">{t('federation.outbox.none')}</p>
          ) : (
            <ItemTable items={list.data.items} direction="sent" caption={t('federation.outbox.title')} answered={answered} now={now} />
          )}
          <Pagination total={list.data.total} offset={offset} limit={PAGE} onChange={(o) => update({ offset: o ? String(o) : '' })} label={t('federation.pages')} />
        </>
      )}
    </section>
  );
};
