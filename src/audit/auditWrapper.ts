import { GraphQLError } from 'graphql';
import type { FieldWrapper } from '../auth/authDirective';
import { ErrorCode } from '../errors';
import { targetIdsOf } from './auditTargets';

function outcomeOf(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Every mutation writes an audit entry in its own transaction after it ends:
 * principal, operation, target ids, outcome. A failure to record is logged as an
 * error and does not change what the caller gets (the mutation has already ended).
 */
export const auditMutation: FieldWrapper = (_typeName, fieldName, resolve) => async (source, args, ctx, info) => {
  let outcome = 'OK';
  let result: unknown = null;
  try {
    result = await resolve(source, args, ctx, info);
    return result;
  } catch (error) {
    outcome = outcomeOf(error);
    throw error;
  } finally {
    const targets = targetIdsOf(args, outcome === 'OK' ? result : null);
    await ctx.repos.audit.record({ principal: ctx.principal.id, operation: fieldName, targets, outcome }).catch((error: unknown) => {
      ctx.logger.error('audit entry could not be written', { operation: fieldName, principal: ctx.principal.id, error: error instanceof Error ? error.message : String(error) });
    });
  }
};
