/**
 * The timeline benchmark (issue 8): `npm run bench:timeline [-- --actors 10000]`.
 *
 * Loads a generated city (src/seed/generateCity.ts) into an embedded Neo4j in a
 * temporary folder (or NEO4J_URI, which is then WIPED), builds the collaboration
 * index as the server does, and for the whole city and its largest district times:
 *  - the 40-quarter `timeline` through the real schema and resolvers;
 *  - one single-date answer (sectorMatrix + eiIndex + assortativity + helixCoverage
 *    in one operation) and (a) that answer at each of the 40 quarter ends;
 *  - (b) the path an analyst has today: one as-of export per quarter (the scope
 *    statements analytics/scopeActors, scopeTies and areaMembers, as
 *    bench/analytics/networkx.ts exports) written to JSON, then one Python process that
 *    imports bench/networkx_measures.py and computes the same four measures with
 *    NetworkX on each quarter's graph.
 * Every Samverkan run gets a fresh AnalyticsService and cache. It prints times and
 * ratios and asserts nothing (tests check correctness, not time).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { AnalyticsCache } from '../src/analytics/analyticsCache';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';
import { parseScope, scopeParams } from '../src/analytics/scope';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { createContext, type Context } from '../src/context';
import { loadGeneratedCity, openBenchDatabase } from './benchDatabase';
import { armorFor } from '../src/limits/armor';
import { graphqlOptions } from '../src/server/graphqlOptions';
import { createLogger, silentLogger } from '../src/logger';
import { buildSchema } from '../src/schema/buildSchema';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { parseRange, periodsBetween } from '../src/timeline/period';
import { VERSION } from '../src/version';

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: '2016-Q1' },
    to: { type: 'string', default: '2025-Q4' },
    runs: { type: 'string', default: '3' },
    // At 100k actors the comparisons take an hour: time them on every k-th quarter end and scale by 40/(quarters timed).
    'compare-every': { type: 'string', default: '1' },
    'no-networkx': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
  },
});
const ACTORS = Number(values.actors);
const RUNS = Number(values.runs);
const log = (line: string) => process.stderr.write(`[bench:timeline] ${line}\n`);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

const TIMELINE = `query($scope: AnalyticsScope, $from: Period!, $to: Period!) { timeline(scope: $scope, from: $from, to: $to) {
  points { asOf actors ties crossSectorTies crossSectorShare density eiIndex { value } expectedEiIndex assortativity
    helixCoverage { coverage missingPairs { sectorA sectorB } } tiesOpened tiesEnded actorsJoined actorsLeft sectorPairsConnected { sectorA } sectorPairsDisconnected { sectorA } }
  method { engine } } }`;
const SINGLE = `query($scope: AnalyticsScope) {
  sectorMatrix(scope: $scope) { totalTies cells { ties density } sectors { actors } }
  eiIndex(scope: $scope) { overall { value } expected }
  assortativity(scope: $scope) { coefficient }
  helixCoverage(scope: $scope) { areas { coverage missingPairs { sectorA sectorB } } } }`;

const PYTHON_DRIVER = `
import json, sys, time
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import networkx as nx
import networkx_measures as m
imported = time.perf_counter()
ties = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    G = nx.Graph()
    G.add_nodes_from((a["id"], {"sector": a["sector"]}) for a in data["actors"])
    for p in data["pairs"]:
        if p["source"] not in G: G.add_node(p["source"], sector=p["sourceSector"])
        if p["target"] not in G: G.add_node(p["target"], sector=p["targetSector"])
    G.add_edges_from((p["source"], p["target"]) for p in data["pairs"])
    for measure in (m.sector_matrix, m.ei_index, m.assortativity, m.helix_coverage):
        measure(G, data, {})
    ties += G.number_of_edges()
print(json.dumps({"importSeconds": imported - started, "seconds": time.perf_counter() - started, "ties": ties}))
`;

async function main(): Promise<void> {
  const config = loadConfig();
  const bench = await openBenchDatabase(config, 'timeline', log, Boolean(values.yes));
  const { db, workDir } = bench;
  const index = new CollaborationIndexStore({ db, logger: silentLogger });
  const logger = createLogger('error', (line) => process.stderr.write(`${line}\n`));
  const serviceInfo = createServiceInfoProvider(db, VERSION);
  const server = new ApolloServer<Context>(graphqlOptions({ schema: buildSchema(), logger, armor: armorFor(config.limits) }));
  await server.start();
  try {
    const loaded = await loadGeneratedCity(db, { actors: ACTORS, seed: Number(values.seed) }, log);
    const built = await index.refresh();
    if (!built) throw new Error('the collaboration index could not be built');
    log(`loaded in ${loaded.seconds.toFixed(1)} s: ${built.actorCount} actors, ${built.tieCount} ties; index built in ${ms(index.lastBuildMs ?? 0)}`);

    // A fresh service and cache per run: nothing is served from the analytics cache.
    const run = async (query: string, variables: Record<string, unknown>, analytics = new AnalyticsService({ db, serviceInfo, logger: silentLogger, timeoutMs: 600_000, cache: new AnalyticsCache(), index })) => {
      const contextValue = createContext({ db, logger, serviceInfo, analytics, principal: SYSTEM_PRINCIPAL });
      const started = performance.now();
      const response = await server.executeOperation<Record<string, never>>({ query, variables }, { contextValue });
      const elapsed = performance.now() - started;
      if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(`operation failed: ${JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : null)}`);
      return { elapsed, data: response.body.singleResult.data as Record<string, unknown> };
    };

    // The largest district: the child of the root area with the most members as of the last quarter.
    const { from, to } = parseRange(values.from as string, values.to as string);
    const quarters = periodsBetween(from, to, 'QUARTER');
    const root = built.areaIds.findIndex((id) => !built.areaChildren.some((children) => children.includes(built.areaIndexOf.get(id) as number)));
    const districts = built.areaChildren[root].map((area) => {
      const scope = parseScope({ areaId: built.areaIds[area], asOf: to.last }, new Date());
      return { id: built.areaIds[area], members: built.membersOf(scope, built.filterOf(scope)).list.length };
    });
    const largest = districts.sort((a, b) => b.members - a.members)[0];
    const scopes: Array<{ label: string; scope: Record<string, unknown> }> = [
      { label: `whole city (${built.actorCount} actors)`, scope: {} },
      { label: `largest district ${largest.id} (${largest.members} members)`, scope: { areaId: largest.id } },
    ];
    const haveNetworkx = !values['no-networkx'] && spawnSync(process.env.PYTHON ?? 'python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;

    const rows: string[][] = [];
    for (const { label, scope } of scopes) {
      log(`${label}: timeline of ${quarters.length} quarters…`);
      const timeline: number[] = [];
      let points: Array<{ asOf: string; ties: number }> = [];
      await run(TIMELINE, { scope, from: from.label, to: to.label });
      for (let i = 0; i < RUNS; i += 1) {
        const result = await run(TIMELINE, { scope, from: from.label, to: to.label });
        timeline.push(result.elapsed);
        points = (result.data.timeline as { points: typeof points }).points;
      }
      log(`${label}: one single-date answer, then one at each quarter end…`);
      const single: number[] = [];
      await run(SINGLE, { scope: { ...scope, asOf: to.last } });
      for (let i = 0; i < RUNS; i += 1) single.push((await run(SINGLE, { scope: { ...scope, asOf: to.last } })).elapsed);
      const perQuarter: number[] = [];
      let consistent = true;
      // Evenly spaced quarters (not the last, largest ones), so that the scaled total is not inflated.
      const every = Math.max(1, Number(values['compare-every']));
      const compared = [...quarters.entries()].filter(([at]) => at % every === 0);
      const scale = quarters.length / compared.length;
      for (let i = 0; i < Math.max(1, Math.min(RUNS, 2)); i += 1) {
        const analytics = new AnalyticsService({ db, serviceInfo, logger: silentLogger, timeoutMs: 600_000, cache: new AnalyticsCache(), index });
        let total = 0;
        for (const [at, quarter] of compared) {
          const result = await run(SINGLE, { scope: { ...scope, asOf: quarter.last } }, analytics);
          total += result.elapsed;
          consistent &&= (result.data.sectorMatrix as { totalTies: number }).totalTies === points[at].ties;
        }
        perQuarter.push(total * scale);
      }
      let exportMs = NaN;
      let networkxMs = NaN;
      if (haveNetworkx) {
        log(`${label}: one as-of export per quarter, then NetworkX…`);
        const files: string[] = [];
        const started = performance.now();
        for (const [, quarter] of compared) {
          const parsed = parseScope({ ...scope, asOf: quarter.last }, new Date());
          const params = scopeParams(parsed);
          const [actors, pairs, areas] = await Promise.all([
            db.readRows('analytics/scopeActors', params),
            db.readRows('analytics/scopeTies', params),
            db.readRows('analytics/areaMembers', { areaId: parsed.areaId, asOf: parsed.asOf, sectors: parsed.sectors }),
          ]);
          const file = path.join(workDir, `export-${files.length}.json`);
          fs.writeFileSync(file, JSON.stringify({ actors, pairs, areas }));
          files.push(file);
        }
        exportMs = (performance.now() - started) * scale;
        const pythonStarted = performance.now();
        const python = spawnSync(process.env.PYTHON ?? 'python3', ['-c', PYTHON_DRIVER, __dirname, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 });
        if (python.status !== 0) throw new Error(`NetworkX failed: ${python.stderr.slice(-500)}`);
        networkxMs = (performance.now() - pythonStarted) * scale;
        const nxTies = (JSON.parse(python.stdout.trim().split('\n').pop() as string) as { ties: number }).ties;
        consistent &&= nxTies === compared.reduce((sum, [at]) => sum + points[at].ties, 0);
        for (const file of files) fs.rmSync(file);
      }
      const t = median(timeline);
      const s = median(single);
      const q = median(perQuarter);
      rows.push([
        label,
        ms(t),
        ms(s),
        `${(t / s).toFixed(1)}×`,
        ms(q),
        `${(q / t).toFixed(1)}×`,
        haveNetworkx ? `${ms(exportMs + networkxMs)} (${ms(exportMs)} + ${ms(networkxMs)})` : '–',
        haveNetworkx ? `${((exportMs + networkxMs) / t).toFixed(1)}×` : '–',
        consistent ? 'yes' : 'NO',
      ]);
    }
    const headers = ['scope', 'timeline (40 q)', 'one single-date', 'timeline ÷ single', '(a) 40 single-date', '(a) ÷ timeline', '(b) export + NetworkX', '(b) ÷ timeline (target ≥ 20×)', 'same ties'];
    const widths = headers.map((header, at) => Math.max(header.length, ...rows.map((row) => row[at].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, at) => cell.padEnd(widths[at])).join(' | ')} |`;
    process.stdout.write(
      `\nTimeline benchmark: ${built.actorCount} actors, ${built.tieCount} ties, ${quarters.length} quarters ${from.label}–${to.label}; median of ${RUNS} runs (a: of ${Math.max(1, Math.min(RUNS, 2))}); ${os.cpus().length} cores, node ${process.version}\n` +
        (Number(values['compare-every']) > 1 ? `(a) and (b) timed on every ${values['compare-every']}th quarter end and scaled to ${quarters.length} quarters\n` : '') +
        `${line(headers)}\n${line(widths.map((width) => '-'.repeat(width)))}\n${rows.map(line).join('\n')}\n`,
    );
  } finally {
    await server.stop().catch(() => undefined);
    await index.close().catch(() => undefined);
    await bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:timeline failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
