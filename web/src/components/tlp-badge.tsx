import { useTranslation } from 'react-i18next';
import type { Tlp } from '../../../src/server/api-types';

const tlpClass = (tlp: Tlp): string => `tlp tlp-${tlp.toLowerCase().replace('+', '-')}`;

/** TLP 2.0 label in FIRST's colours on black. */
export const TlpBadge = ({ tlp }: { tlp: Tlp }) => {
  const { t } = useTranslation();
  return (
    <span className={tlpClass(tlp)} title={t(`tlp.meaning.${tlp}`)} data-testid="tlp-badge">
      TLP:{tlp}
    </span>
  );
};
