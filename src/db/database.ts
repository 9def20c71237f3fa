import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { toParams, toPlain } from './values';
import { translateNeo4jError } from './neo4jErrors';
import type { QueryStore } from './queryStore';

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

/**
 * The only door to Neo4j. Managed transactions (`executeRead`/`executeWrite`)
 * so that reads go to secondaries in a cluster and transient failures retry; the
 * session is closed in `finally`; failures are translated by error code.
 */
export class Database {
  constructor(
    readonly driver: Driver,
    private readonly queries: QueryStore,
    private readonly databaseName?: string,
  ) {}

  /** One read transaction with any number of named statements. */
  read<T>(work: (tx: Tx) => Promise<T>, observer?: QueryObserver, options: RunOptions = {}): Promise<T> {
    return this.execute('READ', work, observer, options);
  }

  /** One write transaction: all its statements commit together or none does. */
  write<T>(work: (tx: Tx) => Promise<T>, observer?: QueryObserver, options: RunOptions = {}): Promise<T> {
    return this.execute('WRITE', work, observer, options);
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
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async execute<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, observer: QueryObserver | undefined, options: RunOptions): Promise<T> {
    const session = this.driver.session({ database: this.databaseName, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = options.timeoutMs ? { timeout: options.timeoutMs } : undefined;
    try {
      const body = (managed: ManagedTransaction) => work(this.wrap(managed, observer));
      return mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
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

export interface DriverOptions {
  uri: string;
  username?: string;
  password?: string;
}

export function createDriver({ uri, username, password }: DriverOptions): Driver {
  const auth = username ? neo4j.auth.basic(username, password ?? '') : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30000,
    logging: { level: 'warn', logger: (level, message) => process.stderr.write(`neo4j-driver ${level}: ${message}\n`) },
  });
}
