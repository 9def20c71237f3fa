import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/** Where a request's context carries its HTTP response (Apollo hands plugins a shallow copy of the context, which keeps it). */
export const RESPONSE = Symbol('response');

/** The context Apollo receives: the service's context plus, under a symbol, the response. */
export function withResponse<C extends object>(context: C, res: Response): C {
  return { ...context, [RESPONSE]: res };
}

/**
 * Links each GraphQL request to its HTTP response, for the request log and the
 * metrics: the operation name and the error codes go into `res.locals`.
 * Also refuses subscriptions up front with a coded error (graphql-js would fail
 * them during execution, which Apollo reports as INTERNAL_SERVER_ERROR), and marks
 * every answer `Cache-Control: no-store`: it holds what one caller may see.
 */
export function operationPlugin(): ApolloServerPlugin<object> {
  return {
    async requestDidStart({ contextValue }) {
      const res = (contextValue as { [RESPONSE]?: Response })[RESPONSE];
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
          response.http.headers.set('cache-control', 'no-store');
          if (!res || response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
          if (codes.length > 0) (res.locals.errorCodes ??= []).push(...codes);
        },
      };
    },
  };
}
