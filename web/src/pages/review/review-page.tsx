import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ListResult, ResolutionPairStatus, ResolutionPairView, ResolutionRunView } from '../../../../src/server/api-types';
import { api, ApiFailure } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { useCatalogues } from '../../reference';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { PairCard } from './pair-card';
import './review.css';

const LIMIT = 10;
const STATUSES: ResolutionPairStatus[] = ['pending', 'confirmed', 'rejected', 'split'];
const isStatus = (s: string | null): s is ResolutionPairStatus => STATUSES.includes(s as ResolutionPairStatus);

/** The latest run, followed while it waits or runs. */
const useRun = (onDone: () => void) => {
  const [run, setRun] = useState<ResolutionRunView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => {
    const controller = new AbortController();
    api.get<ResolutionRunView>('/resolution/runs/latest', undefined, controller.signal).then(setRun, (cause: unknown) => {
      if (!(cause instanceof ApiFailure && cause.status === 404) && !controller.signal.aborted) setError(cause);
    });
    return () => controller.abort();
  }, []);

  const active = run?.status === 'queued' || run?.status === 'running';
  useEffect(() => {
    if (!run || !active) return;
    const timer = window.setTimeout(() => {
      api.get<ResolutionRunView>(`/resolution/runs/${run.id}`).then(
        (next) => {
          setRun(next);
          if (next.status === 'done' || next.status === 'failed') doneRef.current();
        },
        (cause: unknown) => setError(cause),
      );
    }, 800);
    return () => window.clearTimeout(timer);
  }, [run, active]);

  const start = useCallback(async () => {
    setError(null);
    try {
      setRun(await api.post<ResolutionRunView>('/resolution/runs'));
    } catch (cause) {
      setError(cause);
    }
  }, []);

  return { run, active, error, start };
};

export const ReviewPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const [params, setParams] = useSearchParams();
  const status: ResolutionPairStatus = isStatus(params.get('status')) ? (params.get('status') as ResolutionPairStatus) : 'pending';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [message, setMessage] = useState('');
  usePageTitle(t('review.title'));

  const pairs = useResource((signal) => api.get<ListResult<ResolutionPairView>>('/resolution/pairs', { status, limit: LIMIT, offset }, signal), [status, offset]);
  const { run, active, error: runError, start } = useRun(pairs.reload);

  const go = (next: { status?: ResolutionPairStatus; offset?: number }) => {
    const p = new URLSearchParams();
    const s = next.status ?? status;
    if (s !== 'pending') p.set('status', s);
    if (next.offset) p.set('offset', String(next.offset));
    setParams(p);
  };

  const decided = (pair: ResolutionPairView, what: 'confirmed' | 'rejected' | 'split') => {
    const names = [pair.left.entity?.caption, pair.right.entity?.caption].filter(Boolean).join(' / ');
    setMessage(t(`review.done.${what}`, { names }));
    pairs.reload();
  };

  const runText = (): string => {
    if (!run) return t('review.run.never');
    if (run.status === 'queued' || run.status === 'running') return t(`review.run.${run.status}`);
    if (run.status === 'failed') return t('review.run.failed', { code: run.error ?? '' });
    const s = run.summary;
    return t('review.run.done', {
      when: format.dateTime(run.finishedAt),
      people: format.number(s?.people ?? 0),
      proposed: format.number(s?.proposed ?? 0),
      review: format.number(s?.review ?? 0),
    });
  };

  return (
    <section className="page" data-testid="review-page">
      <h1>{t('review.title')}</h1>
      <p>{t('review.intro')}</p>
      <div className="review-run">
        <button type="button" className="button" onClick={start} disabled={active} data-testid="review-run">
          {t('review.run.button')}
        </button>
        <p className="hint" role="status" data-testid="review-run-status" data-run-status={run?.status ?? 'none'}>
          {runText()}
        </p>
      </div>
      <ErrorMessage error={runError} testId="review-run-error" />

      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('review.filters')}>
        <div className="field">
          <label htmlFor="review-status">{t('review.show')}</label>
          <select id="review-status" value={status} onChange={(e) => go({ status: e.target.value as ResolutionPairStatus, offset: 0 })} data-testid="review-filter-status">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`review.statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <p className="hint">{t('review.logged')}</p>
      {message && (
        <p className="alert alert-success" role="status" data-testid="review-result">
          {message}
        </p>
      )}
      <ErrorMessage error={pairs.error} />
      {pairs.loading && !pairs.data && <Loading />}
      {pairs.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="review-count">
            {t('review.count', { count: pairs.data.total, formatted: format.number(pairs.data.total) })}
          </p>
          {pairs.data.items.length === 0 ? (
            <p className="empty">{t(status === 'pending' ? 'review.emptyPending' : 'review.empty')}</p>
          ) : (
            <ul className="review-pairs">
              {pairs.data.items.map((pair) => (
                <li key={pair.id}>
                  <PairCard pair={pair} schema={catalogues.data?.schema(pair.schema)} onDecided={decided} />
                </li>
              ))}
            </ul>
          )}
          <Pagination total={pairs.data.total} offset={offset} limit={LIMIT} onChange={(o) => go({ offset: o })} label={t('review.pages')} />
        </>
      )}
    </section>
  );
};
