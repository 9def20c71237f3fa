import { BadUserInputError } from '../errors';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns the words a user typed into a Lucene query for a full-text index: every
 * word must match as a prefix. Special characters are escaped, so user text can
 * never change the query's structure.
 */
export function toFulltextQuery(search: string, field = 'filter.search'): string {
  const words = search
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (char) => `\\${char}`).toLowerCase())
    .filter((word) => word.length > 0);
  if (words.length === 0) throw new BadUserInputError(`${field} must contain at least one word.`, field);
  if (words.length > 10) throw new BadUserInputError(`${field} may contain at most 10 words.`, field);
  return words.map((word) => `${word}*`).join(' AND ');
}
