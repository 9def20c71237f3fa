import { ConflictError, ServiceUnavailableError } from '../errors';

/** A driver or server error, as far as we read it: its Neo4j status code. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The one place Neo4j failures become typed errors, by status code, never by
 * message text. Unknown failures are returned unchanged, to be logged and masked.
 */
export function translateNeo4jError(error: unknown): unknown {
  const code = codeOf(error);
  switch (code) {
    case 'Neo.ClientError.Schema.ConstraintValidationFailed':
      return new ConflictError('Something with that id already exists. Choose another id, or leave id out to have one generated.');
    case 'ServiceUnavailable':
    case 'SessionExpired':
    case 'Neo.TransientError.General.DatabaseUnavailable':
      return new ServiceUnavailableError('The database is not reachable right now. Try again in a moment.');
    default:
      return error;
  }
}

export function isTransactionTimeout(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' || code === 'Neo.TransientError.Transaction.Terminated' || code === 'Neo.ClientError.Transaction.Terminated';
}
