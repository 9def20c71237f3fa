import type { SpilledRecord } from './records';

export interface DisjointBatch {
  items: SpilledRecord[];
  /**
   * Whether this batch may share an actor with the batch before it, and so must
   * wait for that one to commit; false: it shares none, and the two may be
   * written at the same time (no lock of one can wait for the other).
   */
  afterPrevious: boolean;
}

/** Rows handed out one at a time: from the current chunk without awaiting (400,000 awaits were a second of a tie import), the next chunk when it is used up. */
interface RowSource {
  /** The next row of the current chunk; undefined when the chunk is used up. */
  nextBuffered(): SpilledRecord | undefined;
  /** The next row after reading the next chunk; undefined once the file has ended. */
  nextRow(): Promise<SpilledRecord | undefined>;
}

/** The cut itself. */
async function* cut(rows: RowSource, size: number, actorsOf: (item: SpilledRecord) => readonly string[]): AsyncGenerator<DisjointBatch> {
  let previous = new Set<string>();
  let waiting: SpilledRecord[] = [];
  let forceAfter = false;
  for (;;) {
    const apart = !forceAfter && waiting.length < size;
    const items: SpilledRecord[] = [];
    const actors = new Set<string>();
    const stillWaiting: SpilledRecord[] = [];
    const take = (item: SpilledRecord) => {
      const ids = actorsOf(item);
      if (items.length >= size || (apart && ids.some((id) => previous.has(id)))) {
        stillWaiting.push(item);
        return;
      }
      items.push(item);
      for (const id of ids) actors.add(id);
    };
    for (const item of waiting) take(item);
    while (items.length < size && stillWaiting.length < size) {
      const item = rows.nextBuffered() ?? (await rows.nextRow());
      if (item === undefined) break;
      take(item);
    }
    waiting = stillWaiting;
    if (items.length === 0) {
      if (waiting.length === 0) return;
      // Every waiting row meets the previous batch and the file has ended: the next batch takes them after it.
      forceAfter = true;
      continue;
    }
    forceAfter = false;
    previous = actors;
    yield { items, afterPrevious: !apart };
  }
}

/**
 * Cuts rows into batches of at most `size`, each sharing no actor with the batch
 * before it, so that two consecutive batches can be written in two transactions
 * at once without waiting on each other's locks or deadlocking. A row that touches
 * an actor of the previous batch waits (in file order) for a later batch; when
 * `size` rows wait (a hub actor in most rows), the next batch takes them as they
 * come and is marked `afterPrevious`: memory stays within two batches.
 *
 * The cut depends on the rows alone (not on timing), so a re-run of the same
 * checked rows cuts the same batches: their indices identify them for resuming.
 */
export async function* disjointBatches(
  chunks: AsyncIterable<SpilledRecord[]>,
  size: number,
  actorsOf: (item: SpilledRecord) => readonly string[],
): AsyncGenerator<DisjointBatch> {
  const source = chunks[Symbol.asyncIterator]();
  let input: SpilledRecord[] = [];
  let position = 0;
  let ended = false;
  const nextRow = async (): Promise<SpilledRecord | undefined> => {
    while (position >= input.length && !ended) {
      const next = await source.next();
      if (next.done) ended = true;
      else [input, position] = [next.value, 0];
    }
    return position < input.length ? input[position++] : undefined;
  };
  const nextBuffered = () => (position < input.length ? input[position++] : undefined);
  try {
    yield* cut({ nextBuffered, nextRow }, size, actorsOf);
  } finally {
    // The caller stopped early (or failed): close the source, and with it the spill it reads.
    if (!ended) await source.return?.(undefined);
  }
}
