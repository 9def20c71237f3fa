/** Timing of one operation: latency at concurrency 1, throughput at concurrency c, and the statistics printed. */
import { cpuSeconds } from './children';

export interface Sample {
  latencies: number[];
  ops: number;
  seconds: number;
  cpu: number;
}

export const emptySample = (): Sample => ({ latencies: [], ops: 0, seconds: 0, cpu: 0 });

/** Runs `operation` with `concurrency` workers for `count` operations or until `seconds` pass; adds to `into`. */
export async function drive(operation: () => Promise<unknown>, concurrency: number, limit: { count?: number; seconds?: number }, pid: number | null, into: Sample): Promise<void> {
  const deadline = limit.seconds ? performance.now() + limit.seconds * 1000 : Infinity;
  let started = 0;
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const begin = performance.now();
  const worker = async () => {
    while (performance.now() < deadline && (limit.count === undefined || started < limit.count)) {
      started++;
      const t0 = performance.now();
      await operation();
      into.latencies.push(performance.now() - t0);
      into.ops++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  into.seconds += (performance.now() - begin) / 1000;
  if (pid) into.cpu += cpuSeconds(pid) - cpuBefore;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const throughput = (sample: Sample) => sample.ops / sample.seconds;
