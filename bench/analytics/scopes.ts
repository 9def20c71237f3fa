/** One scope of a city (the whole city or an area): its actor picks, then every field timed both ways. */
import { parseScope } from '../../src/analytics/scope';
import type { Database } from '../../src/db/database';
import type { FieldSpec, Picks } from './fields';
import { count, log, ms } from './helpers';
import { exportScope, ExportTimeoutError, SLOW_EXPORT_MS, timeNetworkx, type AreaMembersRow, type Export, type NxContext, type NxScopeState } from './networkx';
import type { Failure, FieldResult, NetworkxResult, SamverkanResult, ScopeResult } from './results';
import { timeField, type BenchApi } from './samverkan';

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

export interface AreaCount {
  id: string;
  name: string;
  actors: number;
}

/** Actors active on asOf in each area, sub-areas included (the statement the area measures use). */
export async function areaCounts(db: Database, asOf: string): Promise<AreaCount[]> {
  const rows = await db.readRows<AreaMembersRow>('analytics/areaMembers', { areaId: null, asOf, sectors: null });
  return rows.map((row) => ({ id: row.id, name: row.name, actors: row.members.length })).sort((a, b) => b.actors - a.actors || (a.id < b.id ? -1 : 1));
}

/** The service as it runs (`served`, with the collaboration index) and with Cypher alone (`cypher`). */
export interface BenchApis {
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

export async function benchScope(apis: BenchApis, nx: NxContext, label: string, area: AreaCount | null, fields: FieldSpec[]): Promise<ScopeResult> {
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

