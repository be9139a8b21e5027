import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from '../../../../src/server/api-types';
import { useMe } from '../../session';
import { MATCH_ROLES, MATCHES_PAGE_ROLES } from '../cross-border/cross-border-rules';

/*
 * Who sees which exchange page. These mirror src/domain/policy.ts only to hide links a
 * person could not use; the server decides.
 */
/** federation.share: send, forward, answer, decide consent. */
export const LIAISON_ROLES: readonly Role[] = ['liaison'];
/** federation.share or entity.read: read received items (each within its TLP audience). */
export const EXCHANGE_READ_ROLES: readonly Role[] = ['liaison', 'investigator', 'analyst', 'inspector', 'caseworker', 'prosecutor'];
/** The peers page: administrators manage, liaison officers read. */
export const PEER_ROLES: readonly Role[] = ['admin', 'liaison'];
/** The ledger of every item sent and received. */
export const LEDGER_ROLES: readonly Role[] = ['auditor'];

/** Tabs between the exchange pages this person may use. */
export const FederationNav = () => {
  const { t } = useTranslation();
  const me = useMe();
  const liaison = LIAISON_ROLES.includes(me.role);
  const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');
  const tabs = [
    { to: '/exchange', end: true, label: t('federation.inbox.title'), id: 'inbox', show: EXCHANGE_READ_ROLES.includes(me.role) },
    { to: '/exchange/outbox', label: t('federation.outbox.title'), id: 'outbox', show: liaison },
    { to: '/exchange/consents', label: t('federation.consents.title'), id: 'consents', show: liaison },
    { to: '/exchange/matches', label: t('crossBorder.matches.tab'), id: 'matches', show: MATCHES_PAGE_ROLES.includes(me.role) },
    { to: '/exchange/disclosures', label: t('crossBorder.disclosures.tab'), id: 'disclosures', show: MATCH_ROLES.includes(me.role) },
    { to: '/exchange/peers', label: t('federation.peers.title'), id: 'peers', show: PEER_ROLES.includes(me.role) },
  ].filter((tab) => tab.show);
  if (tabs.length < 2) return null;
  return (
    <nav className="tabs" aria-label={t('federation.nav')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.id}>
            <NavLink to={tab.to} end={tab.end} className={tabClass} data-testid={`tab-${tab.id}`}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
};
