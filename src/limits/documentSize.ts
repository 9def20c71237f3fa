import { Lexer, Source, TokenKind, type ASTVisitor, type ValidationContext } from 'graphql';
import { QueryTooComplexError } from './queryTooComplexError';

/** Characters a document may have per allowed token: generous for names and inline strings, far below a 100 KB bomb. */
export const CHARACTERS_PER_TOKEN = 10;

/** Tokens in `body`, counting no further than `max + 1`: cheap however long the body. */
export function countTokens(body: string, max: number): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A syntax error: the parser will report it; the count so far is what was read.
  }
  return count;
}

export function tooManyTokens(maxTokens: number): QueryTooComplexError {
  return new QueryTooComplexError('tokens', maxTokens, `The document has more than ${maxTokens} tokens, the limit. Ask for fewer fields, or split the operation into several requests.`);
}

export function tooManyCharacters(length: number, maxCharacters: number): QueryTooComplexError {
  return new QueryTooComplexError(
    'documentCharacters',
    maxCharacters,
    `The document is ${length} characters long; the limit is ${maxCharacters}. Pass long values as variables, or split the operation.`,
  );
}

/**
 * The document's size and tokens, checked again after parsing: the parser stops
 * early at the token limit when the server passes armor's parseOptions, and
 * this rule holds the limits even where it does not.
 */
export function documentSizeRule(maxTokens: number) {
  const maxCharacters = maxTokens * CHARACTERS_PER_TOKEN;
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const body = document.loc?.source.body;
      if (body === undefined) return;
      if (body.length > maxCharacters) context.reportError(tooManyCharacters(body.length, maxCharacters));
      else if (countTokens(body, maxTokens) > maxTokens) context.reportError(tooManyTokens(maxTokens));
    },
  });
}
