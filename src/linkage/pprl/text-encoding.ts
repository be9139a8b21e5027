/**
 * Text to bytes the way the reference encoder's codecs do it. Python's "utf-16" and
 * "utf-32" codecs write a byte-order mark and then little-endian code units (on the
 * little-endian machines the reference runs on), so every token hashed in those encodings
 * starts with the mark.
 */
import type { TextEncodingName } from './schema-types';

const utf8 = new TextEncoder();

/** True when the text holds an unpaired surrogate, which no strict codec can write. */
function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

export function canEncode(s: string, encoding: TextEncodingName): boolean {
  if (hasLoneSurrogate(s)) return false;
  // eslint-disable-next-line no-control-regex
  return encoding === 'ascii' ? /^[\x00-\x7f]*$/.test(s) : true;
}

export function encodeText(s: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8.encode(s);
    case 'ascii': {
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
      return out;
    }
    case 'utf-16': {
      const out = new Uint8Array(2 + 2 * s.length);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[2 + 2 * i] = c & 0xff;
        out[3 + 2 * i] = c >> 8;
      }
      return out;
    }
    case 'utf-32': {
      const points = Array.from(s, (ch) => ch.codePointAt(0)!);
      const out = new Uint8Array(4 + 4 * points.length);
      out[0] = 0xff;
      out[1] = 0xfe;
      const view = new DataView(out.buffer);
      points.forEach((p, i) => view.setUint32(4 + 4 * i, p, true));
      return out;
    }
  }
}
