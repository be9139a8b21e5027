import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyView, ListResult, Locale, Role, UserView } from '../../../../src/server/api-types';
import { api } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../format';
import { LOCALES } from '../../i18n';
import { ROLES } from '../../lists';
import { useMe } from '../../session';
import { useResource } from '../../use-resource';

const PAGE = 50;
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

export const UsersPanel = ({ agencies }: { agencies: AgencyView[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [offset, setOffset] = useState(0);
  const users = useResource((signal) => api.get<ListResult<UserView>>('/admin/users', { limit: PAGE, offset }, signal), [offset]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const toggle = async (user: UserView) => {
    setBusyId(user.id);
    setError(null);
    try {
      await api.patch<UserView>(`/admin/users/${encodeURIComponent(user.id)}`, { disabled: !user.disabled });
      users.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="case-section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users')}</h2>
      <ErrorMessage error={users.error ?? error} />
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <div className="table-wrap">
          <table className="data-table responsive-table" data-testid="users-table">
            <caption className="visually-hidden">{t('admin.users')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.name')}</th>
                <th scope="col">{t('login.email')}</th>
                <th scope="col">{t('account.role')}</th>
                <th scope="col">{t('cases.agency')}</th>
                <th scope="col">{t('admin.language')}</th>
                <th scope="col">{t('admin.totp')}</th>
                <th scope="col">{t('admin.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => {
                const locked = u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();
                return (
                  <tr key={u.id} data-testid="user-row" data-email={u.email}>
                    <td data-label={t('account.name')}>{u.displayName}</td>
                    <td data-label={t('login.email')}>{u.email}</td>
                    <td data-label={t('account.role')}>{t(`role.${u.role}`)}</td>
                    <td data-label={t('cases.agency')}>
                      <abbr title={u.agency.name}>{u.agency.code}</abbr>
                    </td>
                    <td data-label={t('admin.language')}>{LANGUAGE_NAMES[u.locale]}</td>
                    <td data-label={t('admin.totp')}>{u.totpEnabled ? t('common.yes') : t('common.no')}</td>
                    <td data-label={t('admin.state')}>
                      {u.disabled ? (
                        <span className="state state-off">{t('admin.disabled')}</span>
                      ) : locked ? (
                        <span className="state state-warn">{t('admin.lockedUntil', { when: format.dateTime(u.lockedUntil) })}</span>
                      ) : (
                        <span className="state state-on">{t('admin.active')}</span>
                      )}
                    </td>
                    <td>
                      {u.id !== me.id && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={busyId !== null}
                          onClick={() => toggle(u)}
                          aria-label={u.disabled ? t('admin.enableNamed', { name: u.displayName }) : t('admin.disableNamed', { name: u.displayName })}
                          data-testid="user-toggle-disabled"
                        >
                          {u.disabled ? t('admin.enable') : t('admin.disable')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {users.data && <Pagination total={users.data.total} offset={offset} limit={PAGE} onChange={setOffset} label={t('admin.usersPagination')} />}
      <NewUserForm agencies={agencies} onCreated={users.reload} />
    </section>
  );
};

const NewUserForm = ({ agencies, onCreated }: { agencies: AgencyView[]; onCreated: () => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('investigator');
  const [agencyId, setAgencyId] = useState('');
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ user: UserView; initialPassword: string } | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const result = await api.post<{ user: UserView; initialPassword: string }>('/admin/users', {
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        agencyId: agencyId || me.agency.id,
        locale,
      });
      setCreated(result);
      setEmail('');
      setDisplayName('');
      onCreated();
      window.setTimeout(() => createdRef.current?.focus(), 0);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="subform" onSubmit={submit} aria-labelledby="new-user-heading">
      <h3 id="new-user-heading">{t('admin.newUser')}</h3>
      {created && (
        <div className="alert alert-success" role="status" tabIndex={-1} ref={createdRef} data-testid="user-created">
          <p>{t('admin.created', { email: created.user.email })}</p>
          <p>
            {t('common.labelled', { label: t('admin.initialPassword') })} <code className="secret" data-testid="initial-password">{created.initialPassword}</code>
          </p>
          <p className="hint">{t('admin.initialPasswordOnce')}</p>
        </div>
      )}
      <div className="field-grid">
        <div className="field">
          <label htmlFor="admin-user-email">{t('login.email')}</label>
          <input id="admin-user-email" type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="admin-user-email" />
        </div>
        <div className="field">
          <label htmlFor="admin-user-name">{t('account.name')}</label>
          <input id="admin-user-name" required autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="admin-user-name" />
        </div>
        <div className="field">
          <label htmlFor="admin-user-role">{t('account.role')}</label>
          <select id="admin-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="admin-user-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-user-agency">{t('cases.agency')}</label>
          <select id="admin-user-agency" value={agencyId || me.agency.id} onChange={(e) => setAgencyId(e.target.value)} data-testid="admin-user-agency">
            {!agencies.some((a) => a.id === me.agency.id) && <option value={me.agency.id}>{me.agency.code} — {me.agency.name}</option>}
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} — {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-user-locale">{t('admin.language')}</label>
          <select id="admin-user-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="admin-user-locale">
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="admin-user-create">
          {busy ? t('common.saving') : t('admin.createUser')}
        </button>
      </div>
    </form>
  );
};
