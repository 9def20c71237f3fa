import { BadUserInputError } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Keyset cursors: base64url of `{"v":1,"t":<list>,"k":<last key>}`. The list name
 * is checked so that a cursor from one list is not silently used in another.
 */
export function encodeCursor(list: string, key: string): string {
  return Buffer.from(JSON.stringify({ v: 1, t: list, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string | null | undefined, field = 'after'): string | null {
  if (cursor === undefined || cursor === null) return null;
  const invalid = () =>
    new BadUserInputError(`${field} is not a valid cursor for this list. Use an endCursor returned by the same field, or omit ${field} to start from the beginning.`, field);
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const value = parsed as { v?: unknown; t?: unknown; k?: unknown } | null;
  if (!value || value.v !== 1 || value.t !== list || typeof value.k !== 'string' || value.k.length === 0) throw invalid();
  return value.k;
}

/** The page size: default when omitted, BAD_USER_INPUT outside 0..MAX. */
export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`${field} must be from 0 to ${MAX_PAGE_SIZE}; got ${first}. Page through larger lists with after.`, field);
  }
  return first;
}
