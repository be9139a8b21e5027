import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useFormat } from '../format';
import { ADMIN_ROLES, AUDIT_ROLES, CASE_LIST_ROLES, homePath, SEARCH_ROLES } from '../lists';
import { EXCHANGE_READ_ROLES, LEDGER_ROLES } from '../pages/federation/federation-nav';
import { REVIEW_ROLES } from '../pages/review/review-roles';
import { useMe } from '../session';
import { LangSelect } from './lang-select';
import { UserMenu } from './user-menu';

let focusOnFirstPage = false;

/** Asks the shell to focus the first page's heading too (after signing in, not on a fresh page load). */
export const requestHeadingFocus = (): void => {
  focusOnFirstPage = true;
};

/** Moves focus to the new page's heading after a navigation, as a screen reader user expects. */
const useFocusOnNavigation = () => {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (!focusOnFirstPage) return;
      focusOnFirstPage = false;
    }
    // lazy pages render their heading once loaded: look for it for up to two seconds
    let tries = 0;
    const timer = window.setInterval(() => {
      tries += 1;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
      if (heading || tries >= 40) window.clearInterval(timer);
    }, 50);
    return () => window.clearInterval(timer);
  }, [location.pathname]);
};

/** The node's country code (flag emoji do not render everywhere, e.g. on Windows) and its name. */
export const NodeBadge = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  return (
    <span className="node-badge" data-testid="node-badge" data-country={me.node.country} title={t('header.nodeTitle', { country: format.country(me.node.country) })}>
      <span className="visually-hidden">{t('common.labelled', { label: t('header.node') })} </span>
      <span className="node-code">{me.node.country}</span>
      <span>{me.node.name}</span>
      {me.node.demo && <span className="demo-tag">{t('header.demo')}</span>}
    </span>
  );
};

export const AppShell = () => {
  const { t } = useTranslation();
  const me = useMe();
  useFocusOnNavigation();
  const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');

  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-row">
          <NavLinkBrand />
          <NodeBadge />
          <div className="header-tools">
            <LangSelect />
            <UserMenu />
          </div>
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul>
            {CASE_LIST_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/cases" className={navClass} data-testid="nav-cases">
                  {t('nav.cases')}
                </NavLink>
              </li>
            )}
            {SEARCH_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/search" className={navClass} data-testid="nav-search">
                  {t('nav.search')}
                </NavLink>
              </li>
            )}
            {REVIEW_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/review" className={navClass} data-testid="nav-review">
                  {t('nav.review')}
                </NavLink>
              </li>
            )}
            {EXCHANGE_READ_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/exchange" className={navClass} data-testid="nav-federation">
                  {t('nav.federation')}
                </NavLink>
              </li>
            )}
            {AUDIT_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/audit" className={navClass} data-testid="nav-audit">
                  {t('nav.audit')}
                </NavLink>
              </li>
            )}
            {LEDGER_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/exchange/ledger" className={navClass} data-testid="nav-ledger">
                  {t('nav.ledger')}
                </NavLink>
              </li>
            )}
            {ADMIN_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/admin" className={navClass} data-testid="nav-admin">
                  {t('nav.admin')}
                </NavLink>
              </li>
            )}
            {ADMIN_ROLES.includes(me.role) && (
              <li>
                <NavLink to="/exchange/peers" className={navClass} data-testid="nav-peers">
                  {t('nav.peers')}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <AppFooter />
    </>
  );
};

const NavLinkBrand = () => {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <NavLink to={homePath(me.role)} className="brand" aria-label={t('header.home')}>
      <span className="brand-mark" aria-hidden="true">
        ◆
      </span>
      <span className="brand-name">{t('app.title')}</span>
    </NavLink>
  );
};

export const AppFooter = () => {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <p>{t('footer.group')}</p>
      <p>{t('footer.handling')}</p>
    </footer>
  );
};
