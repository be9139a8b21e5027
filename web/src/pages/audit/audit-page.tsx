import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AuditEntryView, ListResult, UserView } from '../../../../src/server/api-types';
import { api } from '../../api';
import { auditActionLabel } from '../../components/audit-action';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { bucketByDay } from './audit-buckets';
import { VerifyChain } from './verify-chain';

const AuditChart = lazy(() => import('./audit-chart'));

const PAGE = 50;
const CHART_PAGE = 200;
const CHART_PAGES = 5;
const FILTERS = ['actor', 'case', 'action', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];
type Filters = Record<FilterName, string>;

/** Actions the auditor is most likely to look for, offered as suggestions. */
const COMMON_ACTIONS = [
  'victim.identity.read',
  'case.*',
  'case.read',
  'case.create',
  'case.update',
  'entity.*',
  'search',
  'auth.*',
  'auth.login.failed',
  'auth.login.locked',
  'user.*',
  'data.export',
  'audit.*',
];

const loadChartEntries = async (filters: Filters, signal: AbortSignal): Promise<{ entries: AuditEntryView[]; partial: boolean }> => {
  const entries: AuditEntryView[] = [];
  let total = 0;
  for (let page = 0; page < CHART_PAGES; page += 1) {
    const result = await api.get<ListResult<AuditEntryView>>('/audit', { ...filters, limit: CHART_PAGE, offset: page * CHART_PAGE }, signal);
    entries.push(...result.items);
    total = result.total;
    if (entries.length >= total || result.items.length === 0) break;
  }
  return { entries, partial: entries.length < total };
};

export const AuditPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [draft, setDraft] = useState<Filters>(filters);
  usePageTitle(t('audit.title'));
  const key = FILTERS.map((f) => filters[f]).join('|');

  const entries = useResource((signal) => api.get<ListResult<AuditEntryView>>('/audit', { ...filters, limit: PAGE, offset }, signal), [key, offset]);
  const chart = useResource((signal) => loadChartEntries(filters, signal), [key]);
  const users = useResource((signal) => api.get<ListResult<UserView>>('/users', { limit: 200 }, signal), []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f].trim()) next.set(f, draft[f].trim());
    setParams(next);
  };
  const clear = () => {
    setDraft({ actor: '', case: '', action: '', from: '', to: '' });
    setParams(new URLSearchParams());
  };
  const setOffset = (o: number) => {
    const next = new URLSearchParams(params);
    if (o) next.set('offset', String(o));
    else next.delete('offset');
    setParams(next);
  };
  const field = (name: FilterName) => ({
    id: `audit-filter-${name}`,
    'data-testid': `audit-filter-${name}`,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  return (
    <section className="page">
      <h1>{t('audit.title')}</h1>
      <p className="hint">{t('audit.intro')}</p>

      <VerifyChain />

      <form className="filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-filter-actor">{t('audit.filterActor')}</label>
          <input {...field('actor')} list="audit-actors" autoComplete="off" />
          <datalist id="audit-actors">
            {(users.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.email}>
                {u.displayName}
              </option>
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="audit-filter-case">{t('audit.filterCase')}</label>
          <input {...field('case')} autoComplete="off" placeholder="MX-2026-000123" />
        </div>
        <div className="field">
          <label htmlFor="audit-filter-action">{t('audit.filterAction')}</label>
          <input {...field('action')} list="audit-actions" autoComplete="off" aria-describedby="audit-filter-action-hint" />
          <p className="hint" id="audit-filter-action-hint">
            {t('audit.filterActionHint')}
          </p>
          <datalist id="audit-actions">
            {COMMON_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a.endsWith('*') ? t('audit.actionPrefix', { prefix: a.slice(0, -1) }) : auditActionLabel(t, a)}
              </option>
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="audit-filter-from">{t('audit.filterFrom')}</label>
          <input {...field('from')} type="date" />
        </div>
        <div className="field">
          <label htmlFor="audit-filter-to">{t('audit.filterTo')}</label>
          <input {...field('to')} type="date" />
        </div>
        <div className="field field-actions">
          <button type="submit" className="button" data-testid="audit-filter-apply">
            {t('audit.apply')}
          </button>
          <button type="button" className="button button-secondary" onClick={clear} data-testid="audit-filter-clear">
            {t('cases.clearFilters')}
          </button>
        </div>
      </form>

      <section className="case-section" aria-labelledby="audit-chart-heading">
        <h2 id="audit-chart-heading">{t('audit.chartTitle')}</h2>
        <ErrorMessage error={chart.error} />
        {chart.loading && <Loading />}
        {chart.data && !chart.loading && (
          <Suspense fallback={<Loading />}>
            <AuditChart buckets={bucketByDay(chart.data.entries)} partial={chart.data.partial} />
          </Suspense>
        )}
      </section>

      <section className="case-section" aria-labelledby="audit-entries-heading">
        <h2 id="audit-entries-heading">{t('audit.entries')}</h2>
        <ErrorMessage error={entries.error} />
        {entries.loading && !entries.data && <Loading />}
        {entries.data && (
          <>
            <p className="result-count" aria-live="polite" data-testid="audit-count">
              {t('audit.count', { count: entries.data.total, formatted: format.number(entries.data.total) })}
            </p>
            {entries.data.items.length > 0 && (
              <div className="table-wrap">
                <table className="data-table responsive-table" data-testid="audit-table">
                  <caption className="visually-hidden">{t('audit.entries')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="numeric">
                        {t('audit.seq')}
                      </th>
                      <th scope="col">{t('audit.when')}</th>
                      <th scope="col">{t('audit.who')}</th>
                      <th scope="col">{t('audit.action')}</th>
                      <th scope="col">{t('audit.case')}</th>
                      <th scope="col">{t('audit.target')}</th>
                      <th scope="col">{t('audit.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.data.items.map((entry) => (
                      <tr key={entry.seq} data-testid="audit-row" data-action={entry.action}>
                        <td data-label={t('audit.seq')} className="numeric mono">
                          {entry.seq}
                        </td>
                        <td data-label={t('audit.when')}>
                          <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                        </td>
                        <td data-label={t('audit.who')}>{entry.actorLabel}</td>
                        <td data-label={t('audit.action')}>
                          <span>
                            {auditActionLabel(t, entry.action)}
                            <br />
                            <code className="action-code">{entry.action}</code>
                          </span>
                        </td>
                        <td data-label={t('audit.case')}>
                          {entry.caseId && entry.caseReference ? (
                            <Link to={`/cases/${entry.caseId}`} className="mono">
                              {entry.caseReference}
                            </Link>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td data-label={t('audit.target')}>{entry.targetType ? t(`auditTarget.${entry.targetType}`, { defaultValue: entry.targetType }) : '—'}</td>
                        <td data-label={t('audit.detail')}>
                          <DetailText detail={entry.detail} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination total={entries.data.total} offset={offset} limit={PAGE} onChange={setOffset} label={t('audit.pagination')} />
          </>
        )}
      </section>
    </section>
  );
};

/** The entry's detail as plain "key: value" text (never markup). */
const DetailText = ({ detail }: { detail: Record<string, unknown> }) => {
  const parts = Object.entries(detail).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (parts.length === 0) return <>—</>;
  return <span className="detail-text">{parts.join(' · ')}</span>;
};
