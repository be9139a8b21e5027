import { useTranslation } from 'react-i18next';
import { useQueryParams } from '../../use-query-params';
import { Link } from 'react-router';
import { federationApi } from '../../api';
import { FilterSelect } from '../../components/filter-select';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { useMe } from '../../session';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { FederationNav, LIAISON_ROLES } from './federation-nav';
import type { ItemType } from './federation-types';
import { ItemTable } from './item-table';
import { useAnsweredThreads, useTicker } from './use-exchange-list';

const PAGE = 25;
export const ITEM_TYPES: readonly ItemType[] = ['Alert', 'RequestForInformation', 'Response'];

/** Items received from partner nodes that this person may see, newest first. */
export const InboxPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const liaison = LIAISON_ROLES.includes(me.role);
  const [params, update] = useQueryParams();
  const type = (params.get('type') ?? '') as ItemType | '';
  const unread = params.get('unread') === 'true';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  usePageTitle(t('federation.inbox.title'));

  const list = useResource((signal) => federationApi.inbox({ type: type || undefined, unread: unread || undefined, limit: PAGE, offset }, signal), [type, unread, offset]);
  const now = useTicker(list.reload);
  const answered = useAnsweredThreads('sent', liaison, now);


  return (
    <section className="page" data-testid="inbox-page">
      <div className="page-heading">
        <h1>{t('federation.inbox.title')}</h1>
        {liaison && (
          <div className="actions">
            <Link to="/exchange/compose?type=RequestForInformation" className="button button-secondary" data-testid="new-rfi-button">
              {t('federation.compose.newRfi')}
            </Link>
          </div>
        )}
      </div>
      <FederationNav />
      <p className="hint">{t('federation.inbox.intro')}</p>

      <form className="filters filters-compact" aria-label={t('federation.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="inbox-filter-type" label={t('federation.type')} value={type} options={ITEM_TYPES.map((it) => ({ value: it, label: t(`federation.itemType.${it}`) }))} onChange={(v) => update({ type: v })} testId="inbox-filter-type" />
        <div className="field field-actions">
          <div className="checkbox-field">
            <input id="inbox-filter-unread" type="checkbox" checked={unread} onChange={(e) => update({ unread: e.target.checked ? 'true' : '' })} data-testid="inbox-filter-unread" />
            <label htmlFor="inbox-filter-unread">{t('federation.inbox.unreadOnly')}</label>
          </div>
        </div>
      </form>

      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <p className="result-count" data-testid="inbox-count">
            {t('federation.count', { count: list.data.total, formatted: format.number(list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty">{t('federation.inbox.none')}</p>
          ) : (
            <ItemTable items={list.data.items} direction="received" caption={t('federation.inbox.title')} answered={answered} now={now} />
          )}
          <Pagination total={list.data.total} offset={offset} limit={PAGE} onChange={(o) => update({ offset: o ? String(o) : '' })} label={t('federation.pages')} />
        </>
      )}
    </section>
  );
};
