import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DisclosureStatus } from '../../../../src/server/api-types';
import { FilterSelect } from '../../components/filter-select';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { useMe } from '../../session';
import { usePageTitle } from '../../use-page-title';
import { useQueryParams } from '../../use-query-params';
import { useResource } from '../../use-resource';
import { FederationNav } from '../federation/federation-nav';
import { useTicker } from '../federation/use-exchange-list';
import { crossBorderApi } from './cross-border-api';
import { defaultDisclosureDirection } from './cross-border-rules';
import { basisText, DisclosureStatusBadge, Partner, Score, useFieldLabel } from './parts';

const PAGE = 25;
const STATUSES: readonly DisclosureStatus[] = ['pending', 'approved', 'refused'];
type Direction = 'incoming' | 'outgoing';

export const disclosureLink = (id: string): string => `/exchange/disclosures/${encodeURIComponent(id)}`;

/** Requests to disclose more about a hit: partners' requests to this node (incoming) and this node's (outgoing). */
export const DisclosuresPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const fieldLabel = useFieldLabel();
  const [params, update] = useQueryParams();
  const fallback: Direction = defaultDisclosureDirection(me.role);
  const direction: Direction = params.get('direction') === 'incoming' || params.get('direction') === 'outgoing' ? (params.get('direction') as Direction) : fallback;
  const status = STATUSES.find((s) => s === params.get('status')) ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  usePageTitle(`${t(`crossBorder.disclosures.${direction}`)} — ${t('crossBorder.disclosures.title')}`);
  const list = useResource((signal) => crossBorderApi.disclosures({ direction, status: status || undefined, limit: PAGE, offset }, signal), [direction, status, offset]);
  useTicker(list.reload);
  const items = list.data?.items ?? [];

  return (
    <section className="page" data-testid="disclosures-page" data-direction={direction}>
      <h1>{t('crossBorder.disclosures.title')}</h1>
      <FederationNav />
      <p className="hint">{t('crossBorder.disclosures.intro')}</p>
      <nav className="tabs xb-subtabs" aria-label={t('crossBorder.disclosures.direction')}>
        <ul>
          {(['incoming', 'outgoing'] as const).map((d) => (
            <li key={d}>
              <Link
                to={`/exchange/disclosures?direction=${d}${status ? `&status=${status}` : ''}`}
                className={d === direction ? 'tab active' : 'tab'}
                aria-current={d === direction ? 'page' : undefined}
                data-testid={`disclosures-tab-${d}`}
              >
                {t(`crossBorder.disclosures.${d}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="hint">{t(`crossBorder.disclosures.${direction}Intro`)}</p>

      <form className="filters filters-compact" aria-label={t('crossBorder.disclosures.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="disclosures-filter-status" label={t('crossBorder.disclosures.status')} value={status} options={STATUSES.map((s) => ({ value: s, label: t(`crossBorder.status.${s}`) }))} onChange={(v) => update({ status: v })} testId="disclosures-filter-status" />
      </form>

      <ErrorMessage error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="disclosures-count">
            {t('crossBorder.disclosures.count', { count: list.data.total, formatted: format.number(list.data.total) })}
          </p>
          {items.length === 0 ? (
            <p className="empty">{t(`crossBorder.disclosures.none.${direction}`)}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table responsive-table xb-disclosures" data-testid="disclosures-table">
                <caption className="visually-hidden">{t(`crossBorder.disclosures.${direction}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('crossBorder.disclosures.request')}</th>
                    <th scope="col">{t('crossBorder.partner')}</th>
                    <th scope="col">{t('crossBorder.hits.score')}</th>
                    <th scope="col">{t('crossBorder.disclosures.asked')}</th>
                    <th scope="col">{t('crossBorder.disclosures.basisAndPurpose')}</th>
                    <th scope="col">{t('crossBorder.disclosures.requested')}</th>
                    <th scope="col">{t('crossBorder.disclosures.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((d) => (
                    <tr key={d.id} data-testid="disclosure-row" data-disclosure-id={d.id} data-status={d.status} data-direction={d.direction} data-kind={d.kind}>
                      <td data-label={t('crossBorder.disclosures.request')} className="cell-title">
                        <div>
                          <Link to={disclosureLink(d.id)} data-testid="disclosure-link">
                            {d.local
                              ? d.local.caption || t('entity.untitled')
                              : d.direction === 'incoming'
                                ? t(`crossBorder.kind.${d.kind}`)
                                : t('crossBorder.disclosures.aboutKind', { kind: t(`crossBorder.kind.${d.kind}`) })}
                          </Link>
                          {d.local && <p className="hint">{t(`crossBorder.kind.${d.kind}`)}</p>}
                          {d.notice && (
                            <p className="hint" data-testid="disclosure-notice">
                              {d.notice}
                            </p>
                          )}
                        </div>
                      </td>
                      <td data-label={t('crossBorder.partner')}>
                        <Partner node={d.peerNode} country={d.peerCountry} />
                      </td>
                      <td data-label={t('crossBorder.hits.score')}>
                        <Score score={d.score} />
                      </td>
                      <td data-label={t('crossBorder.disclosures.asked')}>
                        <div>
                          {t(`crossBorder.level.${d.requested.level}`)}
                          {d.requested.level === 'fields' && d.requested.fields.length > 0 && <p className="hint">{d.requested.fields.map((f) => fieldLabel(f, d.local?.schema ?? d.kind)).join(', ')}</p>}
                        </div>
                      </td>
                      <td data-label={t('crossBorder.disclosures.basisAndPurpose')}>
                        <div>
                          <span>{basisText(t, d.requested.legalBasis)}</span>
                          <p className="hint xb-clamp">{d.requested.purpose}</p>
                        </div>
                      </td>
                      <td data-label={t('crossBorder.disclosures.requested')}>
                        <div>
                          {format.dateTime(d.requested.at)}
                          <p className="hint">{t('federation.by', { name: d.requested.by })}</p>
                        </div>
                      </td>
                      <td data-label={t('crossBorder.disclosures.status')}>
                        <div>
                          <DisclosureStatusBadge status={d.status} />
                          {d.decision && d.status === 'approved' && <p className="hint">{t(`crossBorder.level.${d.decision.level}`)}</p>}
                          {d.canDecide && d.status === 'pending' && <p className="hint">{t('crossBorder.disclosures.toDecide')}</p>}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination total={list.data.total} offset={offset} limit={PAGE} onChange={(o) => update({ offset: o ? String(o) : '' })} label={t('crossBorder.disclosures.pages')} />
        </>
      )}
    </section>
  );
};
