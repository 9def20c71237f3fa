/**
 * The export-plus-NetworkX path: the scope statements the service runs, written as JSON,
 * then `python3 bench/networkx_measures.py` (Python start-up, import and graph build included).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scopeParams, type Scope } from '../../src/analytics/scope';
import type { Database } from '../../src/db/database';
import { isTransactionTimeout } from '../../src/db/neo4jErrors';
import type { FieldSpec, Picks } from './fields';
import { median } from './helpers';
import type { Options } from './options';
import type { NetworkxResult } from './results';

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

export interface AreaMembersRow {
  id: string;
  name: string;
  members: Array<{ id: string; sector: string }>;
}

export interface Export {
  actors: ScopeActorRow[];
  pairs: ScopePairRow[];
  areas?: AreaMembersRow[];
}

/** What a client would export: the scope statements the service itself runs, through the same Database. */
export async function exportScope(db: Database, scope: Scope, withAreas: boolean, timeoutMs: number): Promise<Export> {
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

export class ExportTimeoutError extends Error {}

interface PythonOutput {
  nodes: number;
  edges: number;
  computeSeconds: number;
  summary: Record<string, unknown>;
}

export const PYTHON = process.env.PYTHON ?? 'python3';
// The script stays beside the benchmarks, one folder up.
const SCRIPT = path.join(__dirname, '..', 'networkx_measures.py');

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

export interface NxContext {
  db: Database;
  options: Options;
  workDir: string;
}

/** Per scope: set once an export of the scope timed out, so that the others are not tried. */
export interface NxScopeState {
  blocked: string | null;
  /** Set when the scope's first export took longer than SLOW_EXPORT_MS: one NetworkX run per field then. */
  slowExportMs: number | null;
}

export const SLOW_EXPORT_MS = 10_000;

export async function timeNetworkx(ctx: NxContext, state: NxScopeState, spec: FieldSpec, scope: Scope, picks: Picks, nodes: number): Promise<NetworkxResult> {
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

