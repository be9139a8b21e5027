import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../../../src/server/api-types';
import { api } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { useFormat } from '../../format';

/** Recomputes the audit log's hash chain on the server and says whether it is intact. */
export const VerifyChain = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<AuditVerifyResult>('/audit/verify'));
      setCheckedAt(new Date().toISOString());
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="verify-panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('audit.verifyTitle')}</h2>
      <p className="hint">{t('audit.verifyIntro')}</p>
      <button type="button" className="button" onClick={verify} disabled={busy} data-testid="verify-chain">
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div aria-live="polite">
        {result && (
          <div className={result.ok ? 'alert alert-success' : 'alert alert-error'} data-testid="verify-result" data-ok={result.ok}>
            <p>
              <strong>{result.ok ? t('audit.chainOk', { count: result.count, formatted: format.number(result.count) }) : t('audit.chainBroken', { seq: result.firstBadSeq ?? '?' })}</strong>
            </p>
            {!result.ok && result.reason && <p>{t('audit.chainReason', { reason: result.reason })}</p>}
            {checkedAt && <p className="hint">{t('audit.checkedAt', { when: format.dateTime(checkedAt) })}</p>}
          </div>
        )}
      </div>
      <ErrorMessage error={error} />
    </section>
  );
};
