/**
 * One value of one feature on its way to the Bloom filter: the missing-value rule, the
 * format checks of the schema, then the normal form that is tokenised (integers without
 * sign or padding noise, dates as YYYYMMDD). Same rules and order as the reference encoder.
 */
import { parsePyFloat, parsePyInt } from './py-numbers';
import { formatCompactDate } from './py-strptime';
import type { EncodedFeature } from './schema-types';
import { canEncode } from './text-encoding';

export interface ValueProblem {
  code: string;
  params: Record<string, string | number>;
}

export type PreparedValue = { ok: true; text: string } | { ok: false; problem: ValueProblem };

const problem = (code: string, params: Record<string, string | number> = {}): PreparedValue => ({ ok: false, problem: { code, params } });

function encodingOf(feature: EncodedFeature) {
  return feature.format.type === 'string' ? feature.format.encoding : 'utf-8';
}

/** Checks the value against the feature's format and returns the text to tokenise. */
export function prepareValue(feature: EncodedFeature, value: string): PreparedValue {
  if (feature.missingValue && value === feature.missingValue.sentinel) {
    // a missing value is neither checked nor normalised
    return { ok: true, text: feature.missingValue.replaceWith };
  }
  const encoding = encodingOf(feature);
  if (!canEncode(value, encoding)) return problem('PPRL_VALUE_ENCODING', { encoding });

  const f = feature.format;
  let text = value;
  switch (f.type) {
    case 'string': {
      if (f.pattern) {
        if (!f.pattern.test(value)) return problem('PPRL_VALUE_PATTERN');
        break;
      }
      const length = [...value].length;
      if (f.minLength !== undefined && length < f.minLength) return problem('PPRL_VALUE_TOO_SHORT', { min: f.minLength });
      if (f.maxLength !== undefined && length > f.maxLength) return problem('PPRL_VALUE_TOO_LONG', { max: f.maxLength });
      if (f.case === 'upper' && value.toUpperCase() !== value) return problem('PPRL_VALUE_CASE', { case: 'upper' });
      if (f.case === 'lower' && value.toLowerCase() !== value) return problem('PPRL_VALUE_CASE', { case: 'lower' });
      break;
    }
    case 'integer': {
      const n = parsePyInt(value);
      if (n === null) return problem('PPRL_VALUE_NOT_INTEGER');
      if (f.minimum !== undefined && n < f.minimum) return problem('PPRL_VALUE_BELOW_MINIMUM', { min: String(f.minimum) });
      if (f.maximum !== undefined && n > f.maximum) return problem('PPRL_VALUE_ABOVE_MAXIMUM', { max: String(f.maximum) });
      text = n.toString();
      break;
    }
    case 'date': {
      const d = f.format.parse(value);
      if (d === null) return problem('PPRL_VALUE_NOT_DATE', { format: f.format.source });
      text = formatCompactDate(d);
      break;
    }
    case 'enum':
      if (!f.values.has(value)) return problem('PPRL_VALUE_NOT_IN_ENUM');
      break;
  }
  if (feature.comparison.type === 'numeric' && text !== '' && parsePyInt(text) === null && parsePyFloat(text) === null) {
    return problem('PPRL_VALUE_NOT_NUMBER');
  }
  return { ok: true, text };
}
