import { BadUserInputError } from '../errors';
import { luhnValid } from './luhn';
import { quoteForError } from './quoteForError';

/**
 * Normalises a Swedish organisation number to `NNNNNN-NNNN` or throws.
 * Rules: ten digits (an optional hyphen after the sixth), Luhn check digit, and a
 * third digit of 2 or more, which is what separates an organisation number from a
 * personal identity number (whose third and fourth digits are a month, 01–12).
 */
export function parseOrganisationNumber(value: string, field = 'organisationNumber'): string {
  const match = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  if (!match) {
    throw new BadUserInputError(`${field} must be a Swedish organisation number of the form NNNNNN-NNNN, e.g. 802002-4280; got ${quoteForError(value)}.`, field);
  }
  const digits = match[1] + match[2];
  if (Number(digits[2]) < 2) {
    throw new BadUserInputError(`${field} ${quoteForError(value)} is not an organisation number: its third digit must be 2 or more (it looks like a personal identity number, which Samverkan does not store).`, field);
  }
  if (!luhnValid(digits)) {
    throw new BadUserInputError(`${field} ${quoteForError(value)} has a wrong check digit (Luhn); check the number for typing errors.`, field);
  }
  return `${match[1]}-${match[2]}`;
}
