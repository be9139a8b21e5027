import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyView, ListResult } from '../../../../src/server/api-types';
import { api } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { countryOptions } from '../../countries';
import { useFormat } from '../../format';
import { useMe } from '../../session';
import type { Resource } from '../../use-resource';

export const AgenciesPanel = ({ agencies }: { agencies: Resource<ListResult<AgencyView>> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [country, setCountry] = useState(me.node.country);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<AgencyView | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const agency = await api.post<AgencyView>('/admin/agencies', { code: code.trim().toUpperCase(), name: name.trim(), country });
      setCreated(agency);
      setCode('');
      setName('');
      agencies.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="case-section" aria-labelledby="agencies-heading">
      <h2 id="agencies-heading">{t('admin.agencies')}</h2>
      <ErrorMessage error={agencies.error} />
      {agencies.loading && !agencies.data && <Loading />}
      {agencies.data && (
        <div className="table-wrap">
          <table className="data-table" data-testid="agencies-table">
            <caption className="visually-hidden">{t('admin.agencies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.agencyCode')}</th>
                <th scope="col">{t('admin.agencyName')}</th>
                <th scope="col">{t('admin.country')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.data.items.map((a) => (
                <tr key={a.id} data-testid="agency-row">
                  <td className="mono">{a.code}</td>
                  <td>{a.name}</td>
                  <td>{format.country(a.country)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form noValidate className="subform" onSubmit={submit} aria-labelledby="new-agency-heading">
        <h3 id="new-agency-heading">{t('admin.newAgency')}</h3>
        {created && (
          <p className="alert alert-success" role="status">
            {t('admin.agencyCreated', { code: created.code })}
          </p>
        )}
        <div className="field-grid">
          <div className="field">
            <label htmlFor="agency-code">{t('admin.agencyCode')}</label>
            <input id="agency-code" required maxLength={16} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} data-testid="agency-code" />
          </div>
          <div className="field">
            <label htmlFor="agency-name">{t('admin.agencyName')}</label>
            <input id="agency-name" required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} data-testid="agency-name" />
          </div>
          <div className="field">
            <label htmlFor="agency-country">{t('admin.country')}</label>
            <select id="agency-country" value={country} onChange={(e) => setCountry(e.target.value)} data-testid="agency-country">
              {countryOptions(format).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy} data-testid="agency-create">
            {busy ? t('common.saving') : t('admin.createAgency')}
          </button>
        </div>
      </form>
    </section>
  );
};
