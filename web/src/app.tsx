import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from '../../src/server/api-types';
import { AppFooter, AppShell } from './components/app-shell';
import { LangSelect } from './components/lang-select';
import { Loading } from './components/loading';
import { ADMIN_ROLES, AUDIT_ROLES, CASE_LIST_ROLES, homePath, SEARCH_ROLES } from './lists';
import { CaseListPage } from './pages/case-list-page';
import { MATCH_ROLES, MATCHES_PAGE_ROLES } from './pages/cross-border/cross-border-rules';
import { EXCHANGE_READ_ROLES, LEDGER_ROLES, LIAISON_ROLES, PEER_ROLES } from './pages/federation/federation-nav';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { REVIEW_ROLES } from './pages/review/review-roles';
import { CataloguesProvider } from './reference';
import { SessionProvider, useSession } from './session';

const CasePage = lazy(() => import('./pages/case-page').then((m) => ({ default: m.CasePage })));
const NewCasePage = lazy(() => import('./pages/new-case-page').then((m) => ({ default: m.NewCasePage })));
const EntityPage = lazy(() => import('./pages/entity-page').then((m) => ({ default: m.EntityPage })));
const SearchPage = lazy(() => import('./pages/search-page').then((m) => ({ default: m.SearchPage })));
const AdminPage = lazy(() => import('./pages/admin/admin-page').then((m) => ({ default: m.AdminPage })));
const AuditPage = lazy(() => import('./pages/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const InboxPage = lazy(() => import('./pages/federation/inbox-page').then((m) => ({ default: m.InboxPage })));
const OutboxPage = lazy(() => import('./pages/federation/outbox-page').then((m) => ({ default: m.OutboxPage })));
const ThreadPage = lazy(() => import('./pages/federation/thread-page').then((m) => ({ default: m.ThreadPage })));
const ComposePage = lazy(() => import('./pages/federation/compose-page').then((m) => ({ default: m.ComposePage })));
const ConsentsPage = lazy(() => import('./pages/federation/consents-page').then((m) => ({ default: m.ConsentsPage })));
const PeersPage = lazy(() => import('./pages/federation/peers-page').then((m) => ({ default: m.PeersPage })));
const LedgerPage = lazy(() => import('./pages/federation/ledger-page').then((m) => ({ default: m.LedgerPage })));
const MatchesPage = lazy(() => import('./pages/cross-border/matches-page').then((m) => ({ default: m.MatchesPage })));
const DisclosuresPage = lazy(() => import('./pages/cross-border/disclosures-page').then((m) => ({ default: m.DisclosuresPage })));
const DisclosurePage = lazy(() => import('./pages/cross-border/disclosure-page').then((m) => ({ default: m.DisclosurePage })));
const AccountPage = lazy(() => import('./pages/account-page').then((m) => ({ default: m.AccountPage })));
const ReviewPage = lazy(() => import('./pages/review/review-page').then((m) => ({ default: m.ReviewPage })));

/** Pages behind login; sends anyone else to /login and back here afterwards. */
const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.totpEnrolmentRequired && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <CataloguesProvider>{children}</CataloguesProvider>;
};

const RequireRole = ({ roles, children }: { roles: readonly Role[]; children: ReactNode }) => {
  const { me } = useSession();
  if (!me || !roles.includes(me.role)) return <NotFoundPage />;
  return <>{children}</>;
};

const PublicLayout = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-row">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>
            <span className="brand-name">{t('app.title')}</span>
          </span>
          <span className="brand-tagline">{t('app.tagline')}</span>
          <div className="header-tools">
            <LangSelect />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main-narrow">
        {children}
      </main>
      <AppFooter />
    </>
  );
};

const LoginRoute = () => {
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  return (
    <PublicLayout>
      <LoginPage />
    </PublicLayout>
  );
};

const Home = () => {
  const { me } = useSession();
  return <Navigate to={me ? homePath(me.role) : '/login'} replace />;
};

const lazyPage = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export const App = () => (
  <SessionProvider>
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        <Route
          element={
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          }
        >
          <Route index element={<Home />} />
          <Route path="cases" element={<RequireRole roles={CASE_LIST_ROLES}><CaseListPage /></RequireRole>} />
          <Route path="cases/new" element={lazyPage(<NewCasePage />)} />
          <Route path="cases/:id" element={lazyPage(<CasePage />)} />
          <Route path="entities/:id" element={lazyPage(<EntityPage />)} />
          <Route path="search" element={<RequireRole roles={SEARCH_ROLES}>{lazyPage(<SearchPage />)}</RequireRole>} />
          <Route path="review" element={<RequireRole roles={REVIEW_ROLES}>{lazyPage(<ReviewPage />)}</RequireRole>} />
          <Route path="account" element={lazyPage(<AccountPage />)} />
          <Route path="admin" element={<RequireRole roles={ADMIN_ROLES}>{lazyPage(<AdminPage />)}</RequireRole>} />
          <Route path="audit" element={<RequireRole roles={AUDIT_ROLES}>{lazyPage(<AuditPage />)}</RequireRole>} />
          <Route path="exchange" element={<RequireRole roles={EXCHANGE_READ_ROLES}>{lazyPage(<InboxPage />)}</RequireRole>} />
          <Route path="exchange/outbox" element={<RequireRole roles={LIAISON_ROLES}>{lazyPage(<OutboxPage />)}</RequireRole>} />
          <Route path="exchange/compose" element={<RequireRole roles={LIAISON_ROLES}>{lazyPage(<ComposePage />)}</RequireRole>} />
          <Route path="exchange/consents" element={<RequireRole roles={LIAISON_ROLES}>{lazyPage(<ConsentsPage />)}</RequireRole>} />
          <Route path="exchange/threads/:id" element={<RequireRole roles={EXCHANGE_READ_ROLES}>{lazyPage(<ThreadPage />)}</RequireRole>} />
          <Route path="exchange/peers" element={<RequireRole roles={PEER_ROLES}>{lazyPage(<PeersPage />)}</RequireRole>} />
          <Route path="exchange/matches" element={<RequireRole roles={MATCHES_PAGE_ROLES}>{lazyPage(<MatchesPage />)}</RequireRole>} />
          <Route path="exchange/disclosures" element={<RequireRole roles={MATCH_ROLES}>{lazyPage(<DisclosuresPage />)}</RequireRole>} />
          <Route path="exchange/disclosures/:id" element={<RequireRole roles={MATCH_ROLES}>{lazyPage(<DisclosurePage />)}</RequireRole>} />
          <Route path="exchange/ledger" element={<RequireRole roles={LEDGER_ROLES}>{lazyPage(<LedgerPage />)}</RequireRole>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  </SessionProvider>
);
