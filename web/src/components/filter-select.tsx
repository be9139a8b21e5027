import { useTranslation } from 'react-i18next';

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled filter of a list: its first choice, the empty value, means "all". */
export const FilterSelect = ({ id, label, value, options, onChange, testId }: { id: string; label: string; value: string; options: readonly FilterOption[]; onChange: (value: string) => void; testId: string }) => {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};
