import type { QueryObserver } from '../db/database';
import { ClientError, ErrorCode } from '../errors';

/** A request read more from the database than one request may. */
export class ResultTooLargeError extends ClientError {
  constructor(maxRows: number) {
    super(
      `This request read more than ${maxRows} records; paginate with first/after or narrow the filter (an area, a date, fewer nested lists).`,
      ErrorCode.RESULT_TOO_LARGE,
      { maxRows },
    );
  }
}

/**
 * Counts what one request reads (records and the items of their list columns,
 * as the database reports after each statement) and stops the request once the
 * sum passes `maxRows`: a small nested query can otherwise fan out to millions
 * of records (a 311-byte depth-4 query once returned 109 MB). Once spent, the
 * budget also refuses every further statement before it is sent.
 */
export function rowBudget(maxRows: number): QueryObserver & { readonly used: number } {
  let used = 0;
  return {
    get used() {
      return used;
    },
    onQuery() {
      if (used > maxRows) throw new ResultTooLargeError(maxRows);
    },
    onRows(_name, count) {
      used += count;
      if (used > maxRows) throw new ResultTooLargeError(maxRows);
    },
  };
}

/** Several observers as one: each sees every statement, in order. */
export function combineObservers(...observers: Array<QueryObserver | undefined>): QueryObserver {
  const present = observers.filter((observer): observer is QueryObserver => observer !== undefined);
  return {
    onQuery(name) {
      for (const observer of present) observer.onQuery(name);
    },
    onRows(name, count) {
      for (const observer of present) observer.onRows?.(name, count);
    },
  };
}
