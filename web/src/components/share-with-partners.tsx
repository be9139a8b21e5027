import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session';

/** On a case, for liaison officers: send an alert or a request for information about it to partner nodes. */
export const ShareWithPartners = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const me = useMe();
  if (me.role !== 'liaison') return null;
  const to = (type: string) => `/exchange/compose?caseId=${encodeURIComponent(caseId)}&type=${type}`;
  return (
    <section className="case-section share-partners" aria-labelledby="share-partners-heading" id="share-partners">
      <h2 id="share-partners-heading">{t('federation.share.title')}</h2>
      <p className="hint">{t('federation.share.intro')}</p>
      <div className="actions">
        <Link to={to('Alert')} className="button" data-testid="share-alert">
          {t('federation.share.alert')}
        </Link>
        <Link to={to('RequestForInformation')} className="button button-secondary" data-testid="share-rfi">
          {t('federation.share.rfi')}
        </Link>
      </div>
    </section>
  );
};
