import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, SchemaView } from '../../../../src/server/api-types';
import { api } from '../../api';
import { EntityFields, toProperties, type EntityOption } from '../../components/entity-fields';
import { EntitySummary } from '../../components/entity-summary';
import { ErrorMessage } from '../../components/error-message';
import { fieldErrors, propertyKey } from '../../field-errors';
import { useFormat } from '../../format';
import { useCatalogues } from '../../reference';
import { propertyLabelOf } from './subjects-section';
import type { CaseEditor } from './use-case-editor';

/** Schemata that describe time spans rather than things a case links to. */
const NOT_LINKABLE = new Set(['Interval']);

export const LinkedEntitiesSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const catalogues = useCatalogues();
  return (
    <section className="case-section" aria-labelledby="linked-heading" id="linked">
      <h2 id="linked-heading">{t('linked.title')}</h2>
      <p className="hint">{t('linked.intro')}</p>
      {detail.linkedEntities.length === 0 ? (
        <p className="empty">{t('linked.none')}</p>
      ) : (
        <ul className="card-list" data-testid="linked-list">
          {detail.linkedEntities.map((entity) => (
            <li key={entity.id} className="card" data-testid="linked-row">
              <EntitySummary entity={entity} schema={catalogues.data?.schema(entity.schema)} />
            </li>
          ))}
        </ul>
      )}
      {detail.permissions.manageSubjects && catalogues.data && <LinkEntityForm detail={detail} editor={editor} schemas={catalogues.data.schemas} />}
    </section>
  );
};

const LinkEntityForm = ({ detail, editor, schemas }: { detail: CaseDetail; editor: CaseEditor; schemas: SchemaView[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const things = schemas.filter((s) => !s.edge && !NOT_LINKABLE.has(s.name));
  const edges = schemas.filter((s) => s.edge);
  const [schemaName, setSchemaName] = useState(things.find((s) => s.name === 'Phone')?.name ?? things[0]?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const schema = schemas.find((s) => s.name === schemaName);

  const entityOptions = useMemo<EntityOption[]>(() => {
    const options: EntityOption[] = detail.subjects.map((s) => ({ id: s.entity.id, schema: s.entity.schema, label: `${s.entity.caption} (${t(`subjectRole.${s.role}`)})` }));
    for (const entity of detail.linkedEntities) {
      const entitySchema = schemas.find((s) => s.name === entity.schema);
      if (entitySchema?.edge) continue;
      options.push({ id: entity.id, schema: entity.schema, label: `${entity.caption} (${entitySchema ? format.pick(entitySchema.label) : entity.schema})` });
    }
    return options;
  }, [detail, schemas, format, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    const outcome = await editor.act(() =>
      api.post<CaseDetail>(`/cases/${encodeURIComponent(detail.id)}/entities`, { entity: { schema: schemaName, properties: toProperties(values) } }),
    );
    if (outcome.ok) {
      setValues({});
      setDone(true);
    } else setError(outcome.error);
    setBusy(false);
  };

  return (
    <form noValidate className="subform" onSubmit={submit} aria-labelledby="link-entity-heading">
      <h3 id="link-entity-heading">{t('linked.add')}</h3>
      <div className="field">
        <label htmlFor="link-entity-schema">{t('linked.kind')}</label>
        <select
          id="link-entity-schema"
          value={schemaName}
          onChange={(e) => {
            setSchemaName(e.target.value);
            setValues({});
          }}
          data-testid="link-entity-schema"
        >
          <optgroup label={t('linked.things')}>
            {things.map((s) => (
              <option key={s.name} value={s.name}>
                {format.pick(s.label)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('linked.relationships')}>
            {edges.map((s) => (
              <option key={s.name} value={s.name}>
                {format.pick(s.label)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {schema?.edge && <p className="hint">{t('linked.edgeHint')}</p>}
      {schema && <EntityFields schema={schema} values={values} onChange={setValues} prefix="entity-field" entityOptions={schema.edge ? entityOptions : undefined} errors={fieldErrors(error, propertyKey)} />}
      <ErrorMessage error={error} labelFor={(field) => propertyLabelOf(schema, field, format.pick)} />
      {done && (
        <p className="alert alert-success" role="status">
          {t('linked.added')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="link-entity-submit">
          {busy ? t('common.saving') : t('linked.addButton')}
        </button>
      </div>
    </form>
  );
};
