/**
 * The network payload and export benchmark (issue 9):
 * `npm run bench:network [-- --sizes 10000,100000 --as-of 2025-06-30 --timeout-ms 30000]`.
 *
 * For each size, loads a generated city (src/seed/generateCity.ts) into an
 * embedded Neo4j in a temporary folder (or NEO4J_URI, which is then WIPED),
 * builds the collaboration index as the server does, and for its largest
 * district and the whole city times, as an ANALYST would get them:
 * - the `network` payload with layout NONE (a fresh analytics cache);
 * - with FORCE_ATLAS2, cold (fresh cache: payload and layout computed) and warm
 *   (the same service, the as-of date moved a quarter, as the explorer's slider
 *   does: a new payload, the layout from the cache);
 * - the explorer's first request, the union over the slider's range with its
 *   layout (`overLayoutPeriod`), cold and warm, against the 3 s first-picture target,
 *   and a slider step's work in the page (dateFilter on that union, no request),
 *   median and p95 over the monthly dates of the last ten years, against 300 ms;
 * - each export rendered from the payload (GEXF, GraphML, Cytoscape JSON, CSV
 *   zip): time and size.
 * Ratios are of figures measured in the same run. `--sizes` takes 10000 (a district
 * and the whole city) and 100000 (a whole city's figures). Asserts nothing: tests
 * check correctness, not time.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { AnalyticsCache } from '../src/analytics/analyticsCache';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';
import { parseScope, type Scope } from '../src/analytics/scope';
import type { Principal } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { createContext, type Context } from '../src/context';
import { silentLogger } from '../src/logger';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { VERSION } from '../src/version';
import { loadNetwork, type NetworkLayout, type NetworkPayload } from '../src/visualisation/networkService';
import { renderNetworkFile } from '../src/visualisation/exports/renderNetworkFile';
import { EXPORT_FORMATS } from '../src/visualisation/exports/networkFile';
import { DateFilter } from '../web/explorer/src/dateFilter';
import { loadGeneratedCity, openBenchDatabase } from './benchDatabase';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2025-06-30' },
    'timeout-ms': { type: 'string', default: '30000' },
    yes: { type: 'boolean', default: false },
  },
});
const ANALYST: Principal = { id: 'bench:analyst', via: 'system', role: 'ANALYST', organisations: [] };
const log = (line: string) => process.stderr.write(`[bench:network] ${line}\n`);
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const size = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(0)} kB`);

/** Three months earlier: one step of the explorer's slider. */
function quarterBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() - 3);
  return day.toISOString().slice(0, 10);
}

const FIRST_PICTURE_TARGET_MS = 3000;
const STEP_TARGET_MS = 300;
const verdict = (value: number, target: number) => (value <= target ? 'PASS' : 'FAIL');
const quantile = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * list.length) - 1)];

/** The slider's monthly dates over the ten years up to asOf (month ends). */
function monthEnds(asOf: string): string[] {
  const end = new Date(`${asOf}T00:00:00Z`);
  return Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 0)).toISOString().slice(0, 10)).reverse();
}

/** A slider step's work in the page: filtering the union by date (no drawing), over every month. */
function stepFilterMs(payload: NetworkPayload, dates: string[]): number[] {
  const filter = new DateFilter(payload.nodes, payload.edges);
  return dates.map((date) => {
    const started = performance.now();
    filter.at(date);
    return performance.now() - started;
  });
}

/** Runs and times one payload; a coded error (ANALYTICS_TIMEOUT) is a result too. */
async function timed(ctx: Context, scope: Scope, layout: NetworkLayout, overLayoutPeriod = false): Promise<{ ms: number; payload: NetworkPayload | null; outcome: string }> {
  const started = performance.now();
  try {
    const payload = await loadNetwork(ctx, { scope, layout, layoutFrom: null, layoutTo: null, include: [], overLayoutPeriod });
    return { ms: performance.now() - started, payload, outcome: ms(performance.now() - started) };
  } catch (error) {
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    if (!code) throw error;
    return { ms: performance.now() - started, payload: null, outcome: `${code} after ${ms(performance.now() - started)}` };
  }
}

async function benchSize(actors: number, rows: string[][]): Promise<void> {
  const config = loadConfig();
  const asOf = values['as-of'] as string;
  const bench = await openBenchDatabase(config, 'network', log, Boolean(values.yes));
  const { db } = bench;
  const index = new CollaborationIndexStore({ db, logger: silentLogger });
  const serviceInfo = createServiceInfoProvider(db, VERSION);
  try {
    await loadGeneratedCity(db, { actors, seed: Number(values.seed) }, log);
    const built = await index.refresh();
    if (!built) throw new Error('the collaboration index could not be built');
    log(`${built.actorCount} actors, ${built.tieCount} ties; index built in ${ms(index.lastBuildMs ?? 0)}`);
    const isChild = new Set(built.areaChildren.flat());
    const city = built.areaIds.findIndex((_, area) => !isChild.has(area));
    const sized = built.areaChildren[city].map((area) => {
      const scope = parseScope({ areaId: built.areaIds[area], asOf }, new Date());
      return { areaId: built.areaIds[area], members: built.membersOf(scope, built.filterOf(scope)).list.length };
    });
    const district = sized.sort((a, b) => b.members - a.members)[0];
    const fresh = () => {
      const analytics = new AnalyticsService({ db, serviceInfo, logger: silentLogger, timeoutMs: Number(values['timeout-ms']), cache: new AnalyticsCache(), index });
      return createContext({ db, logger: silentLogger, serviceInfo, analytics, principal: ANALYST });
    };
    for (const { label, areaId } of [
      { label: `${actors / 1000}k city, largest district ${district.areaId} (${district.members} actors)`, areaId: district.areaId },
      { label: `${actors / 1000}k city, whole city (${built.actorCount} actors)`, areaId: null },
    ]) {
      const scope = parseScope({ areaId, asOf }, new Date());
      log(`${label}: payload…`);
      const none = await timed(fresh(), scope, 'NONE');
      const shared = fresh();
      const cold = await timed(shared, scope, 'FORCE_ATLAS2');
      const warm = await timed(shared, { ...scope, asOf: quarterBefore(asOf) }, 'FORCE_ATLAS2');
      // The explorer's first picture: the union over the slider's range with its layout, on a fresh service and again on the same one.
      const explorer = fresh();
      const unionCold = await timed(explorer, scope, 'FORCE_ATLAS2', true);
      const unionWarm = await timed(explorer, scope, 'FORCE_ATLAS2', true);
      const steps = unionWarm.payload ? stepFilterMs(unionWarm.payload, monthEnds(asOf)) : [];
      const payload = cold.payload ?? none.payload;
      const exports: string[] = [];
      for (const format of EXPORT_FORMATS) {
        if (!payload) break;
        const started = performance.now();
        const file = await renderNetworkFile(payload, format, { areaId, asOf, span: null });
        exports.push(`${ms(performance.now() - started)}, ${size(Buffer.byteLength(file.content))}`);
      }
      const row = [
        label,
        `${payload?.nodes.length ?? '?'} / ${payload?.edges.length ?? '?'}`,
        none.outcome,
        cold.outcome,
        warm.outcome,
        cold.payload && none.payload ? `${(cold.ms / none.ms).toFixed(1)}×` : '–',
        `${unionWarm.payload?.nodes.length ?? '?'} / ${unionWarm.payload?.edges.length ?? '?'}`,
        unionCold.payload ? `${unionCold.outcome} ${verdict(unionCold.ms, FIRST_PICTURE_TARGET_MS)}` : unionCold.outcome,
        unionWarm.payload ? `${unionWarm.outcome} ${verdict(unionWarm.ms, FIRST_PICTURE_TARGET_MS)}` : unionWarm.outcome,
        steps.length ? `${quantile(steps, 0.5).toFixed(1)} ms / ${quantile(steps, 0.95).toFixed(1)} ms ${verdict(quantile(steps, 0.95), STEP_TARGET_MS)}` : '–',
        ...EXPORT_FORMATS.map((_, at) => exports[at] ?? '–'),
      ];
      rows.push(row);
      log(row.join(' · '));
    }
  } finally {
    await index.close();
    await bench.close();
  }
}

async function main(): Promise<void> {
  const sizes = (values.sizes as string).split(',').map(Number);
  const rows: string[][] = [];
  for (const actors of sizes) await benchSize(actors, rows);
  const headers = [
    'scope',
    'nodes / ties',
    'payload NONE',
    'FORCE_ATLAS2 cold',
    'FORCE_ATLAS2 warm (another date)',
    'cold ÷ NONE',
    'explorer union nodes / ties',
    'first picture request, cold (≤ 3 s)',
    'first picture request, warm (≤ 3 s)',
    'slider step filter median / p95 (≤ 300 ms)',
    ...EXPORT_FORMATS.map((f) => `${f} (render, size)`),
  ];
  const widths = headers.map((header, at) => Math.max(header.length, ...rows.map((row) => row[at].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, at) => cell.padEnd(widths[at])).join(' | ')} |`;
  process.stdout.write(
    `\nNetwork benchmark: as of ${values['as-of']}, as an ANALYST, no measures; analytics timeout ${values['timeout-ms']} ms; ${os.cpus().length} cores, node ${process.version}\n\n` +
      [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') +
      '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
