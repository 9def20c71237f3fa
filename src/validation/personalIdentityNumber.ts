import { BadUserInputError } from '../errors';
import { luhnValid } from './luhn';

// Ten or twelve digits, with or without a separator (`-`, `+` or a space) before the last four.
const CANDIDATE = /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;

function isDate(mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer (coordination numbers) add 60 to the day
  if (month < 1 || month > 12 || day < 1) return false;
  // 2000 was a leap year, so 29 February passes whatever the century.
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Finds Swedish personal identity numbers (personnummer) or coordination numbers
 * in free text: with or without century, with or without hyphen, with a valid
 * date and check digit. Returns the first one found, or null.
 */
export function findPersonalIdentityNumber(text: string): string | null {
  for (const match of text.matchAll(CANDIDATE)) {
    const [whole, , yy, mm, dd, last4] = match;
    if (isDate(mm, dd) && luhnValid(yy + mm + dd + last4)) return whole;
  }
  return null;
}

/** Rejects any input text that contains a personal identity number. */
export function rejectPersonalIdentityNumbers(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && findPersonalIdentityNumber(value)) {
      throw new BadUserInputError(
        `${field} contains what looks like a personal identity number. Samverkan never stores personal identity numbers: remove it and use a pseudonymous id or a display name instead.`,
        field,
      );
    }
  }
}
