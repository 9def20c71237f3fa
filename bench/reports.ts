/**
 * The report benchmark (issue 8): `npm run bench:reports [-- --actors 10000 --runs 3 --period 2025-Q2]`.
 *
 * Loads a generated city (src/seed/generateCity.ts) into an embedded Neo4j in a
 * temporary folder (or NEO4J_URI, which is then WIPED), builds the collaboration
 * index as the server does, and for the whole city and its largest district
 * times one quarterly partnership report as an ANALYST would get it: the model
 * (every analytics field it needs, the 8-quarter trend, tie changes, initiatives,
 * brokers and risks) and each rendering (PDF, HTML, XLSX, CSV set). Every run gets
 * a fresh AnalyticsService and cache, so nothing is served from an earlier run.
 * The model is also timed without brokers and risks (betweenness: exact up to
 * 2,000 actors, else the report's Riondato–Kornaropoulos estimate, ε 0.01; risks by GDS).
 * The analytics timeout is --timeout-ms (default 30000, the service's own
 * default). Prints a table; asserts nothing (tests check correctness, not
 * time). Targets: a district under 2 s, the whole 100k city under 10 s.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { AnalyticsCache } from '../src/analytics/analyticsCache';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';
import { parseScope } from '../src/analytics/scope';
import type { Principal } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { loadGeneratedCity, openBenchDatabase } from './benchDatabase';
import { silentLogger } from '../src/logger';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { VERSION } from '../src/version';
import { buildPartnershipReport, REPORT_BETWEENNESS, type ReportOptions } from '../src/reports/buildReport';
import { gdsResolvers } from '../src/analytics/gdsResolvers';
import type { BetweennessInput } from '../src/analytics/brokersAnalysis';
import { parsePeriod } from '../src/reports/period';
import { renderReport, REPORT_FORMATS } from '../src/reports/renderReport';
import { stopChartRenderer } from '../src/reports/chartRenderer';

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    period: { type: 'string', default: '2025-Q2' },
    runs: { type: 'string', default: '3' },
    'timeout-ms': { type: 'string', default: '30000' },
    // Exact (GDS) brokers beside the report's estimate, for the ratio; off for scopes above this many actors (the 100k city takes 43 min).
    'exact-max': { type: 'string', default: '20000' },
    yes: { type: 'boolean', default: false },
  },
});
const ACTORS = Number(values.actors);
const RUNS = Number(values.runs);
const ANALYST: Principal = { id: 'bench:analyst', via: 'system', role: 'ANALYST', organisations: [] };
const log = (line: string) => process.stderr.write(`[bench:reports] ${line}\n`);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

async function main(): Promise<void> {
  const config = loadConfig();
  const period = parsePeriod(values.period as string, '--period');
  const bench = await openBenchDatabase(config, 'reports', log, Boolean(values.yes));
  const { db } = bench;
  const index = new CollaborationIndexStore({ db, logger: silentLogger });
  const serviceInfo = createServiceInfoProvider(db, VERSION);
  try {
    const loaded = await loadGeneratedCity(db, { actors: ACTORS, seed: Number(values.seed) }, log);
    const built = await index.refresh();
    if (!built) throw new Error('the collaboration index could not be built');
    log(`loaded in ${loaded.seconds.toFixed(1)} s: ${built.actorCount} actors, ${built.tieCount} ties; index built in ${ms(index.lastBuildMs ?? 0)}`);

    const root = built.areaIds.findIndex((id) => !built.areaChildren.some((children) => children.includes(built.areaIndexOf.get(id) as number)));
    const districts = built.areaChildren[root].map((area) => {
      const scope = parseScope({ areaId: built.areaIds[area], asOf: period.end }, new Date());
      return { id: built.areaIds[area], members: built.membersOf(scope, built.filterOf(scope)).list.length };
    });
    const largest = districts.sort((a, b) => b.members - a.members)[0];
    const scopes = [
      { label: `largest district ${largest.id} (${largest.members} actors)`, areaId: largest.id },
      { label: `whole city (${built.actorCount} actors)`, areaId: null },
    ];

    // A fresh service and cache per run, as a first request after a write would find them (the index kept).
    const fresh = () => {
      const analytics = new AnalyticsService({ db, serviceInfo, logger: silentLogger, timeoutMs: Number(values['timeout-ms']), cache: new AnalyticsCache(), index });
      return createContext({ db, logger: silentLogger, serviceInfo, analytics, principal: ANALYST });
    };
    const timeModel = async (areaId: string | null, options: ReportOptions) => {
      const started = performance.now();
      const report = await buildPartnershipReport(fresh(), { period: period.label, areaId, lang: 'SV' }, options);
      return { elapsed: performance.now() - started, report };
    };

    const rows: string[][] = [];
    for (const { label, areaId } of scopes) {
      log(`${label}: warming up…`);
      // The running service has its chart worker and fonts loaded: so does every timed run.
      const warm = await timeModel(areaId, {});
      for (const format of REPORT_FORMATS) await renderReport(warm.report, format);
      const model: number[] = [];
      const withoutGds: number[] = [];
      const render: Record<string, number[]> = Object.fromEntries(REPORT_FORMATS.map((format) => [format, []]));
      const total: number[] = [];
      let brokers = '';
      for (let i = 0; i < RUNS; i += 1) {
        log(`${label}: run ${i + 1} of ${RUNS}…`);
        withoutGds.push((await timeModel(areaId, { withoutGds: true })).elapsed);
        const { elapsed, report } = await timeModel(areaId, {});
        model.push(elapsed);
        const sampling = report.methods.find((method) => method.field === 'brokers')?.sampling;
        const how = sampling ? `sampled r=${sampling.sampleSize}, ±${sampling.errorBound.toFixed(4)}` : 'exact';
        brokers = report.gdsUnavailable ? report.gdsUnavailable.code : `${report.brokers?.length ?? 0} brokers, ${how}`;
        let rendering = 0;
        for (const format of REPORT_FORMATS) {
          const started = performance.now();
          await renderReport(report, format);
          const took = performance.now() - started;
          render[format].push(took);
          rendering += took;
        }
        total.push(elapsed + rendering);
      }
      // The brokers alone, the report's estimate and GDS's exact betweenness, interleaved in this run (a fresh cache each).
      const timeBrokers = async (betweenness: BetweennessInput) => {
        const started = performance.now();
        await gdsResolvers.Query.brokers(null, { scope: { areaId, asOf: period.end }, first: 10, betweenness }, fresh());
        return performance.now() - started;
      };
      const actorsInScope = areaId ? largest.members : built.actorCount;
      const sampledMs: number[] = [];
      const exactMs: number[] = [];
      let exactFailure = '';
      for (let i = 0; i < RUNS; i += 1) {
        sampledMs.push(await timeBrokers(REPORT_BETWEENNESS));
        if (actorsInScope > Number(values['exact-max']) || exactFailure) continue;
        // A failure (usually ANALYTICS_TIMEOUT) is named in the table, not averaged in as NaN.
        await timeBrokers({ method: 'EXACT' }).then((elapsed) => exactMs.push(elapsed), (error: unknown) => { exactFailure = error instanceof Error ? error.message.slice(0, 60) : String(error); });
      }
      const brokerColumns = [
        ms(median(sampledMs)),
        exactMs.length ? ms(median(exactMs)) : exactFailure ? `failed: ${exactFailure}` : 'not run',
        exactMs.length ? `${(median(exactMs) / median(sampledMs)).toFixed(1)}×` : '–',
        `${(median(model) / median(withoutGds)).toFixed(2)}×`,
      ];
      const target = areaId ? 2000 : 10_000;
      const row = [
        label,
        ms(median(withoutGds)),
        `${ms(median(model))} (${brokers})`,
        ...REPORT_FORMATS.map((format) => ms(median(render[format]))),
        ms(median(total)),
        `< ${ms(target)}: ${median(total) < target ? 'yes' : 'NO'}`,
        ...brokerColumns,
      ];
      rows.push(row);
      // Said at once too: a later scope that fails must not take this one's figures with it.
      log(`${label}: ${row.slice(1).join(' · ')}`);
    }
    const headers = ['scope', 'model without brokers', 'model', ...REPORT_FORMATS.map((f) => f.toUpperCase()), 'report, all formats', 'target', 'brokers (estimate)', 'brokers (exact, GDS)', 'exact ÷ estimate', 'model ÷ without brokers'];
    const widths = headers.map((header, at) => Math.max(header.length, ...rows.map((row) => row[at].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, at) => cell.padEnd(widths[at])).join(' | ')} |`;
    process.stdout.write(
      `\nReport benchmark: ${built.actorCount} actors, ${built.tieCount} ties, period ${period.label} (8-quarter trend), as an ANALYST; median of ${RUNS} runs, each with a fresh analytics cache; ${os.cpus().length} cores, node ${process.version}\n` +
        `${line(headers)}\n${line(widths.map((width) => '-'.repeat(width)))}\n${rows.map(line).join('\n')}\n`,
    );
  } finally {
    await stopChartRenderer();
    await index.close().catch(() => undefined);
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:reports] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
