import { BadUserInputError } from '../errors';

/** A reporting period as users write it: `2022-Q3`, `2022-07` or `2022`. */
export interface Period {
  label: string;
  kind: 'QUARTER' | 'MONTH' | 'YEAR';
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD: the report's as-of date. */
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function monthsPeriod(kind: Period['kind'], label: string, year: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  return { label, kind, start: `${pad(year, 4)}-${pad(firstMonth)}-01`, end: `${pad(year, 4)}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` };
}

function build(kind: Period['kind'], year: number, index: number): Period {
  if (kind === 'QUARTER') return monthsPeriod(kind, `${year}-Q${index}`, year, 3 * (index - 1) + 1, 3);
  if (kind === 'MONTH') return monthsPeriod(kind, `${year}-${pad(index)}`, year, index, 1);
  return monthsPeriod(kind, `${year}`, year, 1, 12);
}

/** Parses a period, or BAD_USER_INPUT naming `field` and showing the accepted forms. */
export function parsePeriod(raw: string, field = 'period'): Period {
  const text = raw.trim();
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  const year = /^(\d{4})$/.exec(text);
  const parsed = quarter
    ? build('QUARTER', Number(quarter[1]), Number(quarter[2]))
    : month
      ? build('MONTH', Number(month[1]), Number(month[2]))
      : year
        ? build('YEAR', Number(year[1]), 1)
        : null;
  if (!parsed || Number(parsed.start.slice(0, 4)) < 1900) {
    throw new BadUserInputError(`${field} must be a quarter (2022-Q3), a month (2022-07) or a year (2022) from 1900 on; got "${text.slice(0, 20)}".`, field);
  }
  return parsed;
}

/** The period `steps` periods before (negative) or after this one, of the same kind. */
export function shiftPeriod(period: Period, steps: number): Period {
  const year = Number(period.start.slice(0, 4));
  if (period.kind === 'YEAR') return build('YEAR', year + steps, 1);
  const perYear = period.kind === 'QUARTER' ? 4 : 12;
  const index = period.kind === 'QUARTER' ? (Number(period.start.slice(5, 7)) - 1) / 3 : Number(period.start.slice(5, 7)) - 1;
  const absolute = year * perYear + index + steps;
  return build(period.kind, Math.floor(absolute / perYear), (absolute % perYear) + 1);
}

export type CompareTo = 'PREVIOUS_PERIOD' | 'SAME_PERIOD_LAST_YEAR';

/** The period the headline figures are compared with. */
export function comparisonPeriod(period: Period, compareTo: CompareTo): Period {
  if (compareTo === 'PREVIOUS_PERIOD') return shiftPeriod(period, -1);
  return shiftPeriod(period, period.kind === 'YEAR' ? -1 : period.kind === 'QUARTER' ? -4 : -12);
}

/** The `count` periods ending with this one, oldest first. */
export function trailingPeriods(period: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, i - count + 1));
}
