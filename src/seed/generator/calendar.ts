/** The generated city's calendar: dates are held as day numbers from 2010-01-01 (they fit a Uint16Array), and every day's ISO date is formatted once. */

const DAY0 = Date.UTC(2010, 0, 1);
const DAY_MS = 86_400_000;

export function dayOf(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - DAY0) / DAY_MS);
}

/** The last day a tie, an actor or an initiative may start. */
export const LAST_SINCE = dayOf('2025-12-31');
/** The last day the city covers: later ends are left open. */
export const LAST_DAY = dayOf('2026-12-31');
/** `YYYY-MM-DD` of each day number. */
export const DATES: readonly string[] = Array.from({ length: LAST_DAY + 1 }, (_, day) => new Date(DAY0 + day * DAY_MS).toISOString().slice(0, 10));
