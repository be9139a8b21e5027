import { useTranslation } from 'react-i18next';
import type { Handling } from '../../../src/server/api-types';
import { useFormat } from '../format';
import { purposeLabel, useCatalogues } from '../reference';
import { TlpBadge } from './tlp-badge';

/** The coloured TLP banner of an exchanged item: label, meaning, purpose, retention, consent to forward, expiry. */
export const HandlingBanner = ({ handling, expiresAt, compact }: { handling: Handling; expiresAt?: string | null; compact?: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const reference = useCatalogues().data?.reference;
  const info = reference?.tlp.find((entry) => entry.code === handling.tlp);
  const tone = handling.tlp.toLowerCase().replace('+', '-');
  return (
    <div className={`tlp-banner tlp-banner-${tone}${compact ? ' tlp-banner-compact' : ''}`} data-testid="tlp-banner" data-tlp={handling.tlp}>
      <TlpBadge tlp={handling.tlp} />
      {!compact && <span className="tlp-banner-meaning">{info ? format.pick(info.meaning) : t(`tlp.meaning.${handling.tlp}`)}</span>}
      <span data-testid="handling-purpose">
        {t('common.labelled', { label: t('handling.purpose') })} <strong>{purposeLabel(handling.purpose, reference, format, t)}</strong>
      </span>
      <span data-testid="handling-retention">
        {t('common.labelled', { label: t('handling.retention') })}{' '}
        <strong>{t('handling.days', { count: handling.retentionDays, formatted: format.number(handling.retentionDays) })}</strong>
      </span>
      {expiresAt && (
        <span>
          {t('common.labelled', { label: t('federation.expires') })} <strong>{format.date(expiresAt)}</strong>
        </span>
      )}
      {/* RED and AMBER+STRICT never leave the recipient node: consent to forward does not apply */}
      {handling.originatorConsentRequiredToForward && handling.tlp !== 'RED' && handling.tlp !== 'AMBER+STRICT' && <span>{t('handling.consentRequired')}</span>}
    </div>
  );
};
