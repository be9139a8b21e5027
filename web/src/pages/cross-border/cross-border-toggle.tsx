import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, EntityView } from '../../../../src/server/api-types';
import { ErrorMessage } from '../../components/error-message';
import { useMe } from '../../session';
import { crossBorderApi } from './cross-border-api';
import { ENTITY_WRITE_ROLES, isCrossBorderKind } from './cross-border-rules';

/** The mark as the server reports it. */
const markOf = (entity: EntityView): boolean | null => (typeof entity.crossBorderCheck === 'boolean' ? entity.crossBorderCheck : null);

/**
 * "Check across borders": includes a Person, Phone or Organization in the next cross-border
 * check (only its encoding leaves the node). Shown to those who may edit entities.
 */
export const CrossBorderToggle = ({ entity, onSaved }: { entity: EntityView; onSaved: (detail: EntityDetail) => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const [local, setLocal] = useState<{ id: string; checked: boolean } | null>(null);
  /** the value being saved, shown at once; dropped when the server answers */
  const [pending, setPending] = useState<boolean | null>(null);
  const busy = pending !== null;
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  if (!ENTITY_WRITE_ROLES.includes(me.role) || !isCrossBorderKind(entity.schema) || entity.pseudonymised) return null;
  const checked = pending ?? markOf(entity) ?? (local?.id === entity.id ? local.checked : false);

  const change = async (next: boolean) => {
    setPending(next);
    setError(null);
    setSaved(null);
    try {
      const detail = await crossBorderApi.mark(entity.id, { check: next });
      const confirmed = markOf(detail.entity) ?? next;
      setLocal({ id: entity.id, checked: confirmed });
      setSaved(confirmed);
      onSaved(detail);
    } catch (cause) {
      setError(cause);
    }
    setPending(null);
  };

  return (
    <section className="case-section" aria-labelledby="entity-cross-border-heading" data-testid="entity-cross-border">
      <h2 id="entity-cross-border-heading">{t('crossBorder.mark.title')}</h2>
      <div className="checkbox-switch">
        <input
          type="checkbox"
          id="entity-cross-border"
          checked={checked}
          aria-busy={busy || undefined}
          onChange={(e) => {
            if (!busy) void change(e.target.checked);
          }}
          aria-describedby="entity-cross-border-hint"
          data-testid="entity-cross-border-toggle"
        />
        <label htmlFor="entity-cross-border">{t('crossBorder.mark.label')}</label>
        <p className="hint" id="entity-cross-border-hint">
          {t('crossBorder.mark.hint')}
        </p>
      </div>
      <p role="status" className="hint" data-testid="entity-cross-border-status">
        {saved === null ? '' : t(saved ? 'crossBorder.mark.on' : 'crossBorder.mark.off')}
      </p>
      <ErrorMessage error={error} />
    </section>
  );
};
