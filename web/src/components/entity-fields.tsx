import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemaView } from '../../../src/server/api-types';
import { countryOptions } from '../countries';
import { invalidProps } from '../field-errors';
import { useFormat } from '../format';
import { FieldError } from './field-error';

/** A schema property as the server describes it. */
export type PropertyView = SchemaView['properties'][number];

/** Properties that hold other entities' ids are set through links, not typed in. */
const FORM_TYPES_SKIPPED = new Set(['entity']);
const SHOWN_FIRST = 8;
export const PARTIAL_DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

export interface EntityOption {
  id: string;
  schema: string;
  label: string;
}

export const formProperties = (schema: SchemaView, withEntities = false): { primary: PropertyView[]; more: PropertyView[] } => {
  const editable = (schema.properties as PropertyView[]).filter((p) => withEntities || !FORM_TYPES_SKIPPED.has(p.type));
  const required = editable.filter((p) => p.required);
  const optional = editable.filter((p) => !p.required);
  const room = Math.max(0, SHOWN_FIRST - required.length);
  return { primary: [...required, ...optional.slice(0, room)], more: optional.slice(room) };
};

/** The entity a form describes: trimmed, empty values left out. */
export const toProperties = (values: Record<string, string>): Record<string, string[]> => {
  const properties: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    const trimmed = value.trim();
    if (trimmed) properties[name] = [trimmed];
  }
  return properties;
};

interface Props {
  schema: SchemaView;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  /** prefix of ids and test ids: "subject-field" gives subject-field-birthDate */
  prefix: string;
  /** for edge schemata: the entities the edge may connect (otherwise entity properties are left out) */
  entityOptions?: EntityOption[];
  /** the server's message per property name */
  errors?: Record<string, string>;
}

/** Input fields generated from an entity schema (GET /api/schema). */
export const EntityFields = ({ schema, values, onChange, prefix, entityOptions, errors = {} }: Props) => {
  const { t } = useTranslation();
  const withEntities = entityOptions !== undefined;
  const { primary, more } = useMemo(() => formProperties(schema, withEntities), [schema, withEntities]);
  const render = (property: PropertyView) => (
    <PropertyInput
      key={property.name}
      property={property}
      value={values[property.name] ?? ''}
      onChange={(value) => onChange({ ...values, [property.name]: value })}
      prefix={prefix}
      entityOptions={entityOptions ?? []}
      error={errors[property.name]}
    />
  );
  const moreHasError = more.some((p) => errors[p.name]);
  return (
    <div className="entity-fields">
      <div className="field-grid">{primary.map(render)}</div>
      {more.length > 0 && (
        <details className="more-fields" open={moreHasError || undefined}>
          <summary>{t('entityForm.moreFields', { count: more.length })}</summary>
          <div className="field-grid">{more.map(render)}</div>
        </details>
      )}
    </div>
  );
};

interface InputProps {
  property: PropertyView;
  value: string;
  onChange: (value: string) => void;
  prefix: string;
  entityOptions: EntityOption[];
  error: string | undefined;
}

const PropertyInput = ({ property, value, onChange, prefix, entityOptions, error }: InputProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const id = `${prefix}-${property.name}`;
  const label = format.pick(property.label) || property.name;
  const hintId = `${id}-hint`;
  const hint = property.type === 'date' ? t('entityForm.dateHint') : property.type === 'phone' ? t('entityForm.phoneHint') : null;
  const common = { id, 'data-testid': id, required: property.required, value, ...invalidProps(id, error, hint ? hintId : undefined) };
  let control;

  if (property.type === 'entity') {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.notSpecified')}</option>
        {entityOptions
          .filter((option) => !property.range || property.range.length === 0 || property.range.includes(option.schema))
          .map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (property.options && property.options.length > 0) {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.notSpecified')}</option>
        {property.options.map((option) => (
          <option key={option.code} value={option.code}>
            {format.pick(option.label) || option.code}
          </option>
        ))}
      </select>
    );
  } else if (property.type === 'country') {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.notSpecified')}</option>
        {countryOptions(format).map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    );
  } else if (property.type === 'text') {
    control = <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
  } else if (property.type === 'date') {
    control = <input {...common} inputMode="numeric" pattern={PARTIAL_DATE} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const type = property.type === 'phone' ? 'tel' : property.type === 'email' ? 'email' : property.type === 'url' ? 'url' : 'text';
    control = <input {...common} type={type} inputMode={property.type === 'money' ? 'decimal' : undefined} onChange={(e) => onChange(e.target.value)} />;
  }

  return (
    <div className={property.type === 'text' ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>
        {label}
        {property.required && <span className="required-mark"> ({t('common.required')})</span>}
      </label>
      {control}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
    </div>
  );
};
