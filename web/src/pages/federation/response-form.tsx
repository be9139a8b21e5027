import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handling } from '../../../../src/server/api-types';
import { federationApi } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { FieldError } from '../../components/field-error';
import { invalidProps } from '../../field-errors';
import { audienceFor, rememberAudience, rememberedAudience } from './exchange-rules';
import type { ItemDetail } from './federation-types';
import { AudienceField, HandlingFields } from './handling-fields';

const questionsOf = (payload: Record<string, unknown> | null): string[] =>
  Array.isArray(payload?.questions) ? payload.questions.filter((q): q is string => typeof q === 'string') : [];

/** Answering a request for information received from a partner: one answer per question. */
export const ResponseForm = ({ request, onSent }: { request: ItemDetail; onSent: () => void }) => {
  const { t } = useTranslation();
  const questions = questionsOf(request.payload);
  const node = request.peer.node;
  const [answers, setAnswers] = useState<string[]>(() => questions.map(() => ''));
  const [final, setFinal] = useState(true);
  const [handling, setHandling] = useState<Handling>(() => request.handling ?? { tlp: 'AMBER', purpose: 'investigation', retentionDays: 90, originatorConsentRequiredToForward: true });
  const [audience, setAudience] = useState(() => rememberedAudience(node, request.handling?.tlp ?? 'AMBER'));
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    answers.forEach((a, i) => {
      if (!a.trim()) problems[`response-answer-${i}`] = t('federation.response.answerRequired');
    });
    if (!audienceFor(handling.tlp, audience)[handling.tlp === 'RED' ? 'persons' : 'agencies'].length) problems['response-audience'] = t('federation.audience.required');
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await federationApi.send({ type: 'Response', to: node, inReplyTo: request.id, answers: answers.map((a) => a.trim()), final, handling, audience: audienceFor(handling.tlp, audience) });
      rememberAudience(node, handling.tlp, audience);
      setSent(true);
      setAnswers(questions.map(() => ''));
      onSent();
    } catch (cause) {
      setError(cause);
    }
    setBusy(false);
  };

  return (
    <form noValidate className="subform" onSubmit={submit} aria-labelledby="response-heading" data-testid="response-form">
      <h3 id="response-heading">{t('federation.response.title')}</h3>
      {sent && (
        <p className="alert alert-success" role="status" data-testid="response-sent">
          {t('federation.response.sent')}
        </p>
      )}
      {questions.map((q, i) => (
        <div className="field" key={i}>
          <label htmlFor={`response-answer-${i}`}>{q}</label>
          <textarea
            id={`response-answer-${i}`}
            rows={3}
            value={answers[i] ?? ''}
            onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.target.value : a)))}
            data-testid={`response-answer-${i}`}
            {...invalidProps(`response-answer-${i}`, missing[`response-answer-${i}`])}
          />
          <FieldError id={`response-answer-${i}`} message={missing[`response-answer-${i}`]} />
        </div>
      ))}
      <div className="checkbox-field">
        <input id="response-final" type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} data-testid="response-final" />
        <label htmlFor="response-final">{t('federation.response.finalLabel')}</label>
      </div>
      <fieldset>
        <legend>{t('newCase.handling')}</legend>
        <HandlingFields prefix="response" value={handling} onChange={setHandling} />
        <AudienceField id="response-audience" tlp={handling.tlp} value={audience} onChange={setAudience} node={node} country={request.peer.country ?? ''} error={missing['response-audience']} />
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="response-submit">
          {busy ? t('common.saving') : t('federation.response.submit')}
        </button>
      </div>
    </form>
  );
};
