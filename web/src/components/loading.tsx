import { useTranslation } from 'react-i18next';

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
};
