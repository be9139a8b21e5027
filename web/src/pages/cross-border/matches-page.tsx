import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrossBorderCheckView, CrossBorderHitView, DisclosureView, LinkageSecretStatus } from '../../../../src/server/api-types';
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
import { REFRESH_MS } from '../federation/use-exchange-list';
import { crossBorderApi } from './cross-border-api';
import { awaitingAnswers, canRequestMore, CHECK_ROLES, CROSS_BORDER_KINDS, fingerprintGroups, MATCH_ROLES, MIN_SCORES, parseHitFilters, peerOptions, REQUEST_ROLES, SECRET_ROLES } from './cross-border-rules';
import { DisclosureRequestForm } from './disclosure-request-form';
import { DisclosureStatusBadge, Partner, Score } from './parts';

const PAGE = 25;

/** Runs `tick` every few seconds while `active` and the page is visible. */
const usePoll = (active: boolean, tick: () => void) => {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') tick();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, tick]);
};

/** The trilateral linkage secret: its fingerprint to compare with partners, or what to do when it is missing. */
const SecretStatus = ({ secret }: { secret: { data: LinkageSecretStatus | null; error: unknown } }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const s = secret.data;
  return (
    <section className="case-section" aria-labelledby="secret-heading" data-testid="secret-status">
      <h2 id="secret-heading">{t('crossBorder.secret.title')}</h2>
      <ErrorMessage error={secret.error} />
      {!s && !secret.error && <Loading />}
      {s && !s.configured && (
        <div className="alert alert-warning" data-testid="secret-missing">
          <p>{t('crossBorder.secret.missing')}</p>
          <p>
            {t('crossBorder.secret.missingHow')} <code className="mono">alianza pprl secret set</code>
          </p>
        </div>
      )}
      {s && s.configured && (
        <>
          <p data-testid="secret-line">{t('crossBorder.secret.line', { version: String(s.version ?? ''), date: format.dateTime(s.setAt) })}</p>
          <dl className="key-list">
            <div>
              <dt>{t('crossBorder.secret.fingerprint')}</dt>
              <dd>
                <code className="fingerprint" data-testid="secret-fingerprint" data-fingerprint={s.fingerprint ?? ''}>
                  {fingerprintGroups(s.fingerprint ?? '')}
                </code>
              </dd>
            </div>
          </dl>
          <p className="hint">{t('crossBorder.secret.compare')}</p>
          {s.previous.length > 0 && (
            <details>
              <summary>{t('crossBorder.secret.previous', { count: s.previous.length, formatted: format.number(s.previous.length) })}</summary>
              <ul className="bare-list">
                {s.previous.map((p) => (
                  <li key={p.version}>
                    {t('crossBorder.secret.retired', { version: String(p.version), date: format.dateTime(p.retiredAt) })} <code className="mono">{fingerprintGroups(p.fingerprint)}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
};

const CheckStatus = ({ check }: { check: CrossBorderCheckView }) => {
  const { t } = useTranslation();
  const tone = check.status === 'answered' ? 'state-on' : check.status === 'sent' ? 'state-warn' : 'state-off';
  return (
    <div>
      <span className={`state ${tone}`} data-testid="check-status" data-status={check.status}>
        {t(`crossBorder.checkStatus.${check.status}`)}
      </span>
      {check.status !== 'answered' && <p className="hint">{t(`crossBorder.checkStatusHint.${check.status}`)}</p>}
      {check.status === 'sent' && check.parts.total > 1 && (
        <p className="hint" data-testid="check-parts" data-answered={check.parts.answered} data-total={check.parts.total}>
          {t('crossBorder.checkParts', { answered: check.parts.answered, total: check.parts.total })}
        </p>
      )}
    </div>
  );
};

/** Checks this node sent (and answered), with a button to send a new one and the per-partner outcome. */
const ChecksSection = ({
  checks,
  canRun,
  secretMissing,
  onRan,
}: {
  checks: { data: { items: CrossBorderCheckView[]; total: number } | null; error: unknown; loading: boolean; reload: () => void };
  canRun: boolean;
  secretMissing: boolean;
  onRan: () => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<CrossBorderCheckView[] | null>(null);
  const items = checks.data?.items ?? [];
  const waiting = awaitingAnswers(items);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      setSent(await crossBorderApi.runCheck({}));
      onRan();
    } catch (cause) {
      setError(cause);
    }
    setBusy(false);
  };

  return (
    <section className="case-section" aria-labelledby="checks-heading" data-testid="checks-section">
      <h2 id="checks-heading">{t('crossBorder.checks.title')}</h2>
      <p className="hint">{t('crossBorder.checks.intro')}</p>
      {canRun && (
        <div className="xb-run">
          <button type="button" className="button" onClick={run} aria-disabled={busy || secretMissing || undefined} disabled={secretMissing} data-testid="matches-run-check">
            {busy ? t('crossBorder.checks.running') : t('crossBorder.checks.run')}
          </button>
          {secretMissing && <p className="hint">{t('crossBorder.checks.needsSecret')}</p>}
        </div>
      )}
      <div aria-live="polite" data-testid="check-result">
        {sent && (
          <div className="alert alert-success">
            <p>{sent.length === 0 ? t('crossBorder.checks.noPeers') : t('crossBorder.checks.sent', { count: sent.length, formatted: format.number(sent.length) })}</p>
            {sent.length > 0 && (
              <ul className="bare-list">
                {sent.map((first) => items.find((c) => c.queryId === first.queryId && c.direction === 'sent') ?? first).map((c) => (
                  <li key={c.queryId} data-testid="check-result-peer" data-peer={c.peerNode} data-status={c.status}>
                    <Partner node={c.peerNode} country={c.peerCountry} /> — {t(`crossBorder.checkStatus.${c.status}`)} · {t('crossBorder.checks.records', { count: c.records, formatted: format.number(c.records) })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {waiting && (
          <p className="hint" data-testid="checks-waiting">
            {t('crossBorder.checks.waiting')}{' '}
            <button type="button" className="link-button" onClick={checks.reload} data-testid="matches-refresh">
              {t('crossBorder.checks.refresh')}
            </button>
          </p>
        )}
      </div>
      <ErrorMessage error={error ?? checks.error} testId={error ? 'check-error' : undefined} />
      {checks.loading && !checks.data && <Loading />}
      {checks.data && items.length === 0 && <p className="empty">{t('crossBorder.checks.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table responsive-table xb-checks" data-testid="checks-table">
            <caption className="visually-hidden">{t('crossBorder.checks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crossBorder.checks.direction')}</th>
                <th scope="col">{t('crossBorder.partner')}</th>
                <th scope="col">{t('crossBorder.checks.status')}</th>
                <th scope="col" className="numeric">
                  {t('crossBorder.checks.recordsHeader')}
                </th>
                <th scope="col" className="numeric">
                  {t('crossBorder.checks.hitsHeader')}
                </th>
                <th scope="col">{t('crossBorder.checks.when')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={`${c.queryId}-${c.direction}`} data-testid="check-row" data-direction={c.direction} data-status={c.status} data-peer={c.peerNode}>
                  <td data-label={t('crossBorder.checks.direction')}>{t(`crossBorder.checks.dir.${c.direction}`)}</td>
                  <td data-label={t('crossBorder.partner')}>
                    <Partner node={c.peerNode} country={c.peerCountry} />
                  </td>
                  <td data-label={t('crossBorder.checks.status')}>
                    <CheckStatus check={c} />
                  </td>
                  <td data-label={t('crossBorder.checks.recordsHeader')} className="numeric">
                    {format.number(c.records)}
                  </td>
                  <td data-label={t('crossBorder.checks.hitsHeader')} className="numeric" data-testid="check-hits">
                    {format.number(c.hits)}
                  </td>
                  <td data-label={t('crossBorder.checks.when')}>
                    <div>
                      {format.dateTime(c.createdAt)}
                      {c.answeredAt && <p className="hint">{t('crossBorder.checks.answeredAt', { date: format.dateTime(c.answeredAt) })}</p>}
                      {c.requestedBy && <p className="hint">{t('federation.by', { name: c.requestedBy })}</p>}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

const HitDisclosure = ({ hit }: { hit: CrossBorderHitView }) => {
  const { t } = useTranslation();
  const d = hit.disclosure;
  if (!d) return <span className="hint">{t('crossBorder.hits.noDisclosure')}</span>;
  return (
    <span className="xb-hit-disclosure" data-testid="hit-disclosure" data-status={d.status} data-direction={d.direction}>
      <Link to={`/exchange/disclosures/${encodeURIComponent(d.id)}`}>{t(`crossBorder.hits.disclosure.${d.direction}`)}</Link> <DisclosureStatusBadge status={d.status} />{' '}
      <span className="hint">{t(`crossBorder.level.${d.level}`)}</span>
    </span>
  );
};

/** Hits on both sides of every check, best score first, each with the disclosure it led to. */
const HitsSection = ({ checks, generation }: { checks: CrossBorderCheckView[]; generation: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const canRequest = REQUEST_ROLES.includes(me.role);
  const [params, update] = useQueryParams();
  const filters = parseHitFilters(params);
  const [open, setOpen] = useState<string | null>(null);
  const [requested, setRequested] = useState<DisclosureView | null>(null);
  const requestedRef = useRef<HTMLDivElement>(null);
  const hits = useResource(
    (signal) => crossBorderApi.hits({ kind: filters.kind || undefined, peer: filters.peer || undefined, minScore: filters.minScore ? Number(filters.minScore) : undefined, limit: PAGE, offset: filters.offset }, signal),
    [filters.kind, filters.peer, filters.minScore, filters.offset, generation],
  );
  const items = hits.data?.items ?? [];
  const peers = peerOptions(checks, items);
  if (filters.peer && !peers.some((p) => p.node === filters.peer)) peers.push({ node: filters.peer, country: '' });

  useEffect(() => {
    if (requested) requestedRef.current?.focus();
  }, [requested]);

  const sent = (view: DisclosureView) => {
    setOpen(null);
    setRequested(view);
    hits.reload();
  };
  const cancel = (hitId: string) => {
    setOpen(null);
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="disclosure-request-open"][data-hit-id="${CSS.escape(hitId)}"]`)?.focus());
  };
  const columns = 7;

  return (
    <section className="case-section" aria-labelledby="hits-heading" data-testid="hits-section">
      <h2 id="hits-heading">{t('crossBorder.hits.title')}</h2>
      <p className="hint">{t('crossBorder.hits.intro')}</p>
      <form className="filters filters-compact" aria-label={t('crossBorder.hits.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect id="hits-filter-kind" label={t('crossBorder.hits.kind')} value={filters.kind} options={CROSS_BORDER_KINDS.map((k) => ({ value: k, label: t(`crossBorder.kind.${k}`) }))} onChange={(v) => update({ kind: v })} testId="matches-filter-kind" />
        <FilterSelect id="hits-filter-peer" label={t('crossBorder.partner')} value={filters.peer} options={peers.map((p) => ({ value: p.node, label: p.country ? `${format.country(p.country)} (${p.node})` : p.node }))} onChange={(v) => update({ peer: v })} testId="matches-filter-peer" />
        <FilterSelect id="hits-filter-min" label={t('crossBorder.hits.minScore')} value={filters.minScore} options={MIN_SCORES.map((s) => ({ value: String(s), label: t('crossBorder.hits.atLeast', { score: format.number(s) }) }))} onChange={(v) => update({ minScore: v })} testId="matches-filter-min-score" />
      </form>

      {requested && (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={requestedRef} data-testid="disclosure-requested" data-disclosure-id={requested.id}>
          <p>
            {t('crossBorder.request.sent', { country: format.country(requested.peerCountry) })}{' '}
            <Link to={`/exchange/disclosures/${encodeURIComponent(requested.id)}`}>{t('crossBorder.request.follow')}</Link>
          </p>
        </div>
      )}
      <ErrorMessage error={hits.error} />
      {hits.loading && !hits.data && <Loading />}
      {hits.data && (
        <>
          <p className="result-count" aria-live="polite" data-testid="hits-count">
            {t('crossBorder.hits.count', { count: hits.data.total, formatted: format.number(hits.data.total) })}
          </p>
          {items.length === 0 ? (
            <p className="empty">{t('crossBorder.hits.none')}</p>
          ) : (
            <>
              <p className="hint" id="hits-ref-note">
                {t('crossBorder.hits.refNote')}
              </p>
              <div className="table-wrap">
                <table className="data-table responsive-table xb-hits" data-testid="matches-hits-table">
                  <caption className="visually-hidden">{t('crossBorder.hits.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('crossBorder.hits.local')}</th>
                      <th scope="col">{t('crossBorder.partner')}</th>
                      <th scope="col">{t('crossBorder.hits.kind')}</th>
                      <th scope="col">{t('crossBorder.hits.score')}</th>
                      <th scope="col">{t('crossBorder.hits.remoteRef')}</th>
                      <th scope="col">{t('crossBorder.hits.disclosureHeader')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('crossBorder.hits.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((hit) => (
                      <Fragment key={hit.id}>
                        <tr data-testid="matches-hit-row" data-hit-id={hit.id} data-kind={hit.kind} data-score={String(hit.score)} data-band={hit.band} data-peer={hit.peerNode}>
                          <td data-label={t('crossBorder.hits.local')} className="cell-title">
                            <Link to={`/entities/${encodeURIComponent(hit.local.entityId)}`} data-testid="hit-entity-link">
                              {hit.local.caption || t('entity.untitled')}
                            </Link>
                          </td>
                          <td data-label={t('crossBorder.partner')}>
                            <Partner node={hit.peerNode} country={hit.peerCountry} />
                          </td>
                          <td data-label={t('crossBorder.hits.kind')}>{t(`crossBorder.kind.${hit.kind}`)}</td>
                          <td data-label={t('crossBorder.hits.score')}>
                            <Score score={hit.score} band={hit.band} />
                          </td>
                          <td data-label={t('crossBorder.hits.remoteRef')}>
                            <code className="mono xb-ref" aria-describedby="hits-ref-note" data-testid="hit-remote-ref">
                              {hit.remoteRef}
                            </code>
                          </td>
                          <td data-label={t('crossBorder.hits.disclosureHeader')}>
                            <HitDisclosure hit={hit} />
                          </td>
                          <td data-label={t('crossBorder.hits.actions')}>
                            {canRequest && canRequestMore(hit) && (
                              <button
                                type="button"
                                className="button button-secondary button-small"
                                aria-expanded={open === hit.id}
                                aria-controls={open === hit.id ? `disclosure-${hit.id}-row` : undefined}
                                onClick={() => {
                                  setRequested(null);
                                  setOpen(open === hit.id ? null : hit.id);
                                }}
                                data-testid="disclosure-request-open"
                                data-hit-id={hit.id}
                              >
                                {t('crossBorder.request.open')}
                              </button>
                            )}
                          </td>
                        </tr>
                        {open === hit.id && (
                          <tr className="xb-form-row" id={`disclosure-${hit.id}-row`}>
                            <td colSpan={columns}>
                              <DisclosureRequestForm hit={hit} onSent={sent} onCancel={() => cancel(hit.id)} />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <Pagination total={hits.data.total} offset={filters.offset} limit={PAGE} onChange={(o) => update({ offset: o ? String(o) : '' })} label={t('crossBorder.hits.pages')} />
        </>
      )}
    </section>
  );
};

/** Cross-border matching: the linkage secret, the checks sent to partners and their answers, and the hits. */
export const MatchesPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('crossBorder.matches.title'));
  const seesSecret = SECRET_ROLES.includes(me.role);
  const seesMatches = MATCH_ROLES.includes(me.role);
  const secret = useResource((signal) => (seesSecret ? crossBorderApi.secret(signal) : Promise.resolve(null)), [seesSecret]);
  const checks = useResource((signal) => (seesMatches ? crossBorderApi.checks(signal) : Promise.resolve(null)), [seesMatches]);
  const [generation, setGeneration] = useState(0);
  const waiting = awaitingAnswers(checks.data?.items ?? []);
  const wasWaiting = useRef(false);

  const { reload } = checks;
  const refresh = useCallback(() => reload(), [reload]);
  usePoll(waiting, refresh);
  // answers arrived: fetch the hits again
  useEffect(() => {
    if (wasWaiting.current && !waiting) setGeneration((g) => g + 1);
    wasWaiting.current = waiting;
  }, [waiting]);

  return (
    <section className="page" data-testid="matches-page">
      <h1>{t('crossBorder.matches.title')}</h1>
      <FederationNav />
      <p className="hint">{t('crossBorder.matches.intro')}</p>
      {seesSecret && <SecretStatus secret={secret} />}
      {seesMatches && (
        <ChecksSection
          checks={checks}
          canRun={CHECK_ROLES.includes(me.role)}
          secretMissing={secret.data?.configured === false}
          onRan={() => {
            checks.reload();
            setGeneration((g) => g + 1);
          }}
        />
      )}
      {seesMatches && <HitsSection checks={checks.data?.items ?? []} generation={generation} />}
    </section>
  );
};
