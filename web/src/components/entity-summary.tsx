import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityView, SchemaView } from '../../../src/server/api-types';
import { useFormat, type Formatter } from '../format';
import { ENTITY_READ_ROLES } from '../lists';
import { useMe } from '../session';
import type { PropertyView } from './entity-fields';

/** A property value as a person reads it: country names, dates and enum labels localised. */
export const displayValue = (property: PropertyView | undefined, value: string, format: Formatter): string => {
  if (!property) return value;
  if (property.type === 'country') return format.country(value);
  if (property.type === 'date') return format.date(value);
  const option = property.options?.find((o) => o.code === value);
  return option ? format.pick(option.label) || value : value;
};

export const propertyLabel = (schema: SchemaView | undefined, name: string, format: Formatter): string => {
  const property = schema?.properties.find((p) => p.name === name);
  return property ? format.pick(property.label) || name : name;
};

/** Caption, schema and a few properties of an entity, with a link to its page. */
export const EntitySummary = ({ entity, schema, limit = 4 }: { entity: EntityView; schema: SchemaView | undefined; limit?: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const shown = Object.entries(entity.properties)
    .filter(([, values]) => values.length > 0)
    .slice(0, limit);
  return (
    <div className="entity-summary">
      <p className="entity-caption">
        {ENTITY_READ_ROLES.includes(me.role) ? (
          <Link to={`/entities/${entity.id}`} data-testid="entity-link">
            {entity.caption || t('entity.untitled')}
          </Link>
        ) : (
          <span data-testid="entity-caption">{entity.caption || t('entity.untitled')}</span>
        )}{' '}
        <span className="schema-tag">{schema ? format.pick(schema.label) : entity.schema}</span>
        {entity.pseudonymised && (
          <span className="pseudonym-tag" data-testid="pseudonymised">
            {t('subjects.pseudonymised')}
          </span>
        )}
      </p>
      {shown.length > 0 && (
        <dl className="entity-props">
          {shown.map(([name, values]) => {
            const property = schema?.properties.find((p) => p.name === name) as PropertyView | undefined;
            return (
              <div key={name}>
                <dt>{propertyLabel(schema, name, format)}</dt>
                <dd>{values.map((v) => displayValue(property, v, format)).join(' · ')}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
};
