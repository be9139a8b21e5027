import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, SchemaView, SubjectRole } from '../../../../src/server/api-types';
import { api } from '../../api';
import { EntityFields, toProperties } from '../../components/entity-fields';
import { EntitySummary } from '../../components/entity-summary';
import { ErrorMessage } from '../../components/error-message';
import { fieldErrors, propertyKey } from '../../field-errors';
import { useFormat } from '../../format';
import { SUBJECT_ROLES } from '../../lists';
import { useCatalogues } from '../../reference';
import type { CaseEditor } from './use-case-editor';

/** The label of the property a server field path points at ("properties.birthDate[0]" -> "Date of birth"). */
export const propertyLabelOf = (schema: SchemaView | undefined, field: string, pick: (l: SchemaView['label']) => string): string | null => {
  const name = propertyKey(field);
  const property = name ? schema?.properties.find((p) => p.name === name) : undefined;
  return property ? pick(property.label) : null;
};

/** Schemata a case subject can be: people, organisations and, for tips, a bare phone number. */
const SUBJECT_SCHEMAS = ['Person', 'Organization', 'Phone'];

export const SubjectsSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const catalogues = useCatalogues();
  const schemaOf = (name: string) => catalogues.data?.schema(name);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const hasHidden = detail.subjects.some((s) => s.entity.pseudonymised);
  const victims = detail.subjects.some((s) => s.role === 'victim');

  const remove = async (entityId: string, caption: string, role: SubjectRole) => {
    if (!window.confirm(t('common.confirm', { action: t('subjects.removeNamed', { name: caption, role: t(`subjectRole.${role}`) }) }))) return;
    setRemoving(`${entityId}:${role}`);
    setError(null);
    const outcome = await editor.act(() =>
      api.del<CaseDetail>(`/cases/${encodeURIComponent(detail.id)}/subjects/${encodeURIComponent(entityId)}`, { role }),
    );
    if (!outcome.ok) setError(outcome.error);
    setRemoving(null);
  };

  return (
    <section className="case-section" aria-labelledby="subjects-heading" id="subjects">
      <h2 id="subjects-heading">{t('subjects.title')}</h2>
      {hasHidden && (
        <p className="alert alert-info" data-testid="pseudonym-note">
          {t('subjects.pseudonymNote')}
        </p>
      )}
      {victims && !hasHidden && detail.permissions.seeVictimIdentity && <p className="hint">{t('subjects.identityLogged')}</p>}
      <ErrorMessage error={error} />
      {detail.subjects.length === 0 ? (
        <p className="empty">{t('subjects.none')}</p>
      ) : (
        <ul className="card-list" data-testid="subject-list">
          {detail.subjects.map((subject) => (
            <li key={`${subject.entity.id}:${subject.role}`} className="card" data-testid="subject-row" data-role={subject.role}>
              <p className={`role-tag role-${subject.role}`}>{t(`subjectRole.${subject.role}`)}</p>
              <EntitySummary entity={subject.entity} schema={schemaOf(subject.entity.schema)} />
              {detail.permissions.manageSubjects && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={removing !== null}
                  onClick={() => remove(subject.entity.id, subject.entity.caption, subject.role)}
                  data-testid="remove-subject"
                  aria-label={t('subjects.removeNamed', { name: subject.entity.caption, role: t(`subjectRole.${subject.role}`) })}
                >
                  {t('subjects.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {detail.permissions.manageSubjects && catalogues.data && <AddSubjectForm detail={detail} editor={editor} schemas={catalogues.data.schemas} />}
    </section>
  );
};

const AddSubjectForm = ({ detail, editor, schemas }: { detail: CaseDetail; editor: CaseEditor; schemas: SchemaView[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const options = schemas.filter((s) => !s.edge && SUBJECT_SCHEMAS.includes(s.name));
  const [role, setRole] = useState<SubjectRole>('victim');
  const [schemaName, setSchemaName] = useState(options[0]?.name ?? 'Person');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const schema = options.find((s) => s.name === schemaName);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    const outcome = await editor.act(() =>
      api.post<CaseDetail>(`/cases/${encodeURIComponent(detail.id)}/subjects`, { role, entity: { schema: schemaName, properties: toProperties(values) } }),
    );
    if (outcome.ok) {
      setValues({});
      setAdded(t('subjects.added', { role: t(`subjectRole.${role}`) }));
    } else setError(outcome.error);
    setBusy(false);
  };

  return (
    <form noValidate className="subform" onSubmit={submit} aria-labelledby="add-subject-heading">
      <h3 id="add-subject-heading">{t('subjects.add')}</h3>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="add-subject-role">{t('subjects.role')}</label>
          <select id="add-subject-role" value={role} onChange={(e) => setRole(e.target.value as SubjectRole)} data-testid="add-subject-role">
            {SUBJECT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`subjectRole.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="add-subject-schema">{t('subjects.kind')}</label>
          <select
            id="add-subject-schema"
            value={schemaName}
            onChange={(e) => {
              setSchemaName(e.target.value);
              setValues({});
            }}
            data-testid="add-subject-schema"
          >
            {options.map((s) => (
              <option key={s.name} value={s.name}>
                {format.pick(s.label)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {role === 'victim' && <p className="hint">{t('subjects.victimHint')}</p>}
      {schema && <EntityFields schema={schema} values={values} onChange={setValues} prefix="subject-field" errors={fieldErrors(error, propertyKey)} />}
      <ErrorMessage error={error} labelFor={(field) => propertyLabelOf(schema, field, format.pick)} />
      {added && (
        <p className="alert alert-success" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="add-subject-submit">
          {busy ? t('common.saving') : t('subjects.addButton')}
        </button>
      </div>
    </form>
  );
};
