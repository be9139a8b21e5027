/**
 * Request validation: bodies are checked strictly (no type coercion, unknown fields
 * refused); query strings and path parameters are coerced from text.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldIssue } from '../domain/errors';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** Turns Ajv errors into per-field issues with SCHEMA.* codes. */
export function issuesFromAjv(errors: ErrorObject[], part: string): FieldIssue[] {
  return errors.map((e) => {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') field = [field, String(e.params.missingProperty)].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties') field = [field, String(e.params.additionalProperty)].filter(Boolean).join('.');
    const known = ['required', 'type', 'additionalProperties', 'enum', 'maxLength', 'minLength', 'maxItems', 'minimum', 'maximum', 'format', 'pattern'];
    return {
      field: field || part,
      code: 'SCHEMA.' + (known.includes(e.keyword) ? e.keyword : 'other'),
      params: {
        expected: typeof e.params.type === 'string' ? e.params.type : undefined,
        limit: typeof e.params.limit === 'number' ? e.params.limit : undefined,
        format: typeof e.params.format === 'string' ? e.params.format : undefined,
      },
    };
  });
}
