import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import type { LoginResult } from '../../../src/server/api-types';
import { api, ApiFailure } from '../api';
import { requestHeadingFocus } from '../components/app-shell';
import { ErrorMessage } from '../components/error-message';
import { useSession } from '../session';
import { usePageTitle } from '../use-page-title';

type Step = 'credentials' | 'totp';

/** Only paths inside the app are followed after login. */
export const safeNext = (next: string | null): string => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/');

export const LoginPage = () => {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('login.title'));

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  useEffect(() => {
    if (step === 'totp') codeRef.current?.focus();
    else emailRef.current?.focus();
  }, [step]);

  if (session.status === 'authenticated') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = step === 'totp' ? { email, password, totp: code.replace(/\s+/g, '') } : { email, password };
      const result = await api.quiet.post<LoginResult>('/auth/login', body);
      requestHeadingFocus();
      await session.signIn(result);
    } catch (cause) {
      if (cause instanceof ApiFailure && cause.code === 'AUTH_TOTP_REQUIRED' && step === 'credentials') {
        setStep('totp');
      } else {
        setError(cause);
        if (step === 'totp') setCode('');
      }
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setStep('credentials');
    setCode('');
    setError(null);
  };

  return (
    <div className="login-card">
      <h1 id="login-heading" tabIndex={-1}>
        {step === 'credentials' ? t('login.title') : t('login.totpTitle')}
      </h1>
      {session.expired && step === 'credentials' && !error && (
        <p className="alert alert-info" role="status">
          {t('login.expired')}
        </p>
      )}
      <ErrorMessage error={error} ref={errorRef} testId="login-error" />
      <form onSubmit={submit} aria-labelledby="login-heading" noValidate>
        {step === 'credentials' ? (
          <>
            <div className="field">
              <label htmlFor="login-email">{t('login.email')}</label>
              <input
                id="login-email"
                ref={emailRef}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="login-email"
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t('login.password')}</label>
              <input
                id="login-password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="login-password"
              />
            </div>
          </>
        ) : (
          <div className="field">
            <p id="totp-help">{t('login.totpHelp')}</p>
            <label htmlFor="totp-code">{t('login.totpCode')}</label>
            <input
              id="totp-code"
              ref={codeRef}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,8}"
              maxLength={8}
              required
              aria-describedby="totp-help"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="totp-code"
            />
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy} data-testid="login-submit">
            {busy ? t('login.signingIn') : step === 'credentials' ? t('login.submit') : t('login.verify')}
          </button>
          {step === 'totp' && (
            <button type="button" className="button button-secondary" onClick={back} data-testid="totp-back">
              {t('common.back')}
            </button>
          )}
        </div>
      </form>
      <p className="fine-print">{t('login.notice')}</p>
    </div>
  );
};
