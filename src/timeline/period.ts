import { BadUserInputError } from '../errors';

/** The granularity of a period and of a timeline's points (the TimelineInterval enum). */
export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR';

/** A period as users write it (`2022-Q3`, `2022-07`, `2022`), with its first and last day. */
export interface Period {
  /** The canonical label: `2022-Q3`, `2022-07` or `2022`. */
  label: string;
  kind: PeriodKind;
  /** `YYYY-MM-DD`. */
  first: string;
  last: string;
  /** The same days as yyyymmdd numbers, as the collaboration index holds dates. */
  firstDay: number;
  lastDay: number;
}

export const ACCEPTED_FORMS = 'a quarter `2022-Q3`, a month `2022-07` or a year `2022`';

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of `kind` that begins in this month (month 1–12 must start one). */
function periodOf(kind: PeriodKind, year: number, startMonth: number): Period {
  const months = kind === 'MONTH' ? 1 : kind === 'QUARTER' ? 3 : 12;
  const endMonth = startMonth + months - 1;
  const lastDate = daysInMonth(year, endMonth);
  const label = kind === 'MONTH' ? `${year}-${pad(startMonth)}` : kind === 'QUARTER' ? `${year}-Q${(startMonth + 2) / 3}` : String(year);
  return {
    label,
    kind,
    first: `${year}-${pad(startMonth)}-01`,
    last: `${year}-${pad(endMonth)}-${pad(lastDate)}`,
    firstDay: year * 10000 + startMonth * 100 + 1,
    lastDay: year * 10000 + endMonth * 100 + lastDate,
  };
}

/**
 * Parses a period as users write it; anything else is BAD_USER_INPUT naming the
 * field and the accepted forms. `q3` and surrounding spaces are forgiven.
 */
export function parsePeriod(text: string, field: string): Period {
  const value = text.trim().toUpperCase();
  const bad = (why: string) => new BadUserInputError(`${field} must be ${ACCEPTED_FORMS}; ${why}`, field);
  const match = /^(\d{4})(?:-(?:Q(\d)|(\d{2})))?$/.exec(value);
  if (!match) throw bad(`got "${text.slice(0, 40)}".`);
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) throw bad(`the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}.`);
  if (match[2] !== undefined) {
    const quarter = Number(match[2]);
    if (quarter < 1 || quarter > 4) throw bad(`a year has quarters Q1 to Q4, got Q${quarter}.`);
    return periodOf('QUARTER', year, quarter * 3 - 2);
  }
  if (match[3] !== undefined) {
    const month = Number(match[3]);
    if (month < 1 || month > 12) throw bad(`a month is 01 to 12, got ${match[3]}.`);
    return periodOf('MONTH', year, month);
  }
  return periodOf('YEAR', year, 1);
}

/** `from` and `to` parsed, with `from` not after `to` (BAD_USER_INPUT otherwise). */
export function parseRange(from: string, to: string): { from: Period; to: Period } {
  const range = { from: parsePeriod(from, 'from'), to: parsePeriod(to, 'to') };
  if (range.from.firstDay > range.to.lastDay) {
    throw new BadUserInputError(`from (${range.from.label}, starting ${range.from.first}) is after to (${range.to.label}, ending ${range.to.last}); give the earlier period as from.`, 'from');
  }
  return range;
}

/** The most points one timeline may have: 50 years of months. */
export const MAX_POINTS = 600;

/**
 * The periods of `interval` from the one holding the first day of `from` to the
 * one holding the last day of `to`, in order: a timeline's points.
 */
export function periodsBetween(from: Period, to: Period, interval: PeriodKind): Period[] {
  const months = interval === 'MONTH' ? 1 : interval === 'QUARTER' ? 3 : 12;
  const startOf = (day: number): number => {
    const year = Math.floor(day / 10000);
    const month = Math.floor(day / 100) % 100;
    return year * 12 + Math.floor((month - 1) / months) * months;
  };
  const first = startOf(from.firstDay);
  const last = startOf(to.lastDay);
  const count = (last - first) / months + 1;
  if (count > MAX_POINTS) {
    throw new BadUserInputError(`from ${from.label} to ${to.label} by ${interval} makes ${count} points; at most ${MAX_POINTS}. Choose a coarser interval or a shorter span.`, 'interval');
  }
  const periods: Period[] = [];
  for (let at = first; at <= last; at += months) periods.push(periodOf(interval, Math.floor(at / 12), (at % 12) + 1));
  return periods;
}

/** The day after a yyyymmdd day, as yyyymmdd. */
export function dayAfter(day: number): number {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const date = day % 100;
  if (date < daysInMonth(year, month)) return day + 1;
  return month < 12 ? year * 10000 + (month + 1) * 100 + 1 : (year + 1) * 10000 + 101;
}

/** The day before a yyyymmdd day, as yyyymmdd. */
export function dayBefore(day: number): number {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const date = day % 100;
  if (date > 1) return day - 1;
  return month > 1 ? year * 10000 + (month - 1) * 100 + daysInMonth(year, month - 1) : (year - 1) * 10000 + 1231;
}

/** yyyymmdd → `YYYY-MM-DD`. */
export const dateOfDay = (day: number): string => `${Math.floor(day / 10000)}-${pad(Math.floor(day / 100) % 100)}-${pad(day % 100)}`;
