import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EntityView, ResolutionFieldView, ResolutionPairView, SchemaView } from '../../../../src/server/api-types';
import { api } from '../../api';
import type { PropertyView } from '../../components/entity-fields';
import { displayValue, propertyLabel } from '../../components/entity-summary';
import { ErrorMessage } from '../../components/error-message';
import { useFormat, type Formatter } from '../../format';

/** "jaro_winkler_0.92" -> "jaro_winkler_0_92": i18next reads dots as nesting. */
const levelKey = (level: string): string => level.replace(/[^A-Za-z0-9_]/g, '_');

export const percent = (format: Formatter, p: number): string =>
  new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: p > 0.99 && p < 1 ? 2 : 1 }).format(p);

const bits = (format: Formatter, w: number | null): string => {
  if (w === null) return '—';
  const text = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(Math.abs(w));
  return `${w >= 0 ? '+' : '−'}${text}`;
};

const caption = (t: (k: string) => string, e: EntityView | null, pseudonym: string | null): string => e?.caption || pseudonym || t('review.restrictedRecord');

/** The properties of both records side by side, in the schema's order. */
const Compare = ({ left, right, schema }: { left: EntityView; right: EntityView; schema: SchemaView | undefined }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const order = schema?.properties.map((p) => p.name) ?? [];
  const names = [...new Set([...Object.keys(left.properties), ...Object.keys(right.properties)])]
    .filter((n) => (left.properties[n]?.length ?? 0) + (right.properties[n]?.length ?? 0) > 0)
    .sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  const cell = (e: EntityView, name: string) => {
    const property = schema?.properties.find((p) => p.name === name) as PropertyView | undefined;
    const values = e.properties[name] ?? [];
    return values.length ? values.map((v) => displayValue(property, v, format)).join(' · ') : '—';
  };
  const link = (e: EntityView) => (e.caption ? <Link to={`/entities/${e.id}`}>{e.caption}</Link> : t('entity.untitled'));
  return (
    <div className="table-wrap">
      <table className="data-table review-table" data-testid="review-compare">
        <caption className="visually-hidden">{t('review.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.property')}</th>
            <th scope="col">{link(left)}</th>
            <th scope="col">{link(right)}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((n) => (
            <tr key={n}>
              <th scope="row">{propertyLabel(schema, n, format)}</th>
              <td>{cell(left, n)}</td>
              <td>{cell(right, n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** Field by field: how the two records agree and the weight each agreement adds. */
const Explanation = ({ pair, schema }: { pair: ResolutionPairView; schema: SchemaView | undefined }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = (pair.explanation?.parts ?? []).filter((p) => p.level !== 'null');
  const fieldLabel = (p: ResolutionFieldView) =>
    pair.explanation?.kind === 'exact' ? propertyLabel(schema, p.field, format) : t(`review.field.${p.field}`, { defaultValue: p.field });
  return (
    <div className="table-wrap">
      <table className="data-table review-table" data-testid="review-explanation">
        <caption className="visually-hidden">{t('review.explanationCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.field.heading')}</th>
            <th scope="col">{t('review.agreement')}</th>
            <th scope="col" className="numeric">
              {t('review.weight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.field} data-testid="review-explanation-row" data-field={p.field} data-level={p.level}>
              <th scope="row">{fieldLabel(p)}</th>
              <td>
                {t(`review.level.${levelKey(p.level)}`, { defaultValue: p.level })}
                {p.termFrequencyAdjustment !== 0 && (
                  <span className="hint"> {t(p.termFrequencyAdjustment > 0 ? 'review.rareValue' : 'review.commonValue')}</span>
                )}
              </td>
              <td className={`numeric ${p.weight !== null && p.weight < 0 ? 'review-weight-minus' : 'review-weight-plus'}`}>{bits(format, p.weight)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pair.explanation?.transposedNames && <p className="hint">{t('review.transposed')}</p>}
      <p className="hint">{pair.explanation?.kind === 'exact' ? t('review.exactHint') : t('review.weightHint')}</p>
    </div>
  );
};

interface Props {
  pair: ResolutionPairView;
  schema: SchemaView | undefined;
  onDecided: (pair: ResolutionPairView, what: 'confirmed' | 'rejected' | 'split') => void;
}

/** One candidate pair: the two records, the explanation, and the decision. */
export const PairCard = ({ pair, schema, onDecided }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const leftName = caption(t, pair.left.entity, pair.left.pseudonym);
  const rightName = caption(t, pair.right.entity, pair.right.pseudonym);

  const act = async (path: string, what: 'confirmed' | 'rejected' | 'split') => {
    setBusy(true);
    setError(null);
    try {
      const body = note.trim() ? { note: note.trim() } : {};
      onDecided(await api.post<ResolutionPairView>(path, body), what);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="review-pair" aria-labelledby={headingId} data-testid="review-pair" data-pair-id={pair.id} data-decision={pair.decision} data-status={pair.status}>
      <h2 id={headingId}>{t('review.pairHeading', { left: leftName, right: rightName })}</h2>
      <p className="review-meta">
        <span className="review-probability" data-testid="review-probability">
          {t('review.probability', { value: percent(format, pair.probability) })}
        </span>
        <span className={`review-tag review-tag-${pair.decision}`}>{t(pair.decision === 'match' ? 'review.proposed' : 'review.uncertain')}</span>
        {schema && <span className="schema-tag">{format.pick(schema.label)}</span>}
        {pair.decidedAt && <span>{t(`review.status.${pair.status}`)} · {format.dateTime(pair.decidedAt)}</span>}
      </p>

      {pair.restricted ? (
        <p className="alert alert-info" data-testid="review-restricted">
          {t(pair.restricted === 'victim' ? 'review.restrictedVictim' : 'review.restrictedCase')}
        </p>
      ) : (
        pair.left.entity &&
        pair.right.entity && (
          <div className="review-columns">
            <section aria-label={t('review.recordsHeading')}>
              <h3>{t('review.recordsHeading')}</h3>
              <Compare left={pair.left.entity} right={pair.right.entity} schema={schema} />
            </section>
            <section aria-label={t('review.explanationHeading')}>
              <h3>{t('review.explanationHeading')}</h3>
              <Explanation pair={pair} schema={schema} />
            </section>
          </div>
        )
      )}

      {pair.note && (
        <p data-testid="review-note-text">
          <strong>{t('common.labelled', { label: t('review.note') })}</strong> {pair.note}
        </p>
      )}
      {pair.merge?.conflicts.length ? <p className="hint">{t('review.conflicts', { properties: pair.merge.conflicts.map((c) => propertyLabel(schema, c, format)).join(', ') })}</p> : null}

      <ErrorMessage error={error} />
      {pair.canDecide && pair.status === 'pending' && (
        <div className="review-decide">
          <div className="field">
            <label htmlFor={noteId}>{t('review.noteLabel')}</label>
            <textarea id={noteId} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="review-note" />
          </div>
          <p className="hint">{t('review.confirmHint')}</p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => act(`/resolution/pairs/${pair.id}/confirm`, 'confirmed')} aria-describedby={headingId} data-testid="review-confirm">
              {t('review.confirm')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => act(`/resolution/pairs/${pair.id}/reject`, 'rejected')} aria-describedby={headingId} data-testid="review-reject">
              {t('review.reject')}
            </button>
          </div>
        </div>
      )}
      {pair.canDecide && pair.status === 'confirmed' && pair.merge?.status === 'active' && (
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => act(`/resolution/merges/${pair.merge!.id}/undo`, 'split')} aria-describedby={headingId} data-testid="review-undo">
            {t('review.undo')}
          </button>
        </div>
      )}
    </article>
  );
};
