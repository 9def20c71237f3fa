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

/** One target checked for one contender on one workload, for the run's closing summary. */
export interface Verdict {
  workload: string;
  contender: string;
  target: string;
  pass: boolean;
  value: string;
}

export function printWorkload(
  workload: Workload,
  actors: number,
  names: ContenderName[],
  c1: Map<ContenderName, Sample>,
  c16: Map<ContenderName, Sample>,
  answers: Map<ContenderName, unknown>,
  failures: Map<ContenderName, string>,
): Verdict[] {
  const verdicts: Verdict[] = [];
  const check = (name: ContenderName, target: string, pass: boolean, value: string) => {
    verdicts.push({ workload: workload.name, contender: LABEL[name], target, pass, value });
    return `${target}: ${verdict(pass)} (${value})`;
  };
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
      out(`${LABEL[name]}: ${check(name, 'valid answer', false, 'none')}`);
      continue;
    }
    const s = stats(name);
    const checks: string[] = [];
    if (raw) {
      checks.push(check(name, 'p50 ≤ 1.5× raw (c=1)', s.p50 <= 1.5 * raw.p50, `${fixed(s.p50 / raw.p50, 2)}×`));
      checks.push(check(name, 'ops/s ≥ 0.7× raw (c=16)', s.rps >= 0.7 * raw.rps, `${fixed(s.rps / raw.rps, 2)}×`));
    }
    if (ng) {
      checks.push(check(name, 'ops/s ≥ 2× @neo4j/graphql (c=16)', s.rps >= 2 * ng.rps, `${fixed(s.rps / ng.rps, 2)}×`));
      checks.push(check(name, 'p95 ≤ ½ @neo4j/graphql (c=16)', s.p95c16 <= 0.5 * ng.p95c16, `${fixed(s.p95c16 / ng.p95c16, 2)}×; c=1 ${fixed(s.p95 / ng.p95, 2)}×`));
    } else if (names.includes('neo4jGraphql')) {
      checks.push(`against @neo4j/graphql: PASS (it gave no valid answer${failures.get('neo4jGraphql') ? `: ${failures.get('neo4jGraphql')?.slice(0, 80)}` : ''})`);
    }
    out(`${LABEL[name]}: ${checks.join('; ')}`);
  }
  // Both forms of a question cost the same: the server CPU per operation within a quarter of each other.
  if (names.includes('samverkan') && names.includes('samverkanArea') && answers.has('samverkan') && answers.has('samverkanArea')) {
    const [filter, area] = [stats('samverkan').cpuMs, stats('samverkanArea').cpuMs];
    const ratio = Math.max(filter, area) / Math.min(filter, area);
    out(check('samverkanArea', 'both forms cost the same (server CPU within 1.25×)', ratio <= 1.25, `${fixed(filter)} vs ${fixed(area)} ms/op`));
  }
  return verdicts;
}

/** The closing summary: every target of every workload, PASS or FAIL, and the machine's load while it ran. */
export function printSummary(actors: number, verdicts: Verdict[], load: { before: number[]; after: number[] }): void {
  out();
  out(`## Targets — ${actors} actors (load average before ${load.before.map((v) => v.toFixed(2)).join(' ')}, after ${load.after.map((v) => v.toFixed(2)).join(' ')})`);
  out();
  out('| workload | contender | target | result | value |');
  out('|---|---|---|---|---|');
  for (const v of verdicts) out(`| ${v.workload} | ${v.contender} | ${v.target} | ${verdict(v.pass)} | ${v.value} |`);
  out();
  out(`${verdicts.filter((v) => v.pass).length} of ${verdicts.length} targets met.`);
}

export function printMemory(actors: number, idleRss: number, peakRss: number, indexed: boolean): Verdict[] {
  out();
  out(`## Memory of the Samverkan process — ${actors} actors`);
  out();
  out(`idle ${indexed ? 'with the collaboration index built' : 'WITHOUT a confirmed collaboration index'}: ${fixed(idleRss, 0)} MB RSS (target < 250 MB: ${verdict(idleRss < 250)})`);
  out(`peak under 32 concurrent area pages: ${fixed(peakRss, 0)} MB RSS (target < 300 MB: ${verdict(peakRss < 300)})`);
  return [
    { workload: 'memory', contender: LABEL.samverkan, target: 'idle RSS < 250 MB', pass: idleRss < 250, value: `${fixed(idleRss, 0)} MB` },
    { workload: 'memory', contender: LABEL.samverkan, target: 'peak RSS < 300 MB (32 area pages)', pass: peakRss < 300, value: `${fixed(peakRss, 0)} MB` },
  ];
}
