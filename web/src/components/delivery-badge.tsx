import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../pages/federation/federation-types';

/** Where a sent item stands: queued, sent, delivered (signed receipt), read (read receipt) or failed. */
export const DeliveryBadge = ({ status }: { status: DeliveryStatus }) => {
  const { t } = useTranslation();
  return (
    <span className={`delivery delivery-${status}`} data-testid="delivery-status" data-status={status}>
      {t(`federation.delivery.${status}`)}
    </span>
  );
};

/** Whether someone here has opened a received item (which sent a read receipt back). */
export const ReadBadge = ({ readAt }: { readAt: string | null }) => {
  const { t } = useTranslation();
  return (
    <span className={`delivery ${readAt ? 'delivery-read' : 'delivery-unread'}`} data-testid="read-status" data-read={readAt ? 'true' : 'false'}>
      {readAt ? t('federation.read') : t('federation.unread')}
    </span>
  );
};
