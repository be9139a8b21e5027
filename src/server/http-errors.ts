/** Turns anything thrown during a request into `{ error: { code, message, issues } }` in the user's language. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AlianzaError, localise, type Catalogue, type FieldIssue } from '../domain/errors';
import type { Locale } from '../domain/model';
import { StoreError } from '../store/ports';
import { statusFor } from './errors';
import { ALL_CATALOGUES } from './catalogues';
import { issuesFromAjv } from './validation';
import { requestLocale } from './locale';

const catalogues: Catalogue[] = [...ALL_CATALOGUES];

/** Modules register their catalogues once at start-up. */
export function registerCatalogue(c: Catalogue): void {
  if (!catalogues.includes(c)) catalogues.push(c);
}

export function message(code: string, locale: Locale, params?: Record<string, unknown>): string {
  return localise(catalogues, code, locale, params as never);
}

export function errorBody(err: AlianzaError, locale: Locale) {
  return {
    error: {
      code: err.code,
      message: message(err.code, locale, err.params),
      ...(err.issues.length
        ? { issues: err.issues.map((i: FieldIssue) => ({ field: i.field, code: i.code, message: message(i.code, locale, i.params) })) }
        : {}),
    },
  };
}

export function toAlianzaError(error: unknown): AlianzaError | null {
  if (error instanceof AlianzaError) return error;
  if (error instanceof StoreError) {
    if (error.code === 'STORE_NOT_FOUND') return new AlianzaError('NOT_FOUND');
    return new AlianzaError(error.code);
  }
  const fe = error as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
  if (fe && Array.isArray(fe.validation)) {
    return new AlianzaError('VALIDATION_FAILED', {}, issuesFromAjv(fe.validation, fe.validationContext ?? 'body'));
  }
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AlianzaError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AlianzaError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AlianzaError('BAD_JSON');
    case 'FST_ERR_RATE_LIMITED':
      return new AlianzaError('RATE_LIMITED');
  }
  if (error instanceof SyntaxError || (fe?.statusCode === 400 && /JSON/i.test(fe.message))) return new AlianzaError('BAD_JSON');
  if (fe?.statusCode === 429) return new AlianzaError('RATE_LIMITED');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AlianzaError('BAD_REQUEST');
  return null;
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = requestLocale(request);
  const known = toAlianzaError(error);
  if (known) {
    const status = statusFor(known.code);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(errorBody(known, locale));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send(errorBody(new AlianzaError('INTERNAL'), locale));
}
