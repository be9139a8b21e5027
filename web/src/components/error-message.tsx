import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiFailure, CLIENT_NETWORK_ERROR } from '../api';

/** The text a person reads for a failed request: the server's localised message when there is one. */
export const errorText = (t: TFunction, error: unknown): string => {
  if (error instanceof ApiFailure) {
    if (error.message) return error.message;
    if (error.code === CLIENT_NETWORK_ERROR) return t('errors.network');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 403) return t('errors.forbidden');
  }
  return t('errors.unexpected');
};

interface Props {
  error: unknown;
  testId?: string;
  /** a person's name for a server field path, when the form knows it */
  labelFor?: (field: string) => string | null;
}

/** An alert with the error and, when the server named fields, each field's problem. */
export const ErrorMessage = forwardRef<HTMLDivElement, Props>(({ error, testId, labelFor }, ref) => {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiFailure ? error.issues : [];
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid={testId ?? 'error-message'}>
      <p>{errorText(t, error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, index) => {
            const label = labelFor?.(issue.field);
            return (
              <li key={`${issue.field}-${index}`}>
                {label ? <strong>{t('common.labelled', { label })} </strong> : null}
                {issue.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});
ErrorMessage.displayName = 'ErrorMessage';
