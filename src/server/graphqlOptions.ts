import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { createErrorFormatter } from '../errors';
import type { ArmorSetup } from '../limits/armor';
import type { Logger } from '../logger';
import { operationPlugin } from './operationPlugin';

export interface GraphqlOptionsInput {
  schema: GraphQLSchema;
  logger: Logger;
  /** The operation limits (armorFor(config.limits)); absent: none. */
  armor?: ArmorSetup;
  /** Answer introspection queries; default true. */
  introspection?: boolean;
  /** Plugins of the transport (the HTTP server's drain), first. */
  plugins?: ApolloServerPlugin<Context>[];
}

/**
 * The GraphQL pipeline as the service runs it: error masking, limits, no
 * landing page, no per-field cache hints. The HTTP server (createServer.ts) and
 * the in-process benchmarks build their Apollo Server from this, so what a
 * benchmark times is the request path clients get.
 */
export function graphqlOptions(input: GraphqlOptionsInput): ApolloServerOptions<Context> {
  return {
    schema: input.schema,
    formatError: createErrorFormatter(input.logger),
    includeStacktraceInErrorResponses: false,
    introspection: input.introspection ?? true,
    csrfPrevention: true,
    validationRules: input.armor?.validationRules ?? [],
    ...(input.armor ? { parseOptions: input.armor.parseOptions } : {}),
    plugins: [
      ...(input.plugins ?? []),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing here may be cached (answers hold what one caller may see), so the plugin's
      // per-field cache hints, a hook on every resolved field, buy nothing: operationPlugin says no-store.
      ApolloServerPluginCacheControlDisabled(),
      operationPlugin() as ApolloServerPlugin<Context>,
      ...((input.armor?.plugins ?? []) as ApolloServerPlugin<Context>[]),
    ],
  };
}
