import fs from 'node:fs';
import type { SpilledRecord } from './records';
import { decodeSpilled, encodeSpilled } from './spillCodec';

/**
 * Checked rows wait in a temporary NDJSON file between the passes (one line per
 * row, see spillCodec.ts), so that a file of a million rows is never held as a
 * million objects: the passes keep only compact keys (ids, pair keys) in memory.
 */
export class SpillWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  count = 0;

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
  }

  write(item: SpilledRecord): void {
    this.buffer.push(encodeSpilled(item));
    this.count += 1;
    // Written out every 256 lines: lines held longer outlive the young generation and become old garbage (a larger heap).
    if (this.buffer.length >= 256) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/**
 * The spilled rows in batches of `size`, in the order they were written. Read by
 * pulling chunks from the stream (which waits while the caller awaits the
 * database) rather than through readline, whose async iterator may go on queueing
 * lines while the caller waits: memory then follows the spill's size, not the batch's.
 */
export async function* readSpillBatches(path: string, size: number): AsyncGenerator<SpilledRecord[]> {
  if (!fs.existsSync(path)) return;
  let batch: SpilledRecord[] = [];
  let rest = '';
  for await (const chunk of fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) continue;
      batch.push(decodeSpilled(line));
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (rest) batch.push(decodeSpilled(rest));
  if (batch.length > 0) yield batch;
}
