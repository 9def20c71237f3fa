import type { Figure } from './reportModel';

/**
 * Rounding happens once, here, in the model: every rendering prints exactly the
 * digits the model holds, so the HTML, PDF, XLSX and CSV show identical numbers.
 */
export const DECIMALS = { index: 3, betweenness: 2 } as const;

export function round(value: number | null | undefined, decimals: number = DECIMALS.index): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function figure(value: number | null | undefined, suppressed = false, decimals?: number): Figure {
  const shown = suppressed ? null : decimals === undefined ? (value ?? null) : round(value, decimals);
  return decimals === undefined ? { value: shown, suppressed, issued: null, revised: false } : { value: shown, suppressed, issued: null, revised: false, decimals };
}

/** value − previous, rounded like the figure (integers stay integers). */
export function delta(value: number | null, previous: number | null, decimals?: number): number | null {
  if (value === null || previous === null) return null;
  return decimals === undefined ? value - previous : round(value - previous, decimals);
}
