import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the window title: "<page> · Alianza". */
export const usePageTitle = (title: string | null | undefined): void => {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.title')}` : t('app.title');
  }, [title, t]);
};
