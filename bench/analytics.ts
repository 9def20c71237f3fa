/**
 * The analytics benchmark (issue 3): `npm run bench:analytics [-- options]`.
 *
 * For each city size it wipes the database, applies the migrations, generates and
 * loads a synthetic city (src/seed/generateCity.ts), and then, for the whole city
 * and for its largest district:
 *  - times every analytics field through the real schema, resolvers and context,
 *    in-process (one warm-up, then N runs, each with a fresh AnalyticsService and
 *    cache so no result is served from the analytics cache): median and p95;
 *  - times the export-plus-NetworkX path for the same measure on the same scope:
 *    the scope statements (analytics/scopeActors, analytics/scopeTies, and
 *    analytics/areaMembers for the area measures) through the same Database,
 *    written as JSON to a file, then `python3 bench/networkx_measures.py` (Python
 *    start-up, import and graph build included), and the ratio networkx/samverkan.
 * Then the per-area scaling: an area of about the same size as the smallest city
 * (its root area) inside each larger city, timed for a few fields, with the ratio
 * to the smallest city (target below 1.3).
 *
 * It prints figures and ratios and writes them to .bench/analytics-<time>.json;
 * it asserts nothing. A field that errors (not implemented yet, ANALYTICS_TIMEOUT,
 * ANALYTICS_UNAVAILABLE…) is reported as such and the run goes on.
 *
 * Neo4j: an embedded one in a temporary folder, stopped and removed at the end;
 * or NEO4J_URI when set, and then that database is WIPED (a warning and a pause
 * come first, skipped with --yes). See bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { AnalyticsCache } from '../src/analytics/analyticsCache';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';
import { compareIndexMemory, memoryNow } from './indexMemory';
import { parseScope, scopeParams, type Scope } from '../src/analytics/scope';
import { loadConfig } from '../src/config';
import { createContext, type Context } from '../src/context';
import { Database, createDriver } from '../src/db/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/db/embeddedNeo4j';
import { migrate } from '../src/db/migrate';
import { QueryStore, repositoryRoot } from '../src/db/queryStore';
import { isTransactionTimeout } from '../src/db/neo4jErrors';
import { createErrorFormatter } from '../src/errors';
import { createLogger, silentLogger } from '../src/logger';
import { buildSchema } from '../src/schema/buildSchema';
import { generateCity, generatorVersion } from '../src/seed/generateCity';
import { loadDataset, wipeDatabase, type LoadSummary } from '../src/seed/loadDataset';
import { createServiceInfoProvider, type ServiceInfo, type ServiceInfoProvider } from '../src/system/serviceInfo';
import { VERSION } from '../src/version';
import { GraphVersionClock } from '../src/system/graphVersionClock';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { ANALYTICS_FIELDS } from '../src/limits/analyticsWeight';

// ---------------------------------------------------------------------------------------
// Options

interface Options {
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

const USAGE = `Usage: npm run bench:analytics -- [options]

  --sizes A,B,...             city sizes in actors (default 10000,100000)
  --runs N                    timed runs per field and scope, after one warm-up (default 7)
  --no-warmup                 no untimed warm-up run (for a field that takes many minutes)
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

class UsageError extends Error {}

/** Every analytics root field: the same list the operation limits weigh. */
const FIELD_NAMES = [...ANALYTICS_FIELDS];

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function fieldList(name: string, raw: string): string[] {
  const list = raw.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = list.filter((item) => !FIELD_NAMES.includes(item));
  if (unknown.length > 0) throw new UsageError(`--${name}: unknown field(s) ${unknown.join(', ')}; known: ${FIELD_NAMES.join(', ')}`);
  return list;
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
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
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
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

// ---------------------------------------------------------------------------------------
// The fields and their NetworkX counterparts

/** Actors picked from a scope's network for the fields that need one or two. */
interface Picks {
  /** A well-connected actor outside the citizen sector: partner suggestions, and the start of the path. */
  actor: string | null;
  /** An actor 2 to 4 ties from `actor`, as far as possible: the end of the path. */
  pathEnd: string | null;
}

interface FieldSpec {
  /** Unique in the report, e.g. `communities (LEIDEN)`. */
  key: string;
  /** The GraphQL field, for --fields. */
  field: string;
  /** The measure of bench/networkx_measures.py. */
  measure: string;
  document: string;
  /** The operation's variables besides the scope; null when the scope offers no suitable actor. */
  variables: (picks: Picks) => Record<string, unknown> | null;
  /** Few NetworkX runs (--nx-heavy-runs): it takes long. */
  heavy?: boolean;
  /** The export also holds the areas with their actors (analytics/areaMembers). */
  areas?: boolean;
  /** The issue's target for networkx ÷ samverkan. */
  target?: number;
  /** The issue's target for NetworkX's compute alone (on a graph already built in memory) ÷ samverkan. */
  computeTarget?: number;
  /**
   * Answered from the collaboration index when it holds the graph version, else
   * by Cypher aggregation: timed with both engines, the Cypher row marked so.
   */
  countBased?: boolean;
}

const METHOD = 'method { algorithm engine nodeCount tieCount asOf areaId gdsVersion computedAt cached }';
const ACTOR = '{ id name }';
const SCOPE_VAR = '$scope: AnalyticsScope';
const none = (): Record<string, unknown> => ({});

const FIELDS: FieldSpec[] = [
  {
    key: 'crossSectorTies',
    field: 'crossSectorTies',
    measure: 'crossSectorTies',
    document: `query (${SCOPE_VAR}) { r: crossSectorTies(scope: $scope, first: 100) { totalCount edges { cursor node { source ${ACTOR} target ${ACTOR} sourceSector targetSector strength kinds } } pageInfo { hasNextPage endCursor } ${METHOD} } }`,
    variables: none,
  },
  {
    key: 'sectorMatrix',
    field: 'sectorMatrix',
    measure: 'sectorMatrix',
    document: `query (${SCOPE_VAR}) { r: sectorMatrix(scope: $scope) { sectors { sector actors } cells { sectorA sectorB ties possiblePairs density } totalTies ${METHOD} } }`,
    variables: none,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'eiIndex',
    field: 'eiIndex',
    measure: 'eiIndex',
    document: `query (${SCOPE_VAR}) { r: eiIndex(scope: $scope) { overall { external internal value reason } bySector { sector index { external internal value reason } } expected expectedReason ${METHOD} } }`,
    variables: none,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'assortativity',
    field: 'assortativity',
    measure: 'assortativity',
    document: `query (${SCOPE_VAR}) { r: assortativity(scope: $scope) { coefficient reason ${METHOD} } }`,
    variables: none,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'diversity',
    field: 'diversity',
    measure: 'diversity',
    document: `query (${SCOPE_VAR}) { r: diversity(scope: $scope) { actors(first: 20) { actor ${ACTOR} partners { value normalised count } } areas { area { id name } actors { value normalised count } } ${METHOD} } }`,
    variables: none,
    areas: true,
    target: 10,
    computeTarget: 10,
    countBased: true,
  },
  {
    key: 'brokers',
    field: 'brokers',
    measure: 'brokers',
    document: `query (${SCOPE_VAR}) { r: brokers(scope: $scope, first: 20) { brokers { actor ${ACTOR} rank betweenness normalisedBetweenness brokerage { coordinator itinerant gatekeeperRepresentative liaison total } constraint effectiveSize degree } ${METHOD} } }`,
    variables: none,
    heavy: true,
    target: 1,
    computeTarget: 2,
  },
  {
    key: 'structuralRisks',
    field: 'structuralRisks',
    measure: 'structuralRisks',
    document: `query (${SCOPE_VAR}) { r: structuralRisks(scope: $scope) { bridges { source ${ACTOR} target ${ACTOR} sectorsOnSourceSide sectorsOnTargetSide separatedSectors } articulationPoints { actor ${ACTOR} componentsAfterRemoval sectorsPerPart separatedSectors } ${METHOD} } }`,
    variables: none,
  },
  {
    key: 'communities (LOUVAIN)',
    field: 'communities',
    measure: 'communities',
    document: `query (${SCOPE_VAR}) { r: communities(scope: $scope, algorithm: LOUVAIN, seed: 42) { communities { id size memberIds sectors { sector actors share } crossSectorShare } modularity ${METHOD} } }`,
    variables: none,
    heavy: true,
    target: 1,
    computeTarget: 2,
  },
  {
    key: 'communities (LEIDEN)',
    field: 'communities',
    measure: 'communitiesLeiden',
    document: `query (${SCOPE_VAR}) { r: communities(scope: $scope, algorithm: LEIDEN, seed: 42) { communities { id size memberIds sectors { sector actors share } crossSectorShare } modularity ${METHOD} } }`,
    variables: none,
    heavy: true,
    target: 1,
  },
  {
    key: 'helixCoverage',
    field: 'helixCoverage',
    measure: 'helixCoverage',
    document: `query (${SCOPE_VAR}) { r: helixCoverage(scope: $scope) { areas { area { id name } sectorsPresent connectedPairs { sectorA sectorB } missingPairs { sectorA sectorB } coverage rank } ${METHOD} } }`,
    variables: none,
    areas: true,
  },
  {
    key: 'connectionPaths',
    field: 'connectionPaths',
    measure: 'connectionPaths',
    document: `query (${SCOPE_VAR}, $from: ID!, $to: ID!) { r: connectionPaths(scope: $scope, from: $from, to: $to, maxHops: 4) { paths { hops { actor ${ACTOR} sector } length sectorCrossings } ${METHOD} } }`,
    variables: (picks) => (picks.actor && picks.pathEnd ? { from: picks.actor, to: picks.pathEnd } : null),
  },
  {
    key: 'partnerSuggestions',
    field: 'partnerSuggestions',
    measure: 'partnerSuggestions',
    document: `query (${SCOPE_VAR}, $actorId: ID!) { r: partnerSuggestions(scope: $scope, actorId: $actorId, first: 10) { suggestions { actor ${ACTOR} score adamicAdar sharedPartners sharedAreas sharedInitiatives sharedSdgs reasons } ${METHOD} } }`,
    variables: (picks) => (picks.actor ? { actorId: picks.actor } : null),
  },
];

// ---------------------------------------------------------------------------------------
// Results

interface Failure {
  /** `not implemented`, or the error's code (ANALYTICS_TIMEOUT, INTERNAL_SERVER_ERROR…). */
  status: string;
  message: string;
}

interface SamverkanResult {
  ok: boolean;
  failure: Failure | null;
  warmupMs: number | null;
  runsMs: number[];
  medianMs: number | null;
  p95Ms: number | null;
  nodeCount: number | null;
  tieCount: number | null;
  /** method.engine of the last run. */
  engine: string | null;
}

interface NetworkxRun {
  exportMs: number;
  pythonMs: number;
  /** exportMs + pythonMs, or the extrapolated total for sampled betweenness. */
  totalMs: number;
  estimated: boolean;
  computeSeconds: number;
  nodes: number;
  edges: number;
  summary: unknown;
}

interface NetworkxResult {
  status: 'ok' | 'unavailable' | 'error' | 'skipped';
  message: string | null;
  runs: NetworkxRun[];
  medianMs: number | null;
  exportMedianMs: number | null;
  pythonMedianMs: number | null;
  /** NetworkX's own compute time (computeSeconds: the measure on the graph already in memory), median. */
  computeMedianMs: number | null;
  estimated: boolean;
}

interface FieldResult {
  key: string;
  field: string;
  samverkan: SamverkanResult;
  networkx: NetworkxResult;
  /** NetworkX median ÷ Samverkan median. */
  ratio: number | null;
  target: number | null;
  meetsTarget: boolean | null;
  /** NetworkX's compute alone ÷ Samverkan median: what an analyst with the graph already in a notebook compares with. */
  computeRatio: number | null;
  computeTarget: number | null;
  meetsComputeTarget: boolean | null;
  /** Whether the service's method block and the NetworkX graph agree on actors and ties. */
  sameNetwork: boolean | null;
}

interface ScopeResult {
  label: string;
  areaId: string | null;
  areaName: string | null;
  /** From a first export of the scope; null when it timed out. */
  actors: number | null;
  ties: number | null;
  picks: Picks;
  /** The first export's time when it was slow (and NetworkX ran once per field), else null. */
  slowExportMs: number | null;
  fields: FieldResult[];
}

interface ScalingArea {
  areaId: string;
  areaName: string;
  /** Actors active on asOf in the area and its sub-areas. */
  actors: number;
  fields: Array<{ field: string; samverkan: SamverkanResult }>;
}

interface CityResult {
  size: number;
  seed: number;
  generator: string;
  load: { seconds: number; rows: LoadSummary['rows']; phaseSeconds: LoadSummary['phaseSeconds']; wipeSeconds: number };
  areas: number;
  /** The collaboration index built after the load (the service builds it in the background after every write). */
  index: { buildMs: number | null; actors: number; ties: number } | null;
  scopes: ScopeResult[];
  scaling: ScalingArea | null;
}

// ---------------------------------------------------------------------------------------
// Small helpers

const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank 95th percentile: with fewer than 20 runs, the slowest. */
function p95(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1];
}

function ms(value: number | null): string {
  if (value === null) return '–';
  if (value < 10) return value.toFixed(2);
  if (value < 1000) return value.toFixed(1);
  return Math.round(value).toLocaleString('en');
}

const count = (value: number): string => value.toLocaleString('en');

function ratioText(ratio: number | null, estimated: boolean): string {
  if (ratio === null) return '–';
  return `${estimated ? '~' : ''}${ratio >= 100 ? Math.round(ratio).toLocaleString('en') : ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}

function table(headers: string[], rows: string[][], rightAligned: number[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

// ---------------------------------------------------------------------------------------
// GraphQL in-process, as test/helpers/testApi.ts does it

interface BenchApi {
  db: Database;
  serviceInfo: ServiceInfoProvider;
  /** Executes with a fresh AnalyticsService and cache: nothing comes from the analytics cache. */
  run(document: string, variables: Record<string, unknown>): Promise<{ ms: number; data: Record<string, unknown> | null; errors: readonly GraphQLFormattedError[] }>;
  /** The last lines the error formatter logged (stacks of unexpected errors). */
  logged: string[];
  close(): Promise<void>;
}

async function createBenchApi(db: Database, timeoutMs: number, verbose: boolean, index?: CollaborationIndexStore): Promise<BenchApi> {
  const logged: string[] = [];
  const logger = createLogger('error', (line) => {
    logged.push(line);
    if (logged.length > 20) logged.shift();
    if (verbose) process.stderr.write(`${line}\n`);
  });
  const serviceInfo = createServiceInfoProvider(db, VERSION);
  const server = new ApolloServer<Context>({ schema: buildSchema(), formatError: createErrorFormatter(logger) });
  await server.start();
  // One clock for the process, as the server has (src/app.ts): the graph version is not read again on every request.
  const versions = new GraphVersionClock(db);
  return {
    db,
    serviceInfo,
    logged,
    async run(document, variables) {
      const analytics = new AnalyticsService({ db, serviceInfo, logger: verbose ? logger : silentLogger, timeoutMs, cache: new AnalyticsCache(), index, versions });
      const contextValue = createContext({ db, logger, serviceInfo, analytics, principal: SYSTEM_PRINCIPAL });
      const started = performance.now();
      const response = await server.executeOperation<Record<string, unknown>>({ query: document, variables }, { contextValue });
      const elapsed = performance.now() - started;
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      return { ms: elapsed, data: data ?? null, errors: errors ?? [] };
    },
    async close() {
      await server.stop();
    },
  };
}

function failureOf(errors: readonly GraphQLFormattedError[], logged: string[]): Failure {
  const first = errors[0];
  const message = first?.message ?? 'unknown error';
  if (/Cannot return null for non-nullable field Query\./.test(message)) return { status: 'not implemented', message };
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
  // An unexpected error is masked for clients; its logged stack says what it was.
  const detail = code === 'INTERNAL_SERVER_ERROR' && logged.length > 0 ? `${message} — logged: ${logged[logged.length - 1].slice(0, 400)}` : message;
  return { status: code, message: detail };
}

/** One warm-up, then `runs` timed runs; stops at the first error. */
/** `warmup` false: no untimed first run (for a field that takes many minutes). */
async function timeField(api: BenchApi, document: string, variables: Record<string, unknown>, runs: number, warmup: boolean): Promise<SamverkanResult> {
  const result: SamverkanResult = { ok: false, failure: null, warmupMs: null, runsMs: [], medianMs: null, p95Ms: null, nodeCount: null, tieCount: null, engine: null };
  const once = async (): Promise<number | null> => {
    try {
      const { ms: elapsed, data, errors } = await api.run(document, variables);
      if (errors.length > 0) {
        result.failure = failureOf(errors, api.logged);
        return null;
      }
      const method = (data?.r as { method?: { nodeCount?: number; tieCount?: number; engine?: string } } | undefined)?.method;
      result.nodeCount = method?.nodeCount ?? null;
      result.tieCount = method?.tieCount ?? null;
      result.engine = method?.engine ?? null;
      return elapsed;
    } catch (error) {
      result.failure = { status: 'EXCEPTION', message: error instanceof Error ? error.message : String(error) };
      return null;
    }
  };
  if (warmup) {
    result.warmupMs = await once();
    if (result.warmupMs === null) return result;
  }
  for (let run = 0; run < runs; run += 1) {
    const elapsed = await once();
    if (elapsed === null) return result;
    result.runsMs.push(elapsed);
  }
  result.ok = true;
  result.medianMs = median(result.runsMs);
  result.p95Ms = p95(result.runsMs);
  return result;
}

// ---------------------------------------------------------------------------------------
// The export-plus-NetworkX path

interface ScopeActorRow {
  id: string;
  sector: string;
}

interface ScopePairRow {
  source: string;
  target: string;
  sourceSector: string;
  targetSector: string;
  strength: number;
  kinds: string[];
}

interface AreaMembersRow {
  id: string;
  name: string;
  members: Array<{ id: string; sector: string }>;
}

interface Export {
  actors: ScopeActorRow[];
  pairs: ScopePairRow[];
  areas?: AreaMembersRow[];
}

/** What a client would export: the scope statements the service itself runs, through the same Database. */
async function exportScope(db: Database, scope: Scope, withAreas: boolean, timeoutMs: number): Promise<Export> {
  const params = scopeParams(scope);
  const limit = { timeoutMs };
  let actors: ScopeActorRow[];
  let pairs: ScopePairRow[];
  let areas: AreaMembersRow[] | null;
  try {
    [actors, pairs, areas] = await Promise.all([
      db.readRows<ScopeActorRow>('analytics/scopeActors', params, undefined, limit),
      db.readRows<ScopePairRow>('analytics/scopeTies', params, undefined, limit),
      withAreas ? db.readRows<AreaMembersRow>('analytics/areaMembers', { areaId: scope.areaId, asOf: scope.asOf, sectors: scope.sectors }, undefined, limit) : Promise.resolve(null),
    ]);
  } catch (error) {
    if (isTransactionTimeout(error)) throw new ExportTimeoutError(`the export did not finish within ${timeoutMs} ms (--export-timeout-ms)`);
    throw error;
  }
  return {
    actors: actors.map((actor) => ({ id: actor.id, sector: actor.sector })),
    pairs: pairs.map((pair) => ({
      source: pair.source,
      target: pair.target,
      sourceSector: pair.sourceSector,
      targetSector: pair.targetSector,
      strength: pair.strength,
      kinds: pair.kinds,
    })),
    ...(areas ? { areas } : {}),
  };
}

class ExportTimeoutError extends Error {}

interface PythonOutput {
  nodes: number;
  edges: number;
  computeSeconds: number;
  summary: Record<string, unknown>;
}

const PYTHON = process.env.PYTHON ?? 'python3';
const SCRIPT = path.join(__dirname, 'networkx_measures.py');

function runPython(measure: string, file: string, timeoutMs: number): Promise<{ ms: number; output: PythonOutput }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(PYTHON, [SCRIPT, measure, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${PYTHON}: ${error.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const elapsed = performance.now() - started;
      if (timedOut) return reject(new Error(`NetworkX did not finish within ${timeoutMs} ms (--nx-timeout-ms)`));
      if (code !== 0) return reject(new Error(`networkx_measures.py ${measure} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      try {
        const lines = stdout.trim().split('\n');
        resolve({ ms: elapsed, output: JSON.parse(lines[lines.length - 1]) as PythonOutput });
      } catch {
        reject(new Error(`networkx_measures.py ${measure} printed no JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

interface NxContext {
  db: Database;
  options: Options;
  workDir: string;
}

/** Per scope: set once an export of the scope timed out, so that the others are not tried. */
interface NxScopeState {
  blocked: string | null;
  /** Set when the scope's first export took longer than SLOW_EXPORT_MS: one NetworkX run per field then. */
  slowExportMs: number | null;
}

const SLOW_EXPORT_MS = 10_000;

async function timeNetworkx(ctx: NxContext, state: NxScopeState, spec: FieldSpec, scope: Scope, picks: Picks, nodes: number): Promise<NetworkxResult> {
  const { options } = ctx;
  const result: NetworkxResult = { status: 'ok', message: null, runs: [], medianMs: null, exportMedianMs: null, pythonMedianMs: null, computeMedianMs: null, estimated: false };
  if (!options.networkx) return { ...result, status: 'skipped', message: '--no-networkx' };
  if (state.blocked) return { ...result, status: 'skipped', message: state.blocked };
  const sampled = spec.measure === 'brokers' && nodes > options.nxExactBetweennessMax && options.nxBetweennessSources < nodes;
  const params: Record<string, unknown> = {
    seed: 42,
    resolution: 1,
    from: picks.actor,
    to: picks.pathEnd,
    maxHops: 4,
    actor: picks.actor,
    first: 10,
    ...(sampled ? { sample: options.nxBetweennessSources } : {}),
  };
  const file = path.join(ctx.workDir, 'export.json');
  const runs = state.slowExportMs !== null ? 1 : spec.heavy ? options.nxHeavyRuns : options.runs;
  for (let run = 0; run < runs; run += 1) {
    try {
      const started = performance.now();
      const data = await exportScope(ctx.db, scope, spec.areas === true, options.exportTimeoutMs);
      await fs.promises.writeFile(file, JSON.stringify({ ...data, params }));
      const exportMs = performance.now() - started;
      const { ms: pythonMs, output } = await runPython(spec.measure, file, options.nxTimeoutMs);
      if (typeof output.summary?.unavailable === 'string') {
        return { ...result, status: 'unavailable', message: output.summary.unavailable };
      }
      // Sampled betweenness: k of n single-source passes ran; the exact run makes n of them.
      const totalMs = sampled ? exportMs + pythonMs + output.computeSeconds * 1000 * (output.nodes / options.nxBetweennessSources - 1) : exportMs + pythonMs;
      result.runs.push({ exportMs, pythonMs, totalMs, estimated: sampled, computeSeconds: output.computeSeconds, nodes: output.nodes, edges: output.edges, summary: output.summary });
    } catch (error) {
      if (error instanceof ExportTimeoutError) state.blocked = `skipped: an earlier export of this scope timed out (${error.message})`;
      return { ...result, status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }
  result.estimated = sampled;
  result.medianMs = median(result.runs.map((run) => run.totalMs));
  result.exportMedianMs = median(result.runs.map((run) => run.exportMs));
  result.pythonMedianMs = median(result.runs.map((run) => run.pythonMs));
  // Sampled betweenness: NetworkX's compute for all sources, extrapolated as the total is.
  result.computeMedianMs = median(result.runs.map((run) => run.computeSeconds * 1000 * (sampled ? run.nodes / options.nxBetweennessSources : 1)));
  return result;
}

// ---------------------------------------------------------------------------------------
// Scopes

/** Picks the actors of connectionPaths and partnerSuggestions from the scope's network. */
function choosePicks(data: Export): Picks {
  const neighbours = new Map<string, string[]>();
  for (const actor of data.actors) neighbours.set(actor.id, []);
  for (const pair of data.pairs) {
    neighbours.get(pair.source)?.push(pair.target);
    neighbours.get(pair.target)?.push(pair.source);
  }
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  // The 90th percentile by degree among organisations with at least two partners: busy, not the busiest.
  const candidates = data.actors
    .filter((actor) => actor.sector !== 'CITIZEN' && degree(actor.id) >= 2)
    .map((actor) => actor.id)
    .sort((a, b) => degree(a) - degree(b) || (a < b ? -1 : 1));
  if (candidates.length === 0) return { actor: null, pathEnd: null };
  const actor = candidates[Math.floor(0.9 * (candidates.length - 1))];
  // Breadth-first to depth 4; the end is the smallest id at the deepest level reached (at least 2).
  const depth = new Map<string, number>([[actor, 0]]);
  let frontier = [actor];
  let deepest: string[] = [];
  for (let level = 1; level <= 4 && frontier.length > 0; level += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const partner of neighbours.get(node) ?? []) {
        if (depth.has(partner)) continue;
        depth.set(partner, level);
        next.push(partner);
      }
    }
    if (next.length > 0 && level >= 2) deepest = next;
    frontier = next;
  }
  const pathEnd = deepest.length > 0 ? deepest.reduce((a, b) => (a < b ? a : b)) : null;
  return { actor, pathEnd };
}

interface AreaCount {
  id: string;
  name: string;
  actors: number;
}

/** Actors active on asOf in each area, sub-areas included (the statement the area measures use). */
async function areaCounts(db: Database, asOf: string): Promise<AreaCount[]> {
  const rows = await db.readRows<AreaMembersRow>('analytics/areaMembers', { areaId: null, asOf, sectors: null });
  return rows.map((row) => ({ id: row.id, name: row.name, actors: row.members.length })).sort((a, b) => b.actors - a.actors || (a.id < b.id ? -1 : 1));
}

/** The service as it runs (`served`, with the collaboration index) and with Cypher alone (`cypher`). */
interface BenchApis {
  served: BenchApi;
  cypher: BenchApi;
}

function fieldResult(key: string, spec: FieldSpec, samverkan: SamverkanResult, networkx: NetworkxResult): FieldResult {
  const ratio = samverkan.ok && networkx.medianMs !== null && samverkan.medianMs ? networkx.medianMs / samverkan.medianMs : null;
  const target = spec.target ?? null;
  const computeRatio = samverkan.ok && networkx.computeMedianMs !== null && samverkan.medianMs ? networkx.computeMedianMs / samverkan.medianMs : null;
  // The targets are the served path's; the Cypher row shows what a request just after a write costs.
  const computeTarget = key.endsWith('(Cypher)') ? null : (spec.computeTarget ?? null);
  const nxRun = networkx.runs[0];
  return {
    key,
    field: spec.field,
    samverkan,
    networkx,
    ratio,
    target,
    meetsTarget: ratio === null || target === null ? null : target > 1 ? ratio >= target : ratio > target,
    computeRatio,
    computeTarget,
    meetsComputeTarget: computeRatio === null || computeTarget === null ? null : computeRatio >= computeTarget,
    sameNetwork: samverkan.nodeCount === null || !nxRun ? null : samverkan.nodeCount === nxRun.nodes && samverkan.tieCount === nxRun.edges,
  };
}

async function benchScope(apis: BenchApis, nx: NxContext, label: string, area: AreaCount | null, fields: FieldSpec[]): Promise<ScopeResult> {
  const api = apis.served;
  const { options } = nx;
  const scope = parseScope({ areaId: area?.id ?? null, asOf: options.asOf }, new Date());
  const state: NxScopeState = { blocked: null, slowExportMs: null };
  let sample: Export | null = null;
  try {
    const started = performance.now();
    sample = await exportScope(api.db, scope, false, options.exportTimeoutMs);
    const elapsed = performance.now() - started;
    if (elapsed > SLOW_EXPORT_MS) {
      state.slowExportMs = elapsed;
      log(`  scope ${label}: its export took ${ms(elapsed)} ms; one NetworkX run per field for this scope`);
    }
  } catch (error) {
    if (!(error instanceof ExportTimeoutError)) throw error;
    state.blocked = `skipped: the first export of this scope timed out (${error.message})`;
    log(`  scope ${label}: ${error.message}; no NetworkX path and no actor picks for this scope`);
  }
  const picks = sample ? choosePicks(sample) : { actor: null, pathEnd: null };
  const result: ScopeResult = {
    label,
    areaId: area?.id ?? null,
    areaName: area?.name ?? null,
    actors: sample?.actors.length ?? null,
    ties: sample?.pairs.length ?? null,
    picks,
    slowExportMs: state.slowExportMs,
    fields: [],
  };
  if (sample) log(`  scope ${label}: ${count(sample.actors.length)} actors, ${count(sample.pairs.length)} ties on ${options.asOf}`);
  for (const spec of fields) {
    const extra = spec.variables(picks);
    const noActor: Failure = { status: 'skipped', message: 'the scope has no actor suitable for this field' };
    const samverkan: SamverkanResult =
      extra === null
        ? { ok: false, failure: noActor, warmupMs: null, runsMs: [], medianMs: null, p95Ms: null, nodeCount: null, tieCount: null, engine: null }
        : await timeField(api, spec.document, { scope: { areaId: scope.areaId, asOf: scope.asOf }, ...extra }, options.runs, options.warmup);
    const svText = samverkan.ok ? `median ${ms(samverkan.medianMs)} ms, p95 ${ms(samverkan.p95Ms)} ms` : `${samverkan.failure?.status}: ${samverkan.failure?.message.slice(0, 160)}`;
    log(`    ${spec.key}: samverkan ${svText}`);
    const networkx =
      extra === null
        ? { status: 'skipped' as const, message: noActor.message, runs: [], medianMs: null, exportMedianMs: null, pythonMedianMs: null, computeMedianMs: null, estimated: false }
        : await timeNetworkx(nx, state, spec, scope, picks, result.actors ?? 0);
    if (networkx.status === 'ok') {
      log(`    ${spec.key}: export+networkx median ${ms(networkx.medianMs)} ms${networkx.estimated ? ' (estimated from sampled sources)' : ''}`);
    } else if (networkx.status !== 'skipped') {
      log(`    ${spec.key}: networkx ${networkx.status}: ${networkx.message?.slice(0, 200)}`);
    }
    result.fields.push(fieldResult(spec.key, spec, samverkan, networkx));
    if (spec.countBased && extra !== null) {
      // The same field when the index is not built for the graph version (just after a write).
      const cypher = await timeField(apis.cypher, spec.document, { scope: { areaId: scope.areaId, asOf: scope.asOf }, ...extra }, options.runs, options.warmup);
      log(`    ${spec.key} (Cypher): ${cypher.ok ? `median ${ms(cypher.medianMs)} ms` : cypher.failure?.status}`);
      result.fields.push(fieldResult(`${spec.key} (Cypher)`, spec, cypher, networkx));
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Report

function scopeTable(scope: ScopeResult): string {
  const rows = scope.fields.map((field) => {
    const { samverkan: sv, networkx: nx } = field;
    const svMedian = sv.ok ? ms(sv.medianMs) : (sv.failure?.status ?? 'error');
    const nxText =
      nx.status === 'ok' ? `${nx.estimated ? '~' : ''}${ms(nx.medianMs)}`
      : nx.status === 'unavailable' ? 'n/a in NetworkX'
      : nx.status === 'error' ? 'error'
      : nx.message === '--no-networkx' ? '–'
      : 'skipped';
    const parts = nx.status === 'ok' ? `${ms(nx.exportMedianMs)} + ${ms(nx.pythonMedianMs)}` : '';
    const target = field.target === null ? '' : field.target > 1 ? `≥${field.target}×` : '>1×';
    const meets = field.meetsTarget === null ? '' : field.meetsTarget ? 'yes' : 'NO';
    const same = field.sameNetwork === null ? '' : field.sameNetwork ? 'same' : 'DIFFERS';
    const computeTarget = field.computeTarget === null ? '' : `≥${field.computeTarget}×`;
    const computeMet = field.meetsComputeTarget === null ? '' : field.meetsComputeTarget ? 'PASS' : 'FAIL';
    return [
      field.key,
      sv.engine ?? '',
      svMedian,
      sv.ok ? ms(sv.p95Ms) : '',
      nxText,
      parts,
      ratioText(field.ratio, nx.estimated),
      target,
      meets,
      nx.status === 'ok' ? `${nx.estimated ? '~' : ''}${ms(nx.computeMedianMs)}` : '',
      ratioText(field.computeRatio, nx.estimated),
      computeTarget,
      computeMet,
      same,
    ];
  });
  return table(
    ['field', 'engine', 'samverkan median ms', 'p95 ms', 'export+networkx median ms', '(export + python)', 'nx/sv', 'target', 'met', 'nx compute ms', 'compute/sv', 'target', 'met', 'n/m'],
    rows,
    [2, 3, 4, 6, 9, 10],
  );
}

function scalingReport(cities: CityResult[]): { text: string; rows: Array<Record<string, unknown>> } {
  const withScaling = cities.filter((city) => city.scaling !== null);
  if (withScaling.length === 0) return { text: 'Per-area scaling: no area found.', rows: [] };
  const reference = withScaling[0];
  const refArea = reference.scaling as ScalingArea;
  const lines = [
    `Per-area scaling: an area of about ${count(refArea.actors)} actors (the root area of the ${count(reference.size)}-actor city) inside each city; ratio to the ${count(reference.size)}-actor city, target < 1.3`,
  ];
  const rows: Array<Record<string, unknown>> = [];
  const tableRows: string[][] = [];
  for (const city of withScaling) {
    const area = city.scaling as ScalingArea;
    for (const field of area.fields) {
      const ref = refArea.fields.find((candidate) => candidate.field === field.field)?.samverkan;
      const ratio = city !== reference && field.samverkan.ok && ref?.ok && ref.medianMs ? (field.samverkan.medianMs as number) / ref.medianMs : null;
      const sv = field.samverkan;
      rows.push({ city: city.size, areaId: area.areaId, areaActors: area.actors, field: field.field, medianMs: sv.medianMs, p95Ms: sv.p95Ms, ratio, failure: sv.failure });
      tableRows.push([
        count(city.size),
        `${area.areaName} (${area.areaId})`,
        count(area.actors),
        field.field,
        sv.ok ? ms(sv.medianMs) : (sv.failure?.status ?? 'error'),
        sv.ok ? ms(sv.p95Ms) : '',
        city === reference ? '(reference)' : ratio === null ? '–' : `${ratio.toFixed(2)}`,
        city === reference || ratio === null ? '' : ratio < 1.3 ? 'yes' : 'NO',
      ]);
    }
  }
  lines.push(table(['city', 'area', 'actors', 'field', 'median ms', 'p95 ms', 'ratio', '<1.3'], tableRows, [0, 2, 4, 5, 6]));
  return { text: lines.join('\n'), rows };
}

// ---------------------------------------------------------------------------------------
// Main

function machineInfo(): Record<string, unknown> {
  const cpus = os.cpus();
  const python = spawnSync(PYTHON, ['-c', 'import sys, networkx; print(sys.version.split()[0], networkx.__version__)'], { encoding: 'utf8' });
  const [pythonVersion, networkxVersion] = python.status === 0 ? python.stdout.trim().split(' ') : [null, null];
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    freeMemoryGiBAtStart: Number((os.freemem() / 2 ** 30).toFixed(1)),
    loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: pythonVersion,
    networkx: networkxVersion,
  };
}

async function loadCity(db: Database, size: number, seed: number): Promise<{ summary: LoadSummary; wipeSeconds: number }> {
  const wipeStarted = performance.now();
  await wipeDatabase(db);
  const wipeSeconds = (performance.now() - wipeStarted) / 1000;
  await migrate(db, silentLogger);
  const city = generateCity({ actors: size, seed });
  log(
    `city of ${count(size)} actors (seed ${seed}, generator ${generatorVersion}): ${city.layout.districts} districts, ${city.layout.neighbourhoods} neighbourhoods, ` +
      `${count(city.layout.localTies + city.layout.crossTies)} ties planned; loading…`,
  );
  let lastShown = 0;
  const summary = await loadDataset(db, city, {
    onProgress: (done, total, phase) => {
      const percent = Math.floor((done / Math.max(total, 1)) * 10) * 10;
      if (percent > lastShown) {
        lastShown = percent;
        log(`  loaded ${percent}% (${phase})`);
      }
    },
  });
  return { summary, wipeSeconds };
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const fields = FIELDS.filter((spec) => options.fields === null || options.fields.includes(spec.field));
  const scalingFields = options.scalingFields.map((name) => FIELDS.find((spec) => spec.field === name) as FieldSpec);
  const startedAt = new Date();
  const machine = machineInfo();
  if (options.networkx && machine.networkx === null) {
    log(`${PYTHON} with networkx was not found: the NetworkX path is skipped (install networkx, or set PYTHON)`);
    options.networkx = false;
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-'));
  let embedded: EmbeddedNeo4j | null = null;
  let db: Database | null = null;
  let api: BenchApi | null = null;
  let cypherApi: BenchApi | null = null;
  let index: CollaborationIndexStore | null = null;
  const cleanUp = async (): Promise<void> => {
    await api?.close().catch(() => undefined);
    await cypherApi?.close().catch(() => undefined);
    await index?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await embedded?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    log('interrupted: stopping');
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    let uri: string;
    let auth: { username?: string; password?: string } = {};
    let databaseName: string | undefined;
    if (config.database.mode === 'external') {
      ({ uri } = config.database);
      auth = { username: config.database.username, password: config.database.password };
      databaseName = config.database.database;
      log(`NEO4J_URI is set: this benchmark WIPES the database at ${uri}${databaseName ? ` (database ${databaseName})` : ''} before every city.`);
      if (!options.yes) {
        log('Press Ctrl-C within 10 s to keep it (pass --yes to skip this pause).');
        await sleep(10_000);
      }
    } else {
      log(`starting an embedded Neo4j in ${workDir} (heap ${config.database.heap}, page cache ${config.database.pageCache})`);
      embedded = await startEmbeddedNeo4j({
        dataDir: path.join(workDir, 'neo4j'),
        heap: config.database.heap,
        pageCache: config.database.pageCache,
        log: options.verbose ? (line) => process.stderr.write(`neo4j: ${line}\n`) : undefined,
      });
      uri = embedded.uri;
      databaseName = config.database.database;
      log(`embedded Neo4j pid ${embedded.pid} at ${uri}`);
    }
    db = new Database(createDriver({ uri, ...auth }), QueryStore.load(), databaseName);
    await migrate(db, silentLogger);
    index = new CollaborationIndexStore({ db, logger: silentLogger });
    api = await createBenchApi(db, options.timeoutMs, options.verbose, index);
    cypherApi = await createBenchApi(db, options.timeoutMs, options.verbose);
    const apis: BenchApis = { served: api, cypher: cypherApi };
    const info = await api.run('{ serviceInfo { version neo4jVersion gdsVersion apocVersion } }', {});
    const versions = (info.data?.serviceInfo as ServiceInfo | undefined) ?? null;

    const header = [
      `Samverkan analytics benchmark — ${startedAt.toISOString()}`,
      `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB memory, load average ${(machine.loadAverageAtStart as number[]).join(' ')}; ${machine.platform}; node ${machine.node}; python ${machine.python ?? '–'}, networkx ${machine.networkx ?? '–'}`,
      `database: Neo4j ${versions?.neo4jVersion ?? '?'}, GDS ${versions?.gdsVersion ?? 'none'}, APOC ${versions?.apocVersion ?? 'none'} (${embedded ? `embedded, heap ${config.database.mode === 'embedded' ? config.database.heap : ''}` : 'external'}); Samverkan ${versions?.version ?? VERSION}`,
      `sizes ${options.sizes.map(count).join(', ')}; seed ${options.seed}; asOf ${options.asOf}; ${options.runs} timed runs${options.warmup ? ' after 1 warm-up' : ', no warm-up'}, analytics cache bypassed; analytics timeout ${options.timeoutMs} ms; ` +
        `NetworkX: ${options.networkx ? `${options.runs} runs (${options.nxHeavyRuns} for betweenness and communities), betweenness estimated from ${options.nxBetweennessSources} sampled sources above ${count(options.nxExactBetweennessMax)} actors` : 'skipped'}`,
    ].join('\n');
    process.stdout.write(`${header}\n`);

    const cities: CityResult[] = [];
    let scalingTarget: number | null = null;
    for (const size of options.sizes) {
      const { summary, wipeSeconds } = await loadCity(db, size, options.seed);
      const counts = await areaCounts(db, options.asOf);
      // The server builds it in the background after a write; here it is built before timing, and its build time reported.
      const before = memoryNow();
      let built = await index.refresh();
      const after = memoryNow();
      const memoryLine = `   memory after a full GC: before the index ${before.rssMb} MB RSS (heap ${before.heapUsedMb} MB), with it ${after.rssMb} MB RSS (heap ${after.heapUsedMb} MB, array buffers ${after.arrayBuffersMb} MB)\n`;
      if (options.indexMemory) {
        process.stdout.write(`${await compareIndexMemory(db, index)}\n`);
        built = await index.refresh();
      }
      const city: CityResult = {
        size,
        seed: options.seed,
        generator: generatorVersion,
        load: { seconds: summary.seconds, rows: summary.rows, phaseSeconds: summary.phaseSeconds, wipeSeconds },
        areas: counts.length,
        index: built ? { buildMs: index.lastBuildMs, actors: built.actorCount, ties: built.tieCount } : null,
        scopes: [],
        scaling: null,
      };
      process.stdout.write(
        `\n== City of ${count(size)} actors: loaded in ${summary.seconds.toFixed(1)} s (wipe ${wipeSeconds.toFixed(1)} s): ` +
          `${count(summary.rows.actors)} actors, ${count(summary.rows.collaborations)} ties, ${count(summary.rows.memberships)} memberships, ${count(counts.length)} areas\n` +
          `   collaboration index: ${city.index ? `built in ${ms(city.index.buildMs)} ms (${count(city.index.actors)} actors, ${count(city.index.ties)} ties), once per graph version` : 'not built (a write landed during its load)'}\n` +
          memoryLine,
      );
      const root = counts[0] ?? null;
      const district = counts.find((area) => area !== root) ?? null;
      const scopes: Array<[string, AreaCount | null]> = [['whole city', null]];
      if (district) scopes.push([`largest district ${district.name} (${district.id})`, district]);
      for (const [label, area] of scopes) {
        const scope = await benchScope(apis, { db, options, workDir }, label, area, fields);
        city.scopes.push(scope);
        const size = scope.actors === null || scope.ties === null ? 'size unknown (export timed out)' : `${count(scope.actors)} actors, ${count(scope.ties)} ties (distinct pairs)`;
        const slow = scope.slowExportMs === null ? '' : ` — its export took ${ms(scope.slowExportMs)} ms, so NetworkX ran once per field`;
        process.stdout.write(`\n-- ${label}: ${size} on ${options.asOf}${slow}\n${scopeTable(scope)}\n`);
      }
      // Per-area scaling: the root area of the smallest city; in larger ones the area closest to its size.
      if (root && scalingFields.length > 0) {
        scalingTarget ??= root.actors;
        const target = scalingTarget;
        const area = cities.length === 0 ? root : counts.filter((candidate) => candidate !== root).sort((a, b) => Math.abs(a.actors - target) - Math.abs(b.actors - target))[0];
        if (area) {
          log(`  per-area scaling: ${area.name} (${area.id}), ${count(area.actors)} actors`);
          const scope = { areaId: area.id, asOf: options.asOf };
          const timed: ScalingArea = { areaId: area.id, areaName: area.name, actors: area.actors, fields: [] };
          for (const spec of scalingFields) {
            const extra = spec.variables({ actor: null, pathEnd: null });
            const samverkan: SamverkanResult =
              extra === null
                ? { ok: false, failure: { status: 'skipped', message: 'needs actors: not a per-area scaling field' }, warmupMs: null, runsMs: [], medianMs: null, p95Ms: null, nodeCount: null, tieCount: null, engine: null }
                : await timeField(api, spec.document, { scope, ...extra }, options.scalingRuns, options.warmup);
            log(`    ${spec.field}: ${samverkan.ok ? `median ${ms(samverkan.medianMs)} ms` : samverkan.failure?.status}`);
            timed.fields.push({ field: spec.field, samverkan });
            if (spec.countBased && extra !== null) {
              const cypher = await timeField(cypherApi, spec.document, { scope, ...extra }, options.scalingRuns, options.warmup);
              log(`    ${spec.field} (Cypher): ${cypher.ok ? `median ${ms(cypher.medianMs)} ms` : cypher.failure?.status}`);
              timed.fields.push({ field: `${spec.field} (Cypher)`, samverkan: cypher });
            }
          }
          city.scaling = timed;
        }
      }
      cities.push(city);
    }

    const scaling = scalingReport(cities);
    process.stdout.write(`\n${scaling.text}\n`);
    const notes = [
      'Notes: ratios are NetworkX median ÷ Samverkan median; "~" marks a NetworkX time extrapolated from sampled betweenness sources',
      '(compute time × n/k, plus the export, Python start-up and graph build as measured). p95 is nearest-rank (with < 20 runs: the slowest run).',
      '"n/m" compares the actors and ties of the service\'s method block with the graph NetworkX built. Timings on a shared machine are noisy.',
    ].join('\n');
    process.stdout.write(`\n${notes}\n`);

    const finishedAt = new Date();
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))) },
      versions,
      database: embedded ? { mode: 'embedded', heap: config.database.mode === 'embedded' ? config.database.heap : null, pageCache: config.database.mode === 'embedded' ? config.database.pageCache : null } : { mode: 'external' },
      options,
      cities,
      scaling: scaling.rows,
    };
    const outDir = path.join(repositoryRoot(), '.bench');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `analytics-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\nResults written to ${path.relative(process.cwd(), outFile)}\n`);
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

void main().then((code) => process.exit(code));
