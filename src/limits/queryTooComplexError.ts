import { ClientError, ErrorCode } from '../errors';

/**
 * An operation past one of the limits in src/limits/armor.ts. Apollo wraps
 * validation errors and gives them its own code; `codeLimitRefusals` puts this
 * code back, so the client sees QUERY_TOO_COMPLEX with the limit and its value.
 */
export class QueryTooComplexError extends ClientError {
  constructor(
    readonly limit: string,
    readonly max: number,
    message: string,
  ) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { limit, max });
  }
}
