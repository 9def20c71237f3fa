import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * Links each GraphQL request to its HTTP response, for the request log and the
 * metrics: the operation name and the error codes go into `res.locals`. The
 * context is not touched; the link is a WeakMap from context to response.
 * Also refuses subscriptions up front with a coded error (graphql-js would fail
 * them during execution, which Apollo reports as INTERNAL_SERVER_ERROR).
 */
export function operationPlugin(responses: WeakMap<object, Response>): ApolloServerPlugin<object> {
  return {
    async requestDidStart({ contextValue }) {
      const res = responses.get(contextValue);
      return {
        async didResolveOperation({ operation, operationName }) {
          if (res) res.locals.operationName = operationName ?? operation?.name?.value;
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not offered by this API. Send a query or a mutation; poll a query to follow changes.', {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (!res || response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
          if (codes.length > 0) (res.locals.errorCodes ??= []).push(...codes);
        },
      };
    },
  };
}
