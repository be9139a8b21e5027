import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, ListResult } from '../../../../src/server/api-types';
import { api } from '../../api';
import { auditActionLabel } from '../../components/audit-action';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { useResource } from '../../use-resource';

const PAGE = 25;

/** Who read or changed this case, and when (the case's own slice of the audit log). */
export const CaseAuditSection = ({ caseId, version }: { caseId: string; version: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const trail = useResource(
    (signal) => api.get<ListResult<AuditEntryView>>(`/cases/${encodeURIComponent(caseId)}/audit`, { limit: PAGE, offset }, signal),
    [caseId, offset, version],
  );

  return (
    <section className="case-section" aria-labelledby="case-audit-heading" id="case-audit">
      <h2 id="case-audit-heading">{t('caseAudit.title')}</h2>
      <p className="hint">{t('caseAudit.intro')}</p>
      <ErrorMessage error={trail.error} />
      {trail.loading && !trail.data && <Loading />}
      {trail.data && trail.data.items.length === 0 && <p className="empty">{t('caseAudit.none')}</p>}
      {trail.data && trail.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table responsive-table" data-testid="case-audit-table">
            <caption className="visually-hidden">{t('caseAudit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.items.map((entry) => (
                <tr key={entry.seq} data-testid="case-audit-row">
                  <td data-label={t('audit.when')}>
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  </td>
                  <td data-label={t('audit.who')}>{entry.actorLabel}</td>
                  <td data-label={t('audit.action')}>{auditActionLabel(t, entry.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trail.data && <Pagination total={trail.data.total} offset={offset} limit={PAGE} onChange={setOffset} label={t('caseAudit.pagination')} />}
      {trail.loading && trail.data && <Loading />}
    </section>
  );
};
