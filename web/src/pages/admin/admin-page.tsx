import { useTranslation } from 'react-i18next';
import type { AgencyView, ListResult } from '../../../../src/server/api-types';
import { api } from '../../api';
import { usePageTitle } from '../../use-page-title';
import { useResource } from '../../use-resource';
import { AgenciesPanel } from './agencies-panel';
import { UsersPanel } from './users-panel';

export const AdminPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const agencies = useResource((signal) => api.get<ListResult<AgencyView>>('/admin/agencies', { limit: 200 }, signal), []);
  return (
    <section className="page">
      <h1>{t('admin.title')}</h1>
      <UsersPanel agencies={agencies.data?.items ?? []} />
      <AgenciesPanel agencies={agencies} />
    </section>
  );
};
