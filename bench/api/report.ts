/** The tables `npm run bench:api` prints: per workload, each contender's numbers, the ratios and the issue's targets. */
import type { Sample } from './measure';
import { percentile, throughput } from './measure';
import type { ContenderName, Workload } from './workloads';

const LABEL: Record<ContenderName, string> = {
  samverkan: 'Samverkan',
  samverkanArea: 'Samverkan area{actors}',
  neo4jGraphql: '@neo4j/graphql 7',
  raw: 'raw driver',
};
const out = (line = '') => process.stdout.write(`${line}\n`);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function printWorkload(
  workload: Workload,
  actors: number,
  names: ContenderName[],
  c1: Map<ContenderName, Sample>,
  c16: Map<ContenderName, Sample>,
  answers: Map<ContenderName, unknown>,
  failures: Map<ContenderName, string>,
): void {
  const stats = (name: ContenderName) => {
    const one = c1.get(name) as Sample;
    const many = c16.get(name) as Sample;
    return {
      p50: percentile(one.latencies, 50),
      p95: percentile(one.latencies, 95),
      rps: throughput(many),
      p95c16: percentile(many.latencies, 95),
      cpuMs: (many.cpu / many.ops) * 1000,
    };
  };
  out();
  out(`## ${workload.label} — ${actors} actors`);
  out();
  out('| contender | same data | p50 c=1 ms | p95 c=1 ms | ops/s c=16 | p95 c=16 ms | server CPU ms/op | p50 ÷ raw | ops/s ÷ raw | ops/s ÷ @neo4j/graphql | p95 c=16 ÷ @neo4j/graphql |');
  out('|---|---|---|---|---|---|---|---|---|---|---|');
  const raw = answers.has('raw') ? stats('raw') : null;
  const ng = answers.has('neo4jGraphql') && !failures.has('neo4jGraphql') ? stats('neo4jGraphql') : null;
  for (const name of names) {
    if (!answers.has(name)) {
      out(`| ${LABEL[name]} | NO (see log) | | | | | | | | | |`);
      continue;
    }
    const s = stats(name);
    const failed = failures.get(name);
    out(
      `| ${LABEL[name]} | yes${failed ? ` (failed: ${failed.slice(0, 60)})` : ''} | ${fixed(s.p50)} | ${fixed(s.p95)} | ${fixed(s.rps)} | ${fixed(s.p95c16)} | ${fixed(s.cpuMs)} | ` +
        `${raw ? fixed(s.p50 / raw.p50, 2) : '—'} | ${raw ? fixed(s.rps / raw.rps, 2) : '—'} | ${ng ? fixed(s.rps / ng.rps, 2) : '—'} | ${ng ? fixed(s.p95c16 / ng.p95c16, 2) : '—'} |`,
    );
  }
  out();
  for (const name of names.filter((n) => n === 'samverkan' || n === 'samverkanArea')) {
    if (!answers.has(name) || failures.has(name)) {
      out(`${LABEL[name]}: FAIL (no valid answer)`);
      continue;
    }
    const s = stats(name);
    const checks: string[] = [];
    if (raw) {
      checks.push(`p50 ≤ 1.5× raw: ${verdict(s.p50 <= 1.5 * raw.p50)} (${fixed(s.p50 / raw.p50, 2)}×)`);
      checks.push(`ops/s ≥ 0.7× raw: ${verdict(s.rps >= 0.7 * raw.rps)} (${fixed(s.rps / raw.rps, 2)}×)`);
    }
    if (ng) {
      checks.push(`ops/s ≥ 2× @neo4j/graphql: ${verdict(s.rps >= 2 * ng.rps)} (${fixed(s.rps / ng.rps, 2)}×)`);
      checks.push(`p95 ≤ ½ @neo4j/graphql: c=1 ${verdict(s.p95 <= 0.5 * ng.p95)} (${fixed(s.p95 / ng.p95, 2)}×), c=16 ${verdict(s.p95c16 <= 0.5 * ng.p95c16)} (${fixed(s.p95c16 / ng.p95c16, 2)}×)`);
    } else if (names.includes('neo4jGraphql')) {
      checks.push(`against @neo4j/graphql: PASS (it gave no valid answer${failures.get('neo4jGraphql') ? `: ${failures.get('neo4jGraphql')?.slice(0, 80)}` : ''})`);
    }
    out(`${LABEL[name]}: ${checks.join('; ')}`);
  }
}

export function printMemory(actors: number, idleRss: number, peakRss: number, indexed: boolean): void {
  out();
  out(`## Memory of the Samverkan process — ${actors} actors`);
  out();
  out(`idle ${indexed ? 'with the collaboration index built' : 'WITHOUT a confirmed collaboration index'}: ${fixed(idleRss, 0)} MB RSS (target < 250 MB: ${verdict(idleRss < 250)})`);
  out(`peak under 32 concurrent area pages: ${fixed(peakRss, 0)} MB RSS (target < 300 MB: ${verdict(peakRss < 300)})`);
}
