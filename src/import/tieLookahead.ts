import type { Database } from '../db/database';
import type { SpillWriter } from './spill';
import { tieColumns, type RecordOf, type SpilledRecord, type StoredTie } from './records';

export const TIE_LOOKUP_BATCH = 5000;

/** What import/checkCollaborations answers for one tie row. */
export interface StoredTieCheck extends StoredTie {
  id: string;
}

/** The stored ties a batch of tie rows would meet (only the rows that meet one): one read of import/checkCollaborations. */
export function lookUpStoredTies(db: Database, batch: SpilledRecord[]): Promise<StoredTieCheck[]> {
  return db.readRows<StoredTieCheck>('import/checkCollaborations', tieColumns(batch));
}

/**
 * The first pass's tie rows on their way to the spill: they wait in batches while
 * the database looks up the stored ties each batch would meet, and go to the spill
 * with the answer (only when there is one: most rows of a new file meet nothing).
 * So the database does the check pass's tie reads on its own core while the first
 * pass goes on parsing and validating the file, instead of after it. Reading
 * pauses while more than `depth` batches are unanswered (memory stays bounded by
 * the batch, not the file), and the rows reach the spill in file order.
 */
export class TieLookahead {
  private batch: SpilledRecord[] = [];
  private readonly waiting: Array<{ batch: SpilledRecord[]; found: Promise<StoredTieCheck[]> }> = [];

  constructor(
    private readonly lookUp: (batch: SpilledRecord[]) => Promise<StoredTieCheck[]>,
    private readonly spill: SpillWriter,
    private readonly size = TIE_LOOKUP_BATCH,
    private readonly depth = 2,
  ) {}

  /** Queues a row; true when its batch is full and `send()` should be awaited. */
  push(item: SpilledRecord): boolean {
    this.batch.push(item);
    return this.batch.length >= this.size;
  }

  /** Starts the lookup of the queued rows; waits while more than `depth` batches are unanswered. */
  async send(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const found = this.lookUp(batch);
    // Awaited in settleOldest; until then a failure must not count as unhandled.
    found.catch(() => undefined);
    this.waiting.push({ batch, found });
    while (this.waiting.length > this.depth) await this.settleOldest();
  }

  /** Sends the last rows and writes every waiting batch to the spill. */
  async finish(): Promise<void> {
    await this.send();
    while (this.waiting.length > 0) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const { batch, found } = this.waiting.shift() as { batch: SpilledRecord[]; found: Promise<StoredTieCheck[]> };
    const byId = new Map((await found).map((check) => [check.id, check]));
    for (const item of batch) {
      const check = byId.get((item.record as RecordOf<'collaborations'>).id);
      if (check && (check.ends !== null || check.existing !== null || check.overlapping.length > 0)) {
        item.stored = { ends: check.ends, existing: check.existing, overlapping: check.overlapping };
      }
      this.spill.write(item);
    }
  }
}
