import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate } from './date-normalise';

const text = (s: string, o = {}) => parseDate(s, o)?.text ?? null;

describe('dates', () => {
  it('reads ISO, compact and day-first dates to the same value', () => {
    for (const s of ['1971-06-24', '19710624', '24/06/1971', '24-06-1971', '24.06.1971', '1971/6/24', '1971-06-24T10:00:00Z']) {
      expect(text(s), s).toBe('1971-06-24');
    }
  });
  it('reads month-first dates when asked, or when the day cannot be a month', () => {
    expect(text('06/24/1971')).toBe('1971-06-24');
    expect(text('01/02/1990')).toBe('1990-02-01');
    expect(text('01/02/1990', { dayFirst: false })).toBe('1990-01-02');
  });
  it('reads month names in English, French and Spanish', () => {
    expect(text('24 June 1971')).toBe('1971-06-24');
    expect(text('24 de junio de 1971')).toBe('1971-06-24');
    expect(text('le 1er mai 1990')).toBe('1990-05-01');
    expect(text('June 24, 1971')).toBe('1971-06-24');
    expect(text('août 1985')).toBe('1985-08');
  });
  it('keeps partial dates at their precision', () => {
    expect(parseDate('1971')).toMatchObject({ precision: 'year', text: '1971', month: null });
    expect(parseDate('1971-06')).toMatchObject({ precision: 'month', text: '1971-06' });
    expect(parseDate('06/1971')).toMatchObject({ precision: 'month', text: '1971-06' });
  });
  it('reads two-digit years around the pivot', () => {
    expect(text('24/06/71')).toBe('1971-06-24');
    expect(text('24/06/05')).toBe('2005-06-24');
  });
  it('marks impossible dates invalid but keeps their digits', () => {
    const d = parseDate('19391302');
    expect(d?.valid).toBe(false);
    expect(d?.digits).toBe('19391302');
    expect(parseDate('1990-02-30')?.valid).toBe(false);
    expect(parseDate('2000-02-29')?.valid).toBe(true);
  });
  it('gives nothing for text that is not a date', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate('not a date')).toBeNull();
  });
  it('round-trips any valid calendar date written in ISO, compact or day-first form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(text(iso)).toBe(iso);
        expect(text(`${y}${m}${day}`)).toBe(iso);
        expect(text(`${day}/${m}/${y}`)).toBe(iso);
        expect(parseDate(iso)?.valid).toBe(true);
      }),
    );
  });
});
