import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe, useSession } from '../session';

/** The user's name, role and agency, with a link to security settings and logout. */
export const UserMenu = () => {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (wrapperRef.current && !wrapperRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const logout = async () => {
    setOpen(false);
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <div className="user-menu" ref={wrapperRef}>
      <button
        type="button"
        ref={buttonRef}
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <span className="user-name">{me.displayName}</span>
        <span className="user-role">{t(`role.${me.role}`)}</span>
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-identity">
          <strong>{me.displayName}</strong>
          <br />
          <span>{me.email}</span>
          <br />
          <span>
            {t(`role.${me.role}`)} · {me.agency.code} — {me.agency.name}
          </span>
        </p>
        <ul>
          <li>
            <Link to="/account" onClick={() => setOpen(false)} data-testid="account-link">
              {t('nav.account')}
            </Link>
          </li>
          <li>
            <button type="button" className="link-button" onClick={logout} data-testid="logout">
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
};
