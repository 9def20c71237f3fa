/** The authentication benchmark's figures: requests/s, p50 and p95 per variant, and the cost against `off`. */
import { VARIANTS, type Batch, type VariantName } from './requests';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const perSecond = (batches: Batch[]): number => (batches.reduce((sum, b) => sum + b.latencies.length, 0) * 1000) / batches.reduce((sum, b) => sum + b.wallMs, 0);
const pct = (value: number): string => `${value >= 0 ? ' ' : ''}${value.toFixed(1)} %`;

export function table(results: Map<VariantName, Batch[]>): string {
  const off = results.get('off') as Batch[];
  const offRate = perSecond(off);
  const lines = [`  ${'variant'.padEnd(10)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'on/off'.padStart(7)} ${'cost'.padStart(8)}   ${'per-round cost (median, min … max)'.padEnd(36)} target < 5 %`];
  for (const variant of VARIANTS) {
    const batches = results.get(variant) as Batch[];
    const sorted = batches.flatMap((b) => b.latencies).sort((a, b) => a - b);
    const rate = perSecond(batches);
    const figures = `  ${variant.padEnd(10)} ${rate.toFixed(1).padStart(8)} ${percentile(sorted, 50).toFixed(2).padStart(7)} ${percentile(sorted, 95).toFixed(2).padStart(7)}`;
    if (variant === 'off') {
      lines.push(`${figures} ${'–'.padStart(7)} ${'–'.padStart(8)}   ${'–'.padEnd(36)} baseline`);
      continue;
    }
    const ratio = rate / offRate;
    const cost = (1 - ratio) * 100;
    const rounds = batches.map((b, i) => (1 - perSecond([b]) / perSecond([off[i]])) * 100).sort((a, b) => a - b);
    const spread = `${pct(percentile(rounds, 50))}, ${pct(rounds[0])} … ${pct(rounds[rounds.length - 1])}`;
    const verdict = variant === 'dev-admin' ? '(no credential; ADMIN, not a target)' : cost < 5 ? 'met' : 'NOT met';
    lines.push(`${figures} ${ratio.toFixed(3).padStart(7)} ${pct(cost).padStart(8)}   ${spread.padEnd(36)} ${verdict}`);
  }
  return lines.join('\n');
}
