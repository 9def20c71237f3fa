import type { Database } from '../src/db/database';
import { fullCollection } from '../src/system/heap';
import { CollaborationIndex, type IndexRows } from '../src/analytics/collaborationIndex/collaborationIndex';
import type { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';

/**
 * What the collaboration index costs the process in memory (issue: the API idled
 * at 408 MB with a 100k-actor city's index). Memory is read after a full garbage
 * collection, so it is what is retained, not garbage waiting to be collected.
 */

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  /** Typed arrays live outside the JS heap. */
  arrayBuffersMb: number;
}

export function memoryNow(): MemorySample {
  fullCollection();
  fullCollection();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), arrayBuffersMb: mb(usage.arrayBuffers) };
}

const text = (sample: MemorySample) => `RSS ${sample.rssMb} MB, heap used ${sample.heapUsedMb} MB, array buffers ${sample.arrayBuffersMb} MB`;

/**
 * Builds the index the way the store does (pages of rows into typed columns),
 * then, for comparison, the way it was built before (every row of the city read
 * at once into objects, then the index built from them), and reports memory
 * after each: what each retains, and the peak the process reached (maxRSS).
 */
export async function compareIndexMemory(db: Database, store: CollaborationIndexStore): Promise<string> {
  const lines: string[] = [];
  store.drop();
  const start = memoryNow();
  lines.push(`before any index: ${text(start)}`);
  const paged = await store.refresh();
  const afterPaged = memoryNow();
  const peakPaged = process.resourceUsage().maxRSS / 1024;
  lines.push(`index built by pages into columns (as the service does): ${text(afterPaged)}; peak RSS so far ${Math.round(peakPaged)} MB`);
  const allRows = await db.read(async (tx) => {
    const actors = await tx.run<IndexRows['actors'][number]>('analytics/indexActorPage', { after: '', limit: 100_000_000 });
    const ids = actors.map((actor) => actor.id);
    return {
      actors,
      areas: await tx.run<IndexRows['areas'][number]>('analytics/indexAreas'),
      memberships: await tx.run<IndexRows['memberships'][number]>('analytics/indexMemberships', { ids }),
      ties: await tx.run<IndexRows['ties'][number]>('analytics/indexTies', { ids }),
    };
  }, undefined, { timeoutMs: 30 * 60_000 });
  const holdingRows = memoryNow();
  lines.push(`all rows of the city held at once (the old build's input): ${text(holdingRows)}`);
  let fromRows: CollaborationIndex | null = new CollaborationIndex(paged?.version ?? 'x', allRows);
  const rowsAndIndex = memoryNow();
  lines.push(`plus a second index built from those rows: ${text(rowsAndIndex)}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  fromRows = null;
  void fromRows;
  lines.push(`retained by the paged index: ${(afterPaged.heapUsedMb + afterPaged.arrayBuffersMb - start.heapUsedMb - start.arrayBuffersMb).toFixed(1)} MB (heap + array buffers); by the rows of the old build while it ran: ${(holdingRows.heapUsedMb - afterPaged.heapUsedMb).toFixed(1)} MB of heap`);
  return lines.join('\n');
}
