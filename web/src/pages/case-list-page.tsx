import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CaseSummary, ListResult } from '../../../src/server/api-types';
import { api } from '../api';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { Pagination } from '../components/pagination';
import { StatusBadge } from '../components/status-badge';
import { TlpBadge } from '../components/tlp-badge';
import { useFormat } from '../format';
import { CASE_CREATOR_ROLES, CASE_STATUSES, CASE_TYPES, TLP_LEVELS } from '../lists';
import { useMe } from '../session';
import { usePageTitle } from '../use-page-title';
import { useResource } from '../use-resource';

const PAGE_SIZE = 25;

export const CaseListPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const type = params.get('type') ?? '';
  const tlp = params.get('tlp') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  usePageTitle(t('cases.title'));

  const cases = useResource(
    (signal) => api.get<ListResult<CaseSummary>>('/cases', { q, status, type, tlp, limit: PAGE_SIZE, offset }, signal),
    [q, status, type, tlp, offset],
  );

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };

  const filtered = Boolean(q || status || type || tlp);

  return (
    <section className="page">
      <div className="page-heading">
        <h1>{t('cases.title')}</h1>
        {CASE_CREATOR_ROLES.includes(me.role) && (
          <Link to="/cases/new" className="button" data-testid="new-case-button">
            {t('cases.new')}
          </Link>
        )}
      </div>

      <form className="filters" role="search" aria-label={t('cases.filtersLabel')} onSubmit={submit}>
        <div className="field field-grow">
          <label htmlFor="case-q">{t('cases.searchLabel')}</label>
          <input id="case-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="case-search" />
        </div>
        <div className="field">
          <label htmlFor="case-filter-status">{t('cases.status')}</label>
          <select id="case-filter-status" value={status} onChange={(e) => update({ status: e.target.value })} data-testid="case-filter-status">
            <option value="">{t('common.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`caseStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-filter-type">{t('cases.type')}</label>
          <select id="case-filter-type" value={type} onChange={(e) => update({ type: e.target.value })} data-testid="case-filter-type">
            <option value="">{t('common.all')}</option>
            {CASE_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`caseType.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-filter-tlp">{t('cases.tlp')}</label>
          <select id="case-filter-tlp" value={tlp} onChange={(e) => update({ tlp: e.target.value })} data-testid="case-filter-tlp">
            <option value="">{t('common.all')}</option>
            {TLP_LEVELS.map((s) => (
              <option key={s} value={s}>
                TLP:{s}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit" className="button" data-testid="case-search-submit">
            {t('cases.searchButton')}
          </button>
          {filtered && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDraft('');
                setParams(new URLSearchParams());
              }}
              data-testid="case-filter-clear"
            >
              {t('cases.clearFilters')}
            </button>
          )}
        </div>
      </form>

      <ErrorMessage error={cases.error} />
      {cases.loading && !cases.data && <Loading />}
      {cases.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="case-count">
            {t('cases.count', { count: cases.data.total, formatted: format.number(cases.data.total) })}
          </p>
          {cases.data.items.length === 0 ? (
            <p className="empty">{filtered ? t('cases.noneMatching') : t('cases.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table responsive-table">
                <caption className="visually-hidden">{t('cases.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.reference')}</th>
                    <th scope="col">{t('cases.caseTitle')}</th>
                    <th scope="col">{t('cases.type')}</th>
                    <th scope="col">{t('cases.status')}</th>
                    <th scope="col">{t('cases.tlp')}</th>
                    <th scope="col">{t('cases.agency')}</th>
                    <th scope="col" className="numeric">
                      {t('cases.subjects')}
                    </th>
                    <th scope="col">{t('cases.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.data.items.map((c) => (
                    <tr key={c.id} data-testid="case-row" data-case-id={c.id}>
                      <td data-label={t('cases.reference')}>
                        <Link to={`/cases/${c.id}`} className="mono" data-testid="case-link">
                          {c.reference}
                        </Link>
                      </td>
                      <td data-label={t('cases.caseTitle')} className="cell-title">
                        {c.title}
                      </td>
                      <td data-label={t('cases.type')}>{t(`caseType.${c.type}`)}</td>
                      <td data-label={t('cases.status')}>
                        <StatusBadge status={c.status} />
                      </td>
                      <td data-label={t('cases.tlp')}>
                        <TlpBadge tlp={c.tlp} />
                      </td>
                      <td data-label={t('cases.agency')}>
                        <abbr title={c.owningAgency.name}>{c.owningAgency.code}</abbr>
                      </td>
                      <td data-label={t('cases.subjects')} className="numeric">
                        {format.number(c.subjectCount)}
                      </td>
                      <td data-label={t('cases.updated')} className="cell-date">
                        {format.dateTime(c.updatedAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination total={cases.data.total} offset={offset} limit={PAGE_SIZE} onChange={(o) => update({ offset: o ? String(o) : '' })} label={t('cases.pagination')} />
        </>
      )}
    </section>
  );
};
