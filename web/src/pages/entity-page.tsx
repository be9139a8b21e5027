import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EntityDetail, EntityView } from '../../../src/server/api-types';
import { api } from '../api';
import type { PropertyView } from '../components/entity-fields';
import { displayValue, propertyLabel } from '../components/entity-summary';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { useFormat } from '../format';
import { useCatalogues } from '../reference';
import { usePageTitle } from '../use-page-title';
import { CrossBorderToggle } from './cross-border/cross-border-toggle';
import { useResource } from '../use-resource';

export const EntityPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const catalogues = useCatalogues();
  const resource = useResource((signal) => api.get<EntityDetail>(`/entities/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const data = resource.data;
  usePageTitle(data ? data.entity.caption : t('entity.title'));

  if (!data) {
    return (
      <section className="page">
        {resource.loading ? <Loading /> : <h1>{t('entity.title')}</h1>}
        <ErrorMessage error={resource.error} />
      </section>
    );
  }

  const { entity } = data;
  const schema = catalogues.data?.schema(entity.schema);
  const schemaLabel = (e: EntityView) => {
    const s = catalogues.data?.schema(e.schema);
    return s ? format.pick(s.label) : e.schema;
  };
  const properties = Object.entries(entity.properties).filter(([, values]) => values.length > 0);

  return (
    <article className="page" data-testid="entity-page">
      <p className="eyebrow">{schemaLabel(entity)}</p>
      <h1 data-testid="entity-heading">{entity.caption || t('entity.untitled')}</h1>
      {entity.pseudonymised && (
        <p className="alert alert-info" data-testid="pseudonym-note">
          {t('subjects.pseudonymNote')}
        </p>
      )}

      <section className="case-section" aria-labelledby="entity-props-heading">
        <h2 id="entity-props-heading">{t('entity.properties')}</h2>
        {properties.length === 0 ? (
          <p className="empty">{t('entity.noProperties')}</p>
        ) : (
          <dl className="facts facts-wide" data-testid="entity-properties">
            {properties.map(([name, values]) => {
              const property = schema?.properties.find((p) => p.name === name) as PropertyView | undefined;
              return (
                <div key={name}>
                  <dt>{propertyLabel(schema, name, format)}</dt>
                  <dd>
                    {values.map((value, index) => (
                      <span key={index} className="value">
                        {property?.type === 'entity' ? <Link to={`/entities/${encodeURIComponent(value)}`}>{value}</Link> : displayValue(property, value, format)}
                      </span>
                    ))}
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </section>

      <CrossBorderToggle entity={entity} onSaved={resource.replace} />

      <section className="case-section" aria-labelledby="entity-cases-heading">
        <h2 id="entity-cases-heading">{t('entity.cases')}</h2>
        {data.cases.length === 0 ? (
          <p className="empty">{t('entity.noCases')}</p>
        ) : (
          <ul className="plain-list" data-testid="entity-cases">
            {data.cases.map((c) => (
              <li key={`${c.caseId}-${c.role}`}>
                <Link to={`/cases/${c.caseId}`} className="mono">
                  {c.reference}
                </Link>{' '}
                — {c.title} · <span className="role-tag-inline">{c.role === 'linked' ? t('entity.linkedRole') : t(`subjectRole.${c.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="case-section" aria-labelledby="entity-edges-heading">
        <h2 id="entity-edges-heading">{t('entity.edges')}</h2>
        {data.edges.length === 0 ? (
          <p className="empty">{t('entity.noEdges')}</p>
        ) : (
          <ul className="plain-list" data-testid="entity-edges">
            {data.edges.map(({ edge, source, target }) => {
              const edgeSchema = catalogues.data?.schema(edge.schema);
              const verb = edgeSchema?.edge ? format.pick(edgeSchema.edge.label) : schemaLabel(edge);
              const end = (e: EntityView) =>
                e.id === entity.id ? (
                  <strong>{e.caption}</strong>
                ) : (
                  <Link to={`/entities/${e.id}`}>{e.caption || t('entity.untitled')}</Link>
                );
              return (
                <li key={edge.id} data-testid="entity-edge">
                  {end(source)} <span className="edge-verb">{verb}</span> {end(target)}
                  <span className="schema-tag">{schemaLabel(edge)}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
};
