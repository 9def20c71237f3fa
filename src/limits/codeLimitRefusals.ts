import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import { QueryTooComplexError } from './queryTooComplexError';
import { countTokens, tooManyCharacters, tooManyTokens } from './documentSize';

// graphql-js phrases its suggestions several ways: `Did you mean "x"?`, `Did you mean the enum value "X"?`.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The error a limit rule reported, beneath Apollo's ValidationError wrapper. */
function limitRefusal(error: GraphQLError): QueryTooComplexError | null {
  return error.originalError instanceof QueryTooComplexError ? error.originalError : null;
}

/**
 * Apollo gives every validation error GRAPHQL_VALIDATION_FAILED and every parse
 * error GRAPHQL_PARSE_FAILED; this puts QUERY_TOO_COMPLEX back on the refusals
 * of the limits (the parser's token limit included, recognised by counting the
 * source's tokens, not by reading its message), and drops graphql-js's
 * suggestions, which would tell a caller the schema that introspection hides.
 */
export function codeLimitRefusals(maxTokens: number, maxCharacters: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, source }) {
          for (const error of errors) {
            const extensions = error.extensions as Record<string, unknown>;
            let refusal = limitRefusal(error);
            if (!refusal && extensions.code === 'GRAPHQL_PARSE_FAILED' && source !== undefined) {
              if (source.length > maxCharacters) refusal = tooManyCharacters(source.length, maxCharacters);
              else if (countTokens(source, maxTokens) > maxTokens) refusal = tooManyTokens(maxTokens);
            }
            if (refusal) {
              error.message = refusal.message;
              Object.assign(extensions, refusal.extensions, { code: ErrorCode.QUERY_TOO_COMPLEX });
            }
            error.message = error.message.replace(SUGGESTION, '');
          }
        },
      };
    },
  };
}
