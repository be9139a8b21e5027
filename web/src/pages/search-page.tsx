import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ListResult, SearchResult } from '../../../src/server/api-types';
import { api } from '../api';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { TlpBadge } from '../components/tlp-badge';
import { useFormat } from '../format';
import { useCatalogues } from '../reference';
import { usePageTitle } from '../use-page-title';
import { useResource } from '../use-resource';

const LIMIT = 50;
type Scope = '' | 'case' | 'entity';

export const SearchPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const scope = (params.get('type') ?? '') as Scope;
  const [draft, setDraft] = useState(q);
  const [draftScope, setDraftScope] = useState<Scope>(scope);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setDraft(q);
    setDraftScope(scope);
  }, [q, scope]);
  usePageTitle(q ? t('search.titleFor', { q }) : t('search.title'));

  useEffect(() => {
    if (!q) inputRef.current?.focus();
  }, [q]);

  const results = useResource(
    (signal) => (q ? api.get<ListResult<SearchResult>>('/search', { q, type: scope, limit: LIMIT }, signal) : Promise.resolve(null)),
    [q, scope],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    if (draftScope) next.set('type', draftScope);
    setParams(next);
  };

  const typeLabel = (r: SearchResult): string => {
    if (r.docType === 'case') return r.caseType ? `${t('search.case')} · ${t(`caseType.${r.caseType}`)}` : t('search.case');
    const schema = r.schema ? catalogues.data?.schema(r.schema) : undefined;
    return schema ? format.pick(schema.label) : (r.schema ?? t('search.entity'));
  };

  return (
    <section className="page">
      <h1>{t('search.title')}</h1>
      <form className="filters" role="search" aria-label={t('search.title')} onSubmit={submit}>
        <div className="field field-grow">
          <label htmlFor="search-input">{t('search.label')}</label>
          <input id="search-input" ref={inputRef} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="search-hint" data-testid="search-input" />
          <p className="hint" id="search-hint">
            {t('search.hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="search-scope">{t('search.scope')}</label>
          <select id="search-scope" value={draftScope} onChange={(e) => setDraftScope(e.target.value as Scope)} data-testid="search-scope">
            <option value="">{t('search.everything')}</option>
            <option value="case">{t('search.cases')}</option>
            <option value="entity">{t('search.entities')}</option>
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit" className="button" data-testid="search-submit">
            {t('search.button')}
          </button>
        </div>
      </form>
      <p className="hint">{t('search.logged')}</p>
      <ErrorMessage error={results.error} />
      {results.loading && q && <Loading />}
      {results.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="search-count">
            {t('search.count', { count: results.data.total, formatted: format.number(results.data.total) })}
          </p>
          {results.data.items.length > 0 && (
            <ul className="result-list" data-testid="search-results">
              {results.data.items.map((r) => (
                <li key={`${r.docType}-${r.id}`} className="result" data-testid="search-result" data-doc-type={r.docType}>
                  <span className={`type-label type-${r.docType}`}>{typeLabel(r)}</span>
                  <Link to={r.docType === 'case' ? `/cases/${r.id}` : `/entities/${r.id}`} className="result-title">
                    {r.title}
                  </Link>
                  {r.tlp && <TlpBadge tlp={r.tlp} />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};
