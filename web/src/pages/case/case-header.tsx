import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStatus } from '../../../../src/server/api-types';
import { ErrorMessage } from '../../components/error-message';
import { StatusBadge } from '../../components/status-badge';
import { TlpBadge } from '../../components/tlp-badge';
import { useFormat } from '../../format';
import { purposeLabel, useCatalogues } from '../../reference';
import type { CaseEditor } from './use-case-editor';

/** Reference, title, status with its allowed next steps, and the handling banner. */
export const CaseHeader = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const [busy, setBusy] = useState<CaseStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reference = catalogues.data?.reference;
  const polaris = reference?.polarisTypes.find((p) => p.code === detail.polarisType);
  const program = reference?.labourPrograms.find((p) => p.code === detail.labourProgram);
  const event = reference?.events.find((e) => e.id === detail.eventId);
  const tlpInfo = reference?.tlp.find((entry) => entry.code === detail.handling.tlp);

  const move = async (status: CaseStatus) => {
    setBusy(status);
    setError(null);
    const outcome = await editor.patch({ status });
    if (!outcome.ok && !outcome.conflict) setError(outcome.error);
    setBusy(null);
  };

  return (
    <header className="case-header">
      <p className="case-reference mono" data-testid="case-reference">
        {detail.reference}
      </p>
      <h1 data-testid="case-heading">{detail.title}</h1>

      <div className={`tlp-banner tlp-banner-${detail.handling.tlp.toLowerCase().replace('+', '-')}`} data-testid="tlp-banner">
        <TlpBadge tlp={detail.handling.tlp} />
        <span className="tlp-banner-meaning">{tlpInfo ? format.pick(tlpInfo.meaning) : t(`tlp.meaning.${detail.handling.tlp}`)}</span>
        <span>
          {t('common.labelled', { label: t('handling.purpose') })} <strong>{purposeLabel(detail.handling.purpose, reference, format, t)}</strong>
        </span>
        <span>
          {t('common.labelled', { label: t('handling.retention') })} <strong>{t('handling.days', { count: detail.handling.retentionDays, formatted: format.number(detail.handling.retentionDays) })}</strong>
        </span>
        {detail.handling.originatorConsentRequiredToForward && <span>{t('handling.consentRequired')}</span>}
      </div>

      <div className="case-status-row">
        <span>
          {t('common.labelled', { label: t('cases.status') })} <StatusBadge status={detail.status} />
        </span>
        {detail.nextStatuses.length > 0 && (
          <div className="status-actions" role="group" aria-label={t('case.changeStatus')}>
            {detail.nextStatuses.map((status) => (
              <button
                key={status}
                type="button"
                className="button button-secondary button-small"
                disabled={busy !== null}
                onClick={() => move(status)}
                data-testid={`status-to-${status}`}
              >
                {busy === status ? t('common.saving') : t('case.moveTo', { status: t(`caseStatus.${status}`) })}
              </button>
            ))}
          </div>
        )}
      </div>
      <ErrorMessage error={error} />

      <dl className="facts">
        <div>
          <dt>{t('cases.type')}</dt>
          <dd>{t(`caseType.${detail.type}`)}</dd>
        </div>
        <div>
          <dt>{t('newCase.polarisType')}</dt>
          <dd>{polaris ? format.pick(polaris.label) : (detail.polarisType ?? t('common.notSpecified'))}</dd>
        </div>
        <div>
          <dt>{t('newCase.jurisdiction')}</dt>
          <dd>{format.country(detail.jurisdiction)}</dd>
        </div>
        <div>
          <dt>{t('cases.agency')}</dt>
          <dd>
            {detail.owningAgency.code} — {detail.owningAgency.name}
          </dd>
        </div>
        {detail.labourProgram && (
          <div>
            <dt>{t('newCase.labourProgram')}</dt>
            <dd>{program ? format.pick(program.label) : detail.labourProgram}</dd>
          </div>
        )}
        {detail.eventId && (
          <div>
            <dt>{t('newCase.event')}</dt>
            <dd>{event ? `${format.date(event.date)} — ${event.label} (${event.city})` : detail.eventId}</dd>
          </div>
        )}
        <div>
          <dt>{t('case.opened')}</dt>
          <dd>{format.dateTime(detail.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('cases.updated')}</dt>
          <dd>{format.dateTime(detail.updatedAt)}</dd>
        </div>
      </dl>
      {detail.narrative && (
        <div className="narrative">
          <h2 className="visually-hidden">{t('newCase.narrative')}</h2>
          <p data-testid="case-narrative-text">{detail.narrative}</p>
        </div>
      )}
    </header>
  );
};
