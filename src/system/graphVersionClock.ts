import { writesInThisProcess, type Database } from '../db/database';

/** How long a graph version read from the database is trusted when this process has written nothing since. */
export const DEFAULT_VERSION_MAX_AGE_MS = 250;

/**
 * The graph version (system/graphVersion.cypher) without a round trip per
 * request. Every analysis, the network payload and the reports key their caches
 * and choose the collaboration index by the version; asking the database for it
 * cost a round trip per request (1–3 ms, more than counting a district's ties
 * takes). The clock keeps the last version it read and answers from it while
 *  - no write has been made from this process since that read began (the
 *    Database counts them), so a client reads its own writes at once; and
 *  - the read is younger than `maxAgeMs`, so a write by another process (the
 *    import command, another instance) is seen within that bound.
 * Concurrent callers share one read. `maxAgeMs` 0 reads every time.
 */
export class GraphVersionClock {
  private known: { version: string; readAt: number; writes: number } | null = null;
  /** The read in flight, with the write count when it began. */
  private reading: { version: Promise<string>; writes: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs: number = DEFAULT_VERSION_MAX_AGE_MS,
  ) {}

  current(): Promise<string> {
    const known = this.known;
    if (known && known.writes === writesInThisProcess() && performance.now() - known.readAt < this.maxAgeMs) return Promise.resolve(known.version);
    // A read that began before this process's latest write may miss it: join only a read begun since.
    if (this.reading?.writes === writesInThisProcess()) return this.reading.version;
    const reading = { version: this.read(writesInThisProcess()), writes: writesInThisProcess() };
    this.reading = reading;
    return reading.version.finally(() => {
      if (this.reading === reading) this.reading = null;
    });
  }

  private async read(writes: number): Promise<string> {
    const readAt = performance.now();
    const [row] = await this.db.readRows<{ version: string }>('system/graphVersion');
    const version = row?.version ?? 'initial';
    if (this.maxAgeMs > 0) this.known = { version, readAt, writes };
    return version;
  }
}
