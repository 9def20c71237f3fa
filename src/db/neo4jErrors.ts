import { Neo4jError } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError } from '../errors';

/** A driver or server error, as far as we read it: its Neo4j status code. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Codes that mean "the database could not be reached or cannot serve now",
 * whatever the cause: no route or refused connection (ServiceUnavailable), a
 * connection lost mid-transaction (SessionExpired), a database stopped or still
 * starting, a cluster electing a leader.
 */
const UNREACHABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Database.DatabaseUnavailable',
  'Neo.TransientError.Cluster.NotALeader',
  'Neo.TransientError.Transaction.LeaderSwitch',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
]);

/**
 * The driver raises some failures without a status code: its code is 'N/A'
 * (`newError(message)` in neo4j-driver-core). Among them is the pool's
 * "connection acquisition timed out", which driver 6 gives no code of its own.
 * Such an error before any statement ran can only have come from obtaining a
 * connection, so it means the database is not reachable.
 */
const NO_CODE = 'N/A';

export interface FailureContext {
  /** Whether the transaction body ran, i.e. a connection had been obtained and a transaction begun. */
  workStarted?: boolean;
}

export function isDatabaseUnreachable(error: unknown, context: FailureContext = {}): boolean {
  const code = codeOf(error);
  if (code !== undefined && UNREACHABLE.has(code)) return true;
  return context.workStarted === false && error instanceof Neo4jError && code === NO_CODE;
}

/**
 * The one place Neo4j failures become typed errors, by status code, never by
 * message text. Unknown failures are returned unchanged, to be logged and masked.
 */
export function translateNeo4jError(error: unknown, context: FailureContext = {}): unknown {
  if (codeOf(error) === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('Something with that id already exists. Choose another id, or leave id out to have one generated.');
  }
  if (isDatabaseUnreachable(error, context)) return new DatabaseUnavailableError();
  if (isTransactionTimeout(error)) return new QueryTimeoutError();
  return error;
}

/** A transaction the database stopped at its timeout, raw or already translated. */
export function isTransactionTimeout(error: unknown): boolean {
  if (error instanceof QueryTimeoutError) return true;
  const code = codeOf(error);
  return code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' || code === 'Neo.TransientError.Transaction.Terminated' || code === 'Neo.ClientError.Transaction.Terminated';
}
