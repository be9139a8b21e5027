import { describe, expect, it } from 'vitest';
import { compareDates, datePrecision, daysInMonth, normaliseDate } from './date';

describe('normaliseDate', () => {
  it.each([
    ['1994', '1994'],
    ['1994-07', '1994-07'],
    ['1994-07-23', '1994-07-23'],
    ['1994-7-3', '1994-07-03'],
    ['1994/07/23', '1994-07-23'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    [' 2026-06-11T13:00:00-06:00 ', '2026-06-11'],
  ])('accepts %s', (input, out) => {
    expect(normaliseDate(input)).toEqual({ ok: true, value: out });
  });

  it.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13', '2024-00', '2024-01-00', '23/07/1994', '07/23/1994', '94', 'July 1994', '1799', '2200', '2024-1-1-1'])(
    'refuses %s with VALUE_INVALID_DATE',
    (input) => {
      expect(normaliseDate(input)).toMatchObject({ ok: false, code: 'VALUE_INVALID_DATE' });
    },
  );

  it('knows month lengths', () => {
    expect([1, 2, 3, 4].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30]);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('partial date comparison', () => {
  it('orders dates and says when precision leaves it open', () => {
    expect(compareDates('2024-01-05', '2024-02')).toBe(-1);
    expect(compareDates('2025', '2024-12-31')).toBe(1);
    expect(compareDates('2024', '2024-05')).toBeNull();
    expect(compareDates('2024-05-01', '2024-05-01')).toBe(0);
    expect(datePrecision('2024-05')).toBe('month');
  });
});
