/** The slider's dates: the last day of each month or quarter, as ISO dates (UTC, no time zone drift). */
import type { Step } from './viewState';

const iso = (date: Date): string => date.toISOString().slice(0, 10);

export function today(): string {
  return iso(new Date());
}

/** Last days of each month (or quarter) from `from` through `to`; `to` itself closes the list when it falls mid-period. */
export function stepDates(from: string, to: string, step: Step): string[] {
  const months = step === 'quarter' ? 3 : 1;
  const start = new Date(`${from}T00:00:00Z`);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  if (step === 'quarter') month -= month % 3;
  const dates: string[] = [];
  for (;;) {
    const last = iso(new Date(Date.UTC(year, month + months, 0)));
    if (last >= to) break;
    dates.push(last);
    month += months;
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
  }
  dates.push(to);
  return dates;
}

/** Index of the step date nearest at or after `date`. */
export function stepIndex(dates: readonly string[], date: string): number {
  const index = dates.findIndex((d) => d >= date);
  return index === -1 ? dates.length - 1 : index;
}

/** How many steps each way the tie layer keeps drawn once the slider rests (tieLines.ts): half a year of months, a year and a half of quarters. */
export const KEPT_STEPS = 6;

/** The span of the slider's steps within `reach` of `date` (taking in `date` itself); null before the slider has its dates. */
export function stepSpan(dates: readonly string[], date: string, reach = KEPT_STEPS): { from: string; to: string } | null {
  if (dates.length === 0) return null;
  const at = stepIndex(dates, date);
  const [first, last] = [dates[Math.max(0, at - reach)], dates[Math.min(dates.length - 1, at + reach)]];
  return { from: first < date ? first : date, to: last > date ? last : date };
}
