import { BadUserInputError } from '../errors';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Bounds on what a search may ask of Lucene. Past them Lucene itself refuses
 * (a 1,001-character word broke its limits and surfaced as an internal error),
 * so the client is told here, in its own terms, before the database is asked.
 */
export const MAX_SEARCH_CHARACTERS = 200;
export const MAX_SEARCH_WORDS = 10;
export const MAX_SEARCH_WORD_CHARACTERS = 50;

/**
 * Turns the words a user typed into a Lucene query for a full-text index: every
 * word must match as a prefix. Special characters are escaped, so user text can
 * never change the query's structure.
 */
export function toFulltextQuery(search: string, field = 'filter.search'): string {
  const trimmed = search.trim();
  if (trimmed.length > MAX_SEARCH_CHARACTERS) {
    throw new BadUserInputError(`${field} is ${trimmed.length} characters long; a search may have at most ${MAX_SEARCH_CHARACTERS}. Search for fewer, shorter words.`, field);
  }
  const typed = trimmed.split(/\s+/).filter((word) => word.length > 0);
  if (typed.length > MAX_SEARCH_WORDS) throw new BadUserInputError(`${field} may contain at most ${MAX_SEARCH_WORDS} words; it has ${typed.length}.`, field);
  if (typed.some((word) => word.length > MAX_SEARCH_WORD_CHARACTERS)) {
    throw new BadUserInputError(`${field} has a word longer than ${MAX_SEARCH_WORD_CHARACTERS} characters; names are matched by the beginnings of their words, so a shorter prefix finds the same.`, field);
  }
  // A word with no letter or digit matches nothing and can only confuse the index's analyser.
  const words = typed.filter((word) => /[\p{L}\p{N}]/u.test(word)).map((word) => word.replace(LUCENE_SPECIAL, (char) => `\\${char}`).toLowerCase());
  if (words.length === 0) throw new BadUserInputError(`${field} must contain at least one word with a letter or digit.`, field);
  return words.map((word) => `${word}*`).join(' AND ');
}
