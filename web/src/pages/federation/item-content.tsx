import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useCatalogues } from '../../reference';
import type { IdentityBasis, SharedEntity } from './federation-types';

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const asEntities = (v: unknown): SharedEntity[] =>
  Array.isArray(v)
    ? v.filter((e): e is SharedEntity => isBag(e) && typeof e.globalId === 'string' && typeof e.schema === 'string' && isBag(e.properties)).map((e) => ({
        ...e,
        properties: Object.fromEntries(Object.entries(e.properties).map(([k, vals]) => [k, texts(vals)])),
      }))
    : [];

const asBasis = (v: unknown): IdentityBasis | null =>
  isBag(v) && (v.kind === 'consent' || v.kind === 'legal_basis') && typeof v.reference === 'string' && typeof v.recordedAt === 'string' ? { kind: v.kind, reference: v.reference, recordedAt: v.recordedAt } : null;

/** The entities an item carries: only the fields the sender chose, labelled from the schema. */
export const SharedEntities = ({ entities }: { entities: SharedEntity[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogues = useCatalogues();
  if (entities.length === 0) return null;
  return (
    <div className="shared-entities">
      <h4>{t('federation.entities')}</h4>
      <ul className="card-list" data-testid="shared-entities">
        {entities.map((entity) => {
          const schema = catalogues.data?.schema(entity.schema);
          return (
            <li key={entity.globalId} className="card" data-testid="shared-entity" data-schema={entity.schema}>
              <p className="role-tag">{schema ? format.pick(schema.label) : entity.schema}</p>
              <dl className="entity-props">
                {Object.entries(entity.properties).map(([name, values]) => {
                  const property = schema?.properties.find((p) => p.name === name);
                  return (
                    <div key={name}>
                      <dt>{property ? format.pick(property.label) : name}</dt>
                      <dd data-testid={`shared-property-${name}`}>{values.join(' · ')}</dd>
                    </div>
                  );
                })}
              </dl>
              <p className="source mono">{entity.globalId}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
};

/** What an alert, a request or a response says, from its (already checked) payload. */
export const ItemContent = ({ type, payload }: { type: string; payload: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const basis = asBasis(payload.identityBasis);
  const caseReference = text(payload.caseReference);
  return (
    <div className="item-content">
      {caseReference && (
        <p className="hint">
          {t('common.labelled', { label: t('federation.caseReference') })} <span className="mono">{caseReference}</span>
        </p>
      )}
      {type === 'Alert' && <p className="item-text" data-testid="item-summary">{text(payload.summary)}</p>}
      {type === 'RequestForInformation' && (
        <>
          <h4>{t('federation.questions')}</h4>
          <ol className="item-list" data-testid="item-questions">
            {texts(payload.questions).map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </>
      )}
      {type === 'Response' && (
        <>
          <h4>{t('federation.answers')}</h4>
          <ol className="item-list" data-testid="item-answers">
            {texts(payload.answers).map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
          <p className="hint">{payload.final === true ? t('federation.response.final') : t('federation.response.partial')}</p>
        </>
      )}
      <SharedEntities entities={asEntities(payload.entities)} />
      {basis && (
        <p className="alert alert-warning" data-testid="identity-basis">
          {t(basis.kind === 'consent' ? 'federation.basis.consentNote' : 'federation.basis.legalNote', { reference: basis.reference, date: format.date(basis.recordedAt) })}
        </p>
      )}
    </div>
  );
};
