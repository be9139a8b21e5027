import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES } from '../i18n';
import { useSession } from '../session';

/** EN / FR / ES: each language named in itself, so anyone can find their own. */
const NATIVE_NAMES = { en: 'English', fr: 'Français', es: 'Español' } as const;

export const LangSelect = () => {
  const { t, i18n } = useTranslation();
  const { setLocale } = useSession();
  const [busy, setBusy] = useState(false);
  const current = i18n.resolvedLanguage ?? 'en';

  const onChange = async (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (!isLocale(next)) return;
    setBusy(true);
    try {
      await setLocale(next);
    } catch {
      // the language still applies here; it is remembered at the next successful change
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lang-select">
      <label htmlFor="lang-select">{t('header.language')}</label>
      <select id="lang-select" value={current} onChange={onChange} disabled={busy} data-testid="lang-select">
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {locale.toUpperCase()} · {NATIVE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
};
