/**
 * Who is logged in: the session probe at start, login, logout, the CSRF token and the
 * user's language. Any 401 from the API ends the session in the app and shows the login page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, LoginResult, Me } from '../../src/server/api-types';
import { api, ApiFailure, setCsrfToken, setUnauthorizedHandler } from './api';
import { changeLocale } from './i18n';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';

export interface Session {
  status: SessionStatus;
  me: Me | null;
  totpEnrolmentRequired: boolean;
  /** true when the app was sent back to login by an expired session */
  expired: boolean;
  signIn: (result: LoginResult) => Promise<void>;
  signOut: () => Promise<void>;
  updateMe: (me: Me) => void;
  setLocale: (locale: Locale) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [totpEnrolmentRequired, setTotpEnrolmentRequired] = useState(false);
  const [expired, setExpired] = useState(false);

  const clear = useCallback((wasExpired: boolean) => {
    setCsrfToken(null);
    setMe(null);
    setTotpEnrolmentRequired(false);
    setExpired(wasExpired);
    setStatus('anonymous');
  }, []);

  const signIn = useCallback(async (result: LoginResult) => {
    setCsrfToken(result.csrfToken);
    await changeLocale(result.user.locale);
    setMe(result.user);
    setTotpEnrolmentRequired(result.totpEnrolmentRequired);
    setExpired(false);
    setStatus('authenticated');
  }, []);

  useEffect(() => {
    let active = true;
    api.quiet.get<LoginResult>('/auth/me').then(
      (result) => {
        if (active) void signIn(result);
      },
      () => {
        if (active) clear(false);
      },
    );
    return () => {
      active = false;
    };
  }, [signIn, clear]);

  useEffect(() => {
    setUnauthorizedHandler(() => clear(true));
    return () => setUnauthorizedHandler(null);
  }, [clear]);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } catch (cause) {
      if (!(cause instanceof ApiFailure)) throw cause;
    }
    clear(false);
  }, [clear]);

  const updateMe = useCallback((next: Me) => {
    setMe(next);
    if (next.totpEnabled) setTotpEnrolmentRequired(false);
  }, []);

  const setLocale = useCallback(
    async (locale: Locale) => {
      await changeLocale(locale);
      if (status === 'authenticated') {
        const updated = await api.put<Me>('/auth/me/locale', { locale });
        setMe(updated);
      }
    },
    [status],
  );

  const value = useMemo<Session>(
    () => ({ status, me, totpEnrolmentRequired, expired, signIn, signOut, updateMe, setLocale }),
    [status, me, totpEnrolmentRequired, expired, signIn, signOut, updateMe, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
};

/** The logged-in user; only for pages behind the login guard. */
export const useMe = (): Me => {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
};
