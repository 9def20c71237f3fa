import type { Principal } from '../../auth/principal';
import { maySeeSmallCitizenCounts } from '../../auth/policy';

/** The method block's account of suppression (the GraphQL `Suppression` type). */
export interface SuppressionBlock {
  applied: boolean;
  k: number;
  rule: string;
}

/** The rule in words, as the method block states it. */
export function suppressionRule(k: number): string {
  return (
    `Counts of citizens (actors of sector CITIZEN) and of ties with a citizen end from 1 to ${k - 1} are withheld (null, suppressed: true) ` +
    `for callers without citizen access (only ADMIN has it); 0 is shown. Figures that would give a withheld count back ` +
    `(totals, possible pairs, densities, shares, indices computed from it) are withheld with it. See docs/analytics.md, “Small-cell suppression”.`
  );
}

/**
 * The small-cell rule for one caller: counts of citizens from 1 to k − 1 are
 * withheld unless the policy lets the caller see them. Built once per request
 * (see `suppressorFor`); every surface that shapes citizen counts for a caller
 * (analytics now, reports and exports later) asks it, so the rule lives here only.
 */
export class Suppressor {
  constructor(
    /** The threshold: counts below it (and above 0) are small. */
    readonly k: number,
    /** False for callers who may see small citizen counts: nothing is withheld from them. */
    readonly active: boolean,
  ) {
    if (!Number.isInteger(k) || k < 1) throw new Error(`suppression k must be a whole number of at least 1, got ${k}`);
  }

  /** Whether this count of citizens must be withheld from the caller. A count of 0 is not small: "none" is safe to show. */
  isSmall(count: number): boolean {
    return this.active && count >= 1 && count < this.k;
  }

  /** A fresh account for one response: it remembers whether anything was withheld. */
  response(): ResponseSuppression {
    return new ResponseSuppression(this);
  }
}

/**
 * The suppression of one response (one analytics field). A response shaped for
 * the caller asks it about each citizen count; the method block then says
 * whether anything was withheld.
 */
export class ResponseSuppression {
  private applied = false;

  constructor(private readonly suppressor: Suppressor) {}

  /** True when the count is small for this caller; the response is then marked as suppressed. */
  withholds(count: number): boolean {
    const small = this.suppressor.isSmall(count);
    if (small) this.applied = true;
    return small;
  }

  /** The value, or null when a count it depends on is withheld. */
  keep<T>(value: T, withheld: boolean): T | null {
    return withheld ? null : value;
  }

  /** The block for the method: call it last, once every value of the response has been shaped. */
  block(): SuppressionBlock {
    return { applied: this.applied, k: this.suppressor.k, rule: suppressionRule(this.suppressor.k) };
  }
}

/** The one place that decides whether small citizen counts are withheld from a caller. */
export function suppressorFor(principal: Principal, k: number): Suppressor {
  return new Suppressor(k, !maySeeSmallCitizenCounts(principal));
}

/** The suppressor of a request: its caller and its threshold (the GraphQL context, or a report's or an export's own). */
export function suppressorOf(request: { principal: Principal; suppressionK: number }): Suppressor {
  return suppressorFor(request.principal, request.suppressionK);
}
