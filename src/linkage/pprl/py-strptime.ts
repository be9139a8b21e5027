/**
 * Dates read with a C89 `strptime` format string, as the reference encoder does (Python's
 * `datetime.strptime`, C locale), and written back as `%Y%m%d` for hashing. Only the
 * directives that determine a calendar date (and the time directives that may sit beside
 * them) are supported; any other directive is refused when the schema is read.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface DateFormat {
  /** the format string as given in the schema */
  source: string;
  /** the date, or null when the text does not match the format or names no real day */
  parse(text: string): CalendarDate | null;
}

export class UnsupportedDirectiveError extends Error {
  constructor(readonly directive: string) {
    super(`unsupported strptime directive ${directive}`);
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const alternatives = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');

// Regular expressions of Python's _strptime for each directive.
const DIRECTIVES: Record<string, string> = {
  d: '3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]',
  m: '1[0-2]|0[1-9]|[1-9]',
  Y: '\\d\\d\\d\\d',
  y: '\\d\\d',
  j: '36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]',
  B: alternatives(MONTHS),
  b: alternatives(MONTHS.map((m) => m.slice(0, 3))),
  h: alternatives(MONTHS.map((m) => m.slice(0, 3))),
  A: alternatives(DAYS),
  a: alternatives(DAYS.map((d) => d.slice(0, 3))),
  H: '2[0-3]|[0-1]\\d|\\d',
  I: '1[0-2]|0[1-9]|[1-9]',
  M: '[0-5]\\d|\\d',
  S: '6[0-1]|[0-5]\\d|\\d',
  f: '[0-9]{1,6}',
  p: 'am|pm',
};

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

export function compileDateFormat(format: string): DateFormat {
  const order: string[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%') {
      const d = format[i + 1];
      i++;
      if (d === '%') {
        pattern += '%';
        continue;
      }
      const re = d === undefined ? undefined : DIRECTIVES[d];
      if (re === undefined || d === undefined) throw new UnsupportedDirectiveError(`%${d ?? ''}`);
      order.push(d);
      pattern += `(${re})`;
    } else if (/\s/.test(c)) {
      // Python turns each run of whitespace in the format into \s+
      while (i + 1 < format.length && /\s/.test(format[i + 1]!)) i++;
      pattern += '\\s+';
    } else {
      pattern += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  const regex = new RegExp(`^(?:${pattern})$`, 'i');

  return {
    source: format,
    parse(text: string): CalendarDate | null {
      const m = regex.exec(text);
      if (!m) return null;
      let year = 1900;
      let month = 1;
      let day = 1;
      let julian: number | null = null;
      let monthGiven = false;
      let dayGiven = false;
      for (let k = 0; k < order.length; k++) {
        const d = order[k]!;
        const v = m[k + 1]!;
        switch (d) {
          case 'Y':
            year = Number(v);
            break;
          case 'y': {
            const yy = Number(v);
            year = yy <= 68 ? 2000 + yy : 1900 + yy;
            break;
          }
          case 'm':
            month = Number(v);
            monthGiven = true;
            break;
          case 'B':
            month = MONTHS.indexOf(v.toLowerCase()) + 1;
            monthGiven = true;
            break;
          case 'b':
          case 'h':
            month = MONTHS.findIndex((n) => n.startsWith(v.toLowerCase())) + 1;
            monthGiven = true;
            break;
          case 'd':
            day = Number(v.trim());
            dayGiven = true;
            break;
          case 'j':
            julian = Number(v);
            break;
          default:
            break; // time-of-day and weekday directives do not change the date
        }
      }
      if (year < 1 || year > 9999) return null;
      if (julian !== null && !monthGiven && !dayGiven) {
        if (julian > (isLeap(year) ? 366 : 365)) return null;
        let rest = julian;
        month = 1;
        while (rest > daysInMonth(year, month)) {
          rest -= daysInMonth(year, month);
          month++;
        }
        day = rest;
      }
      if (day > daysInMonth(year, month)) return null;
      return { year, month, day };
    },
  };
}

/**
 * `%Y%m%d` as the reference writes it. Its `%Y` comes from the C library, which does not
 * pad years below 1000; month and day always have two digits.
 */
export function formatCompactDate(d: CalendarDate): string {
  return `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
}
