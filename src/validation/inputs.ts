import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '../errors';
import { quoteForError } from './quoteForError';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** A client-supplied id, checked, or a new one with the given prefix. */
export function idOrGenerate(id: string | null | undefined, prefix: string, field = 'input.id'): string {
  if (id === undefined || id === null) return `${prefix}-${randomUUID()}`;
  if (!ID_PATTERN.test(id)) {
    throw new BadUserInputError(`${field} must be 1–100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit; got ${quoteForError(id)}.`, field);
  }
  return id;
}

/** Trims text and checks its length; null and undefined pass through. */
export function text(value: string | null | undefined, field: string, { min = 1, max = 200 } = {}): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(`${field} must be ${min}–${max} characters long; got ${trimmed.length}.`, field);
  }
  return trimmed;
}

export function requiredText(value: string | null | undefined, field: string, limits?: { min?: number; max?: number }): string {
  if (value === undefined || value === null) throw new BadUserInputError(`${field} is required.`, field);
  return text(value, field, limits) as string;
}

const MAX_WEBSITE_LENGTH = 2000;

/** An http(s) URL, or null/undefined. */
export function website(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (value.length > MAX_WEBSITE_LENGTH) {
    throw new BadUserInputError(`${field} is ${value.length} characters long; a website address may have at most ${MAX_WEBSITE_LENGTH}.`, field);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError(`${field} must be a full http(s) URL such as https://example.org; got ${quoteForError(value)}.`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadUserInputError(`${field} must use http or https; got ${quoteForError(url.protocol)}.`, field);
  }
  return url.toString();
}

/** Today's date, `YYYY-MM-DD`, in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Checks that a period's end is not before its start. */
export function period(since: string, until: string | null | undefined, field: string): void {
  if (until && until < since) {
    throw new BadUserInputError(`${field} (${until}) is before the start (${since}); the last day cannot come before the first.`, field);
  }
}

export function intInRange(value: number | null | undefined, field: string, min: number, max: number): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be a whole number from ${min} to ${max}; got ${value}.`, field);
  }
  return value;
}
