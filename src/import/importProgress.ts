import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';

export interface ImportProgress {
  update(phase: 'validating' | 'checking' | 'writing', rows: number, total?: number): void;
  stop(): void;
}

/** Rows in a text file, estimated from the lines in its first 64 KB; null for a workbook (compressed). */
function estimateRows(filePath: string): number | null {
  const fd = fs.openSync(filePath, 'r');
  const head = Buffer.alloc(64 * 1024);
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  if (head[0] === 0x50 && head[1] === 0x4b) return null;
  const lines = head.subarray(0, read).toString('utf8').split('\n').length - 1;
  if (lines <= 1) return null;
  return Math.max(1, Math.round(fs.statSync(filePath).size / (read / lines)) - 1);
}

/**
 * Progress on stderr (stdout keeps the report): a cli-progress bar with rows/s
 * and ETA on a terminal, a plain line every 5 s otherwise (logs, CI).
 */
export function importProgress(filePath: string, stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  const started = { validating: 0, checking: 0, writing: 0 };
  const rate = (rows: number, phase: keyof typeof started) => {
    const seconds = (performance.now() - started[phase]) / 1000;
    return seconds > 0 ? Math.round(rows / seconds).toLocaleString('en') : '–';
  };
  let current: keyof typeof started | null = null;
  if (stream.isTTY) {
    const bar = new SingleBar({ stream, format: '{phase} |{bar}| {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}', etaBuffer: 50, hideCursor: true }, Presets.shades_classic);
    const estimate = estimateRows(filePath);
    return {
      update(phase, rows, total) {
        if (phase !== current) {
          if (current) bar.stop();
          current = phase;
          started[phase] = performance.now();
          bar.start(total ?? (phase === 'validating' ? estimate : null) ?? Math.max(rows, 1), rows, { phase: phase.padEnd(10), speed: '–' });
        }
        if (rows > bar.getTotal()) bar.setTotal(rows);
        bar.update(rows, { phase: phase.padEnd(10), speed: rate(rows, phase) });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(phase, rows) {
      if (phase !== current) {
        current = phase;
        started[phase] = performance.now();
        stream.write(`import: ${phase}…\n`);
      }
      if (performance.now() - lastLine < 5000) return;
      lastLine = performance.now();
      stream.write(`import: ${phase} ${rows.toLocaleString('en')} rows (${rate(rows, phase)} rows/s)\n`);
    },
    stop: () => undefined,
  };
}
