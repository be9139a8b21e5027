import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../src/server/api-types';

export const StatusBadge = ({ status }: { status: CaseStatus }) => {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-testid="case-status">
      {t(`caseStatus.${status}`)}
    </span>
  );
};
