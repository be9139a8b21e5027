import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';

interface Props {
  total: number;
  offset: number;
  limit: number;
  onChange: (offset: number) => void;
  label: string;
}

/** Previous / next over a `{items, total}` list, with "1–25 of 130". */
export const Pagination = ({ total, offset, limit, onChange, label }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (total === 0 || (offset === 0 && total <= limit)) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))} data-testid="page-previous">
        {t('pagination.previous')}
      </button>
      <span aria-live="polite">{t('pagination.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}</span>
      <button type="button" className="button button-secondary" disabled={to >= total} onClick={() => onChange(offset + limit)} data-testid="page-next">
        {t('pagination.next')}
      </button>
    </nav>
  );
};
