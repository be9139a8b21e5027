import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/server/api-types';
import { useFormat } from '../../format';
import { useCatalogues } from '../../reference';
import type { IdentityBasis, ShareableEntity } from './federation-types';

/** Entity id -> the fields chosen for it; an entity is shared when at least one field is. */
export type FieldChoice = Record<string, string[]>;

export const chosenEntities = (choice: FieldChoice): { id: string; fields: string[] }[] =>
  Object.entries(choice)
    .filter(([, fields]) => fields.length > 0)
    .map(([id, fields]) => ({ id, fields }));

/** Does the choice include a victim's identity field (which needs consent or a legal basis)? */
export const choosesVictimIdentity = (choice: FieldChoice, entities: ShareableEntity[]): boolean =>
  entities.some((e) => (choice[e.id] ?? []).some((name) => e.fields.find((f) => f.name === name)?.victimIdentity));

interface Props {
  entities: ShareableEntity[];
  detail: CaseDetail | null;
  choice: FieldChoice;
  onChange: (choice: FieldChoice) => void;
}

/**
 * Minimisation by hand: for each entity of the case, the fields to share. Nothing is chosen
 * at first; only the chosen fields leave the node. A victim's identity fields are marked.
 */
export const EntityPicker = ({ entities, detail, choice, onChange }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  const captions = new Map<string, string>();
  for (const s of detail?.subjects ?? []) captions.set(s.entity.id, s.entity.caption);
  for (const e of detail?.linkedEntities ?? []) captions.set(e.id, e.caption);

  const toggle = (id: string, name: string, on: boolean) => {
    const current = choice[id] ?? [];
    onChange({ ...choice, [id]: on ? [...current, name] : current.filter((f) => f !== name) });
  };

  if (entities.length === 0) return <p className="empty">{t('federation.compose.noEntities')}</p>;
  return (
    <div className="entity-picker">
      {entities.map((entity) => {
        const schema = catalogues.data?.schema(entity.schema);
        const schemaLabel = schema ? format.pick(schema.label) : entity.schema;
        const caption = captions.get(entity.id);
        const roles = entity.roles.map((r) => t(`subjectRole.${r}`, { defaultValue: r })).join(', ');
        const chosen = choice[entity.id] ?? [];
        return (
          <fieldset key={entity.id} className={`share-entity${chosen.length > 0 ? ' share-entity-chosen' : ''}`} data-testid="share-entity" data-entity-id={entity.id} data-schema={entity.schema}>
            <legend>
              {caption ?? schemaLabel} <span className="schema-tag">{schemaLabel}</span>
              {roles && <span className="schema-tag">{roles}</span>}
              {entity.identifiesVictim && !entity.roles.includes('victim') && <span className="pseudonym-tag">{t('federation.compose.victim')}</span>}
            </legend>
            <div className="share-fields">
              {entity.fields.map((field) => {
                const id = `share-${entity.id}-${field.name}`;
                const property = schema?.properties.find((p) => p.name === field.name);
                return (
                  <div className="checkbox-field" key={field.name}>
                    <input id={id} type="checkbox" checked={chosen.includes(field.name)} onChange={(e) => toggle(entity.id, field.name, e.target.checked)} data-testid={`share-field-${field.name}`} />
                    <label htmlFor={id}>
                      {property ? format.pick(property.label) : field.name}
                      {field.values > 1 && <span className="hint"> ({format.number(field.values)})</span>}
                      {field.victimIdentity && <span className="identity-tag">{t('federation.compose.identityField')}</span>}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
};

/** Where the victim's consent or the legal basis for sharing their identity is recorded. */
export const IdentityBasisFields = ({ value, onChange, errors }: { value: IdentityBasis; onChange: (v: IdentityBasis) => void; errors: Record<string, string> }) => {
  const { t } = useTranslation();
  return (
    <fieldset className="identity-basis" data-testid="identity-basis-fields">
      <legend>{t('federation.basis.title')}</legend>
      <p className="hint">{t('federation.basis.intro')}</p>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="basis-kind">{t('federation.basis.kind')}</label>
          <select id="basis-kind" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as IdentityBasis['kind'] })} data-testid="basis-kind">
            <option value="consent">{t('federation.basis.consent')}</option>
            <option value="legal_basis">{t('federation.basis.legal')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="basis-reference">{t('federation.basis.reference')}</label>
          <input id="basis-reference" value={value.reference} onChange={(e) => onChange({ ...value, reference: e.target.value })} data-testid="basis-reference" aria-invalid={errors['basis-reference'] ? true : undefined} aria-describedby={errors['basis-reference'] ? 'basis-reference-error' : undefined} />
          {errors['basis-reference'] && (
            <p className="field-error" id="basis-reference-error" data-testid="basis-reference-error">
              {errors['basis-reference']}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="basis-date">{t('federation.basis.date')}</label>
          <input id="basis-date" type="date" value={value.recordedAt.slice(0, 10)} onChange={(e) => onChange({ ...value, recordedAt: e.target.value ? `${e.target.value}T00:00:00.000Z` : '' })} data-testid="basis-date" />
        </div>
      </div>
    </fieldset>
  );
};
