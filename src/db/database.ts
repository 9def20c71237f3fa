import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { toParams, toPlain } from './values';
import { isDatabaseUnreachable, translateNeo4jError } from './neo4jErrors';
import type { QueryStore } from './queryStore';
import { silentLogger, throttledLog, type Logger } from '../logger';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs named statements inside one transaction. */
export interface Tx {
  run<T = Row>(name: string, params?: Params): Promise<T[]>;
}

export interface QueryObserver {
  /** Called once per statement sent to the database: the round trips a request made. */
  onQuery(name: string): void;
  /** Called with the number of records (and of items in their list columns) a statement returned. */
  onRows?(name: string, count: number): void;
}

export interface RunOptions {
  /** Server-side transaction timeout; the database aborts the work past it. */
  timeoutMs?: number;
}

/** What the Database tells the rest of the service about (metrics). */
export interface DatabaseEvents {
  /** A request failed because the database could not be reached (refused, lost, acquisition timed out). */
  unavailable?(): void;
}

let writesMade = 0;

/**
 * How many write transactions this process has finished (committed or not):
 * whatever remembers a graph version (system/graphVersionClock.ts) reads it again
 * once this has moved, so a client always reads its own writes.
 */
export const writesInThisProcess = (): number => writesMade;

/** How long a write receipt is kept: far longer than any retry of its write. */
export const RECEIPT_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * The only door to Neo4j. Managed transactions (`executeRead`/`executeWrite`)
 * so that reads go to secondaries in a cluster and transient failures retry; the
 * session is closed in `finally`; failures are translated by error code.
 */
export class Database {
  private pruner: NodeJS.Timeout | undefined;

  constructor(
    readonly driver: Driver,
    private readonly queries: QueryStore,
    private readonly databaseName?: string,
    private readonly events: DatabaseEvents = {},
    /** Server-side timeout of every transaction that does not set its own (SAMVERKAN_QUERY_TIMEOUT_MS). */
    private readonly defaults: { timeoutMs?: number } = {},
  ) {}

  /** One read transaction with any number of named statements. */
  read<T>(work: (tx: Tx) => Promise<T>, observer?: QueryObserver, options: RunOptions = {}): Promise<T> {
    return this.execute('READ', work, observer, options);
  }

  /**
   * One write transaction: all its statements commit together or none does, and
   * exactly once. The driver retries a transaction whose outcome it did not see
   * (a connection lost at commit), so a commit whose acknowledgement was lost would
   * run twice, then fail on its own row. Each logical write therefore gets an id
   * here, outside the retry loop; every attempt first looks for that id's receipt
   * and, when an earlier attempt committed, returns the result stored with it. The
   * receipt is created in the same transaction as the work, so it exists exactly
   * when the work committed. Results travel through JSON (plain values, as
   * statements return them).
   */
  write<T>(work: (tx: Tx) => Promise<T>, observer?: QueryObserver, options: RunOptions = {}): Promise<T> {
    const writeId = randomUUID();
    return this.execute(
      'WRITE',
      async (tx, managed) => {
        // Receipts are bookkeeping, not the request's work: no observer, no row budget.
        const receipt = this.wrap(managed, undefined);
        const [found] = await receipt.run<{ result: string }>('system/findWriteReceipt', { id: writeId });
        if (found) return (JSON.parse(found.result) as { value: T }).value;
        const value = await work(tx);
        await receipt.run('system/recordWriteReceipt', { id: writeId, result: JSON.stringify({ value }) });
        return value;
      },
      observer,
      options,
    );
  }

  /** Deletes receipts older than RECEIPT_MAX_AGE_MS (at most `batch` per call); returns how many went. */
  async pruneWriteReceipts(batch = 10_000): Promise<number> {
    const [row] = await this.execute('WRITE', (tx) => tx.run<{ pruned: number }>('system/pruneWriteReceipts', { maxAgeMs: RECEIPT_MAX_AGE_MS, batch }), undefined, {});
    return row?.pruned ?? 0;
  }

  /** Prunes receipts now and then every `intervalMs`, until close(); failures (an outage) are logged and retried next time. */
  pruneWriteReceiptsEvery(intervalMs: number, logger: Logger = silentLogger): void {
    const prune = () => {
      this.pruneWriteReceipts().then(
        (pruned) => pruned > 0 && logger.debug('write receipts pruned', { pruned }),
        (error: unknown) => logger.warn('pruning write receipts failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    };
    clearInterval(this.pruner);
    prune();
    this.pruner = setInterval(prune, intervalMs);
    this.pruner.unref();
  }

  /** Shorthand for a read transaction of a single statement. */
  readRows<T = Row>(name: string, params: Params = {}, observer?: QueryObserver, options: RunOptions = {}): Promise<T[]> {
    return this.read((tx) => tx.run<T>(name, params), observer, options);
  }

  /** Shorthand for a write transaction of a single statement. */
  writeRows<T = Row>(name: string, params: Params = {}, observer?: QueryObserver): Promise<T[]> {
    return this.write((tx) => tx.run<T>(name, params), observer);
  }

  /** Runs raw text outside the query store: migrations only, whose text is itself a file. */
  async runScript(text: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(text, toParams(params) as Params);
    } finally {
      writesMade += 1;
      await session.close();
    }
  }

  /**
   * Runs one named statement in an auto-commit transaction: needed for
   * `CALL { ... } IN TRANSACTIONS`, which manages its own transactions.
   */
  async autoCommit<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.run(this.queries.get(name), toParams(params) as Params);
      return result.records.map((record) => toPlain(record.toObject()) as T);
    } catch (error) {
      if (isDatabaseUnreachable(error)) this.events.unavailable?.();
      throw translateNeo4jError(error);
    } finally {
      writesMade += 1;
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.pruner);
    await this.driver.close();
  }

  private async execute<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx, managed: ManagedTransaction) => Promise<T>,
    observer: QueryObserver | undefined,
    options: RunOptions,
  ): Promise<T> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const timeoutMs = options.timeoutMs ?? this.defaults.timeoutMs;
    const config = timeoutMs ? { timeout: timeoutMs } : undefined;
    let workStarted = false;
    try {
      const body = (managed: ManagedTransaction) => {
        workStarted = true;
        return work(this.wrap(managed, observer), managed);
      };
      return mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
    } catch (error) {
      if (isDatabaseUnreachable(error, { workStarted })) this.events.unavailable?.();
      throw translateNeo4jError(error, { workStarted });
    } finally {
      if (mode === 'WRITE') writesMade += 1;
      await session.close().catch(() => undefined);
    }
  }

  private wrap(managed: ManagedTransaction, observer: QueryObserver | undefined): Tx {
    return {
      run: async <T>(name: string, params: Params = {}): Promise<T[]> => {
        const text = this.queries.get(name);
        observer?.onQuery(name);
        const result: QueryResult = await managed.run(text, toParams(params) as Params);
        const rows = result.records.map((record) => toPlain(record.toObject()) as T);
        if (observer?.onRows) observer.onRows(name, weightOf(rows as unknown as Row[]));
        return rows;
      },
    };
  }
}

/** Records plus the items of their list columns: what a request read, for its row budget. */
function weightOf(rows: Row[]): number {
  let weight = rows.length;
  for (const row of rows) for (const value of Object.values(row)) if (Array.isArray(value)) weight += value.length;
  return weight;
}

/**
 * Deletes the write receipts whose stored result mentions `text` (as JSON holds
 * it), inside the caller's transaction: citizen erasure calls it so that no
 * personal data survives in a receipt.
 */
export async function deleteReceiptsMentioning(tx: Tx, text: string): Promise<number> {
  if (text === '') return 0;
  const asJson = JSON.stringify(text).slice(1, -1);
  let deleted = 0;
  for (const form of new Set([text, asJson])) {
    const [row] = await tx.run<{ deleted: number }>('system/deleteReceiptsMentioning', { text: form });
    deleted += row?.deleted ?? 0;
  }
  return deleted;
}

export interface DriverOptions {
  uri: string;
  username?: string;
  password?: string;
  /**
   * Bound for opening a connection, for waiting for one from the pool, and for
   * the driver's retries of a transaction: a request fails with
   * DATABASE_UNAVAILABLE about this long after the database stops answering,
   * instead of hanging. Default 5000.
   */
  connectTimeoutMs?: number;
  /** Receives the driver's own warnings, throttled (an outage would write one per attempt). */
  logger?: Logger;
}

export function createDriver({ uri, username, password, connectTimeoutMs = 5000, logger }: DriverOptions): Driver {
  const auth = username ? neo4j.auth.basic(username, password ?? '') : undefined;
  const warn = throttledLog((message, fields) => (logger ?? silentLogger).warn(message, { component: 'neo4j-driver', ...fields }));
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionTimeout: connectTimeoutMs,
    connectionAcquisitionTimeout: connectTimeoutMs,
    maxTransactionRetryTime: connectTimeoutMs,
    logging: { level: 'warn', logger: (_level, message) => warn(message) },
  });
}
