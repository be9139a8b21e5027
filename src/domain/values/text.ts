/** Free-text value types: short strings, long texts and postal addresses. */
import { charLength, cleanLine, cleanText } from './clean';
import { bad, ok, type Normalised } from './types';

export const STRING_MAX = 500;
export const TEXT_MAX = 20_000;
export const ADDRESS_MAX = 500;

function limited(value: string, max: number): Normalised {
  if (value === '') return bad('VALUE_EMPTY');
  if (charLength(value) > max) return bad('VALUE_TOO_LONG', { max });
  return ok(value);
}

export const normaliseString = (input: string): Normalised => limited(cleanLine(input), STRING_MAX);

export const normaliseText = (input: string): Normalised => limited(cleanText(input), TEXT_MAX);

/**
 * An address stays free text (formats differ too much between the three countries to
 * parse reliably), written on one line: line breaks become commas, spacing around
 * punctuation is tidied, semicolons become commas and repeated commas collapse.
 */
export function normaliseAddress(input: string): Normalised {
  const oneLine = cleanText(input)
    .split('\n')
    .filter((l) => l !== '')
    .join(', ');
  const tidy = cleanLine(
    oneLine
      .replace(/;/g, ',')
      .replace(/\s+,/g, ',')
      .replace(/,(?=[^\s\d,])/g, ', ')
      .replace(/,(\s*,)+/g, ','),
  )
    .replace(/^[,\s]+|[,\s]+$/g, '')
    .trim();
  return limited(tidy, ADDRESS_MAX);
}
