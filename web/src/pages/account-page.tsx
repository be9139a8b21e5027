import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, TotpSetup } from '../../../src/server/api-types';
import { api } from '../api';
import { ErrorMessage } from '../components/error-message';
import { useMe, useSession } from '../session';
import { usePageTitle } from '../use-page-title';

/** The user's profile and two-step sign-in (TOTP) enrolment. */
export const AccountPage = () => {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  usePageTitle(t('account.title'));

  return (
    <section className="page">
      <h1>{t('account.title')}</h1>
      {session.totpEnrolmentRequired && (
        <p className="alert alert-warning" role="alert">
          {t('account.enrolmentRequired')}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{me.displayName}</dd>
        </div>
        <div>
          <dt>{t('login.email')}</dt>
          <dd>{me.email}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`role.${me.role}`)}</dd>
        </div>
        <div>
          <dt>{t('cases.agency')}</dt>
          <dd>
            {me.agency.code} — {me.agency.name}
          </dd>
        </div>
        <div>
          <dt>{t('header.node')}</dt>
          <dd>{me.node.name}</dd>
        </div>
      </dl>
      <section className="case-section" aria-labelledby="totp-heading">
        <h2 id="totp-heading">{t('account.totpTitle')}</h2>
        {me.totpEnabled ? <p data-testid="totp-enabled">{t('account.totpOn')}</p> : <TotpEnrolment onEnabled={session.updateMe} />}
      </section>
    </section>
  );
};

const TotpEnrolment = ({ onEnabled }: { onEnabled: (me: Me) => void }) => {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api.post<TotpSetup>('/auth/totp/setup'));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onEnabled(await api.post<Me>('/auth/totp/enable', { code: code.replace(/\s+/g, '') }));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p>{t('account.totpOff')}</p>
      <ErrorMessage error={error} />
      {!setup ? (
        <button type="button" className="button" onClick={start} disabled={busy} data-testid="totp-setup">
          {t('account.totpStart')}
        </button>
      ) : (
        <form noValidate onSubmit={enable} className="subform">
          <p>{t('account.totpInstructions')}</p>
          <p>
            {t('common.labelled', { label: t('account.totpSecret') })} <code className="secret" data-testid="totp-secret">{setup.secret}</code>
          </p>
          <p className="hint break-all">{setup.otpauthUrl}</p>
          <div className="field">
            <label htmlFor="totp-enable-code">{t('login.totpCode')}</label>
            <input id="totp-enable-code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} data-testid="totp-enable-code" />
          </div>
          <button type="submit" className="button" disabled={busy} data-testid="totp-enable">
            {t('account.totpEnable')}
          </button>
        </form>
      )}
    </div>
  );
};
