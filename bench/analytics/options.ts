/** The analytics benchmark's command line: its options, their defaults and the usage text. */
import { parseCommandLine, UsageError, wholeNumber } from '../cli';
import { ANALYTICS_FIELDS } from '../../src/limits/analyticsWeight';

export interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  fields: string[] | null;
  asOf: string;
  timeoutMs: number;
  networkx: boolean;
  nxHeavyRuns: number;
  nxExactBetweennessMax: number;
  nxBetweennessSources: number;
  nxTimeoutMs: number;
  exportTimeoutMs: number;
  scalingFields: string[];
  scalingRuns: number;
  warmup: boolean;
  yes: boolean;
  verbose: boolean;
  /** Also build the index from all rows at once, as it was built before, and report memory for both. */
  indexMemory: boolean;
}

export const USAGE = `Usage: npm run bench:analytics -- [options]

  --sizes A,B,...             city sizes in actors (default 10000,100000)
  --runs N                    timed runs per field and scope, after the warm-up (default 7): untimed asks, the first
                              printed as "first ask", then more up to 5 or 1 s in all, so the code is compiled
  --no-warmup                 no untimed warm-up asks (for a field that takes many minutes)
  --seed S                    generator seed (default 1)
  --fields a,b,...            only these analytics fields (default all); "communities" covers Louvain and Leiden
  --as-of YYYY-MM-DD          the scopes' asOf (default 2026-01-01: the generator's last year, most ties active)
  --timeout-ms T              the analytics timeout of the timed service (default SAMVERKAN_ANALYTICS_TIMEOUT_MS or 30000)
  --scaling-fields a,b,...    fields of the per-area scaling section (default sectorMatrix,eiIndex,brokers)
  --scaling-runs N            timed runs per field in that section (default: --runs); fields of a few ms need more
  --no-networkx               skip the export-plus-NetworkX path
  --nx-heavy-runs N           NetworkX runs for betweenness and communities (default min(runs, 3))
  --nx-exact-betweenness-max  above this many actors NetworkX betweenness is estimated from sampled
                              sources and scaled up to all of them (default 1000)
  --nx-betweenness-sources K  sources of that sample (default 20)
  --nx-timeout-ms T           limit of one NetworkX run (default 1800000)
  --export-timeout-ms T       limit of one export of a scope (default 120000); after one export of a scope
                              timed out, the NetworkX path of that scope is skipped
  --yes                       with NEO4J_URI: do not pause before wiping that database
  --verbose                   Neo4j and service logs on stderr
  --index-memory              after the index build, report memory (after a full GC) of the paged build
                              and of the old all-rows build, then go on

Embedded Neo4j heap and page cache: NEO4J_HEAP (default 2g), NEO4J_PAGE_CACHE (default 1g).`;

/** Every analytics root field: the same list the operation limits weigh. */
const FIELD_NAMES = [...ANALYTICS_FIELDS];

function fieldList(name: string, raw: string): string[] {
  const list = raw.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = list.filter((item) => !FIELD_NAMES.includes(item));
  if (unknown.length > 0) throw new UsageError(`--${name}: unknown field(s) ${unknown.join(', ')}; known: ${FIELD_NAMES.join(', ')}`);
  return list;
}

export function parseOptions(argv: string[]): Options {
  const values = parseCommandLine(
    argv,
    {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      fields: { type: 'string' },
      'as-of': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'scaling-fields': { type: 'string' },
      'scaling-runs': { type: 'string' },
      'no-warmup': { type: 'boolean', default: false },
      'no-networkx': { type: 'boolean', default: false },
      'nx-heavy-runs': { type: 'string' },
      'nx-exact-betweenness-max': { type: 'string' },
      'nx-betweenness-sources': { type: 'string' },
      'nx-timeout-ms': { type: 'string' },
      'export-timeout-ms': { type: 'string' },
      yes: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'index-memory': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  const sizes = (values.sizes ?? '10000,100000')
    .split(',')
    .map((raw) => wholeNumber('sizes', raw, 10, 2_000_000))
    .sort((a, b) => a - b);
  const runs = values.runs === undefined ? 7 : wholeNumber('runs', values.runs, 1, 1000);
  const asOf = values['as-of'] ?? '2026-01-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const envTimeout = process.env.SAMVERKAN_ANALYTICS_TIMEOUT_MS;
  return {
    sizes: [...new Set(sizes)],
    runs,
    seed: values.seed === undefined ? 1 : wholeNumber('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    fields: values.fields === undefined ? null : fieldList('fields', values.fields),
    asOf,
    timeoutMs:
      values['timeout-ms'] !== undefined ? wholeNumber('timeout-ms', values['timeout-ms'], 100, 86_400_000)
      : envTimeout ? wholeNumber('timeout-ms', envTimeout, 100, 86_400_000)
      : 30_000,
    networkx: !values['no-networkx'],
    nxHeavyRuns: values['nx-heavy-runs'] === undefined ? Math.min(runs, 3) : wholeNumber('nx-heavy-runs', values['nx-heavy-runs'], 1, 1000),
    nxExactBetweennessMax: values['nx-exact-betweenness-max'] === undefined ? 1000 : wholeNumber('nx-exact-betweenness-max', values['nx-exact-betweenness-max'], 0, 10_000_000),
    nxBetweennessSources: values['nx-betweenness-sources'] === undefined ? 20 : wholeNumber('nx-betweenness-sources', values['nx-betweenness-sources'], 1, 1_000_000),
    nxTimeoutMs: values['nx-timeout-ms'] === undefined ? 1_800_000 : wholeNumber('nx-timeout-ms', values['nx-timeout-ms'], 1000, 86_400_000),
    exportTimeoutMs: values['export-timeout-ms'] === undefined ? 120_000 : wholeNumber('export-timeout-ms', values['export-timeout-ms'], 100, 86_400_000),
    scalingFields: fieldList('scaling-fields', values['scaling-fields'] ?? 'sectorMatrix,eiIndex,brokers'),
    scalingRuns: values['scaling-runs'] === undefined ? runs : wholeNumber('scaling-runs', values['scaling-runs'], 1, 1000),
    warmup: !values['no-warmup'],
    yes: values.yes,
    verbose: values.verbose,
    indexMemory: values['index-memory'],
  };
}

