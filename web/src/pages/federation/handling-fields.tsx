import { useTranslation } from 'react-i18next';
import type { Handling, Tlp } from '../../../../src/server/api-types';
import { FieldError } from '../../components/field-error';
import { invalidProps } from '../../field-errors';
import { useFormat } from '../../format';
import { HANDLING_PURPOSES, TLP_LEVELS } from '../../lists';
import { purposeLabel, useCatalogues } from '../../reference';

export const MAX_RETENTION_DAYS = 3650;

interface Props {
  /** id prefix of the inputs: `<prefix>-tlp`, `<prefix>-purpose`, `<prefix>-retention`, `<prefix>-consent-forward` */
  prefix: string;
  value: Handling;
  onChange: (next: Handling) => void;
  /** the labels that may be chosen (a forward: the held one or stricter) */
  labels?: readonly Tlp[];
  /** the purposes that may be chosen (a forward: the held one) */
  purposes?: readonly string[];
  maxRetention?: number;
  /** once an originator required consent to forward, it stays required */
  lockConsent?: boolean;
  errors?: Record<string, string>;
}

/** TLP, purpose, retention and the originator's consent to forward: the handling code an item carries. */
export const HandlingFields = ({ prefix, value, onChange, labels = TLP_LEVELS, purposes, maxRetention = MAX_RETENTION_DAYS, lockConsent, errors = {} }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const reference = useCatalogues().data?.reference;
  const roots = purposes ?? reference?.purposes?.map((p) => p.code) ?? HANDLING_PURPOSES;
  const purposeOptions = roots.includes(value.purpose) ? roots : [value.purpose, ...roots];
  const meaning = reference?.tlp.find((entry) => entry.code === value.tlp);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="field-grid">
      <div className="field">
        <label htmlFor={id('tlp')}>{t('cases.tlp')}</label>
        <select id={id('tlp')} value={value.tlp} onChange={(e) => onChange({ ...value, tlp: e.target.value as Tlp })} data-testid={id('tlp')} aria-describedby={id('tlp-meaning')}>
          {labels.map((tlp) => (
            <option key={tlp} value={tlp}>
              TLP:{tlp}
            </option>
          ))}
        </select>
        <p className="hint" id={id('tlp-meaning')}>
          {meaning ? format.pick(meaning.meaning) : t(`tlp.meaning.${value.tlp}`)}
        </p>
      </div>
      <div className="field">
        <label htmlFor={id('purpose')}>{t('handling.purpose')}</label>
        <select id={id('purpose')} value={value.purpose} onChange={(e) => onChange({ ...value, purpose: e.target.value })} data-testid={id('purpose')}>
          {purposeOptions.map((p) => (
            <option key={p} value={p}>
              {purposeLabel(p, reference, format, t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('retention')}>{t('handling.retentionDays')}</label>
        <input
          id={id('retention')}
          type="number"
          min={1}
          max={maxRetention}
          inputMode="numeric"
          value={Number.isFinite(value.retentionDays) ? value.retentionDays : ''}
          onChange={(e) => onChange({ ...value, retentionDays: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
          data-testid={id('retention')}
          {...invalidProps(id('retention'), errors[id('retention')], id('retention-hint'))}
        />
        <p className="hint" id={id('retention-hint')}>
          {t('federation.retentionHint', { max: format.number(maxRetention) })}
        </p>
        <FieldError id={id('retention')} message={errors[id('retention')]} />
      </div>
      <div className="checkbox-field field-wide">
        <input
          id={id('consent-forward')}
          type="checkbox"
          checked={value.originatorConsentRequiredToForward}
          disabled={lockConsent}
          onChange={(e) => onChange({ ...value, originatorConsentRequiredToForward: e.target.checked })}
          data-testid={id('consent-forward')}
        />
        <label htmlFor={id('consent-forward')}>{t('handling.consentToForward')}</label>
      </div>
    </div>
  );
};

/** The people who may see the item at the recipient node: agency codes, or for TLP:RED named persons. */
export const AudienceField = ({ id, tlp, value, onChange, node, country, error }: { id: string; tlp: Tlp; value: string; onChange: (v: string) => void; node: string; country: string; error?: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const red = tlp === 'RED';
  const where = `${format.country(country)} (${node})`;
  return (
    <div className="field">
      <label htmlFor={id}>{red ? t('federation.audience.persons', { where }) : t('federation.audience.agencies', { where })}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        data-testid={id}
        {...invalidProps(id, error, `${id}-hint`)}
      />
      <p className="hint" id={`${id}-hint`}>
        {red ? t('federation.audience.personsHint') : t('federation.audience.agenciesHint')}
      </p>
      <FieldError id={id} message={error} />
    </div>
  );
};
