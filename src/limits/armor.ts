import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { LimitsConfig } from '../config';
import { QueryTooComplexError } from './queryTooComplexError';
import { analyticsCostRule } from './analyticsWeight';
import { CHARACTERS_PER_TOKEN, documentSizeRule } from './documentSize';
import { codeLimitRefusals } from './codeLimitRefusals';

/** What the server (and the test API) passes to `new ApolloServer({ ... })`, all three of them. */
export interface ArmorSetup {
  plugins: ApolloServerPlugin<BaseContext>[];
  validationRules: ValidationRule[];
  /** The parser stops at the token limit, before a huge document costs anything. */
  parseOptions: ParseOptions;
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallbacks = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>;

/**
 * Armor's rules throw or report BAD_USER_INPUT by default; each refusal is
 * reported instead as a QueryTooComplexError naming the limit and its value.
 * Armor's own message ("Query depth limit of 10 exceeded, found 13.") carries
 * what was found.
 */
function refuseAs(limit: string, max: number, advice: string): { onReject: RejectCallbacks; propagateOnRejection: false } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = error.message.replace(/^Syntax Error: /, '');
        context?.reportError(new QueryTooComplexError(limit, max, `The operation is too complex: ${found} ${advice}`));
      },
    ],
  };
}

/**
 * The operation limits: depth, aliases, directives and cost from graphql-armor,
 * analytics fields weighted by their real cost, the document's tokens and size,
 * and no field suggestions. Every refusal answers QUERY_TOO_COMPLEX before any
 * resolver runs. Armor's own token plugin is not used: it throws from a parsing
 * hook, which Apollo answers with HTTP 500; graphql-js's `maxTokens` parse option
 * does the same job inside Apollo's error handling.
 */
export function armorFor(limits: LimitsConfig): ArmorSetup {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...refuseAs('depth', limits.maxDepth, 'Ask for fewer nested levels; fetch deeper levels in a second request by id.') },
    maxAliases: { n: limits.maxAliases, ...refuseAs('aliases', limits.maxAliases, 'Use fewer aliases, or send several requests.') },
    maxDirectives: { n: limits.maxDirectives, ...refuseAs('directives', limits.maxDirectives, 'Use fewer directives.') },
    costLimit: {
      maxCost: limits.maxCost,
      // Objects (one record each) times the page sizes asked for; scalars ride along
      // with their object and nesting by itself costs nothing extra. With armor's
      // defaults (2, 1, ×1.5 a level) the N+1 test's page of 100 actors would cost 74,000.
      objectCost: 1,
      scalarCost: 0,
      depthCostFactor: 1,
      ...refuseAs('cost', limits.maxCost, 'Ask for fewer fields or smaller pages (first), or split the operation.'),
    },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: [...armor.plugins, codeLimitRefusals(limits.maxTokens, limits.maxTokens * CHARACTERS_PER_TOKEN)],
    validationRules: [...armor.validationRules, analyticsCostRule(limits.maxCost), documentSizeRule(limits.maxTokens)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
