/** The shapes of the benchmark's results: per field, per scope, per city; the JSON report holds them as they are. */
import type { LoadSummary } from '../../src/seed/loadDataset';
import type { Picks } from './fields';

export interface Failure {
  /** `not implemented`, or the error's code (ANALYTICS_TIMEOUT, INTERNAL_SERVER_ERROR…). */
  status: string;
  message: string;
}

export interface SamverkanResult {
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

export interface NetworkxRun {
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

export interface NetworkxResult {
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

export interface FieldResult {
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

export interface ScopeResult {
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

export interface ScalingArea {
  areaId: string;
  areaName: string;
  /** Actors active on asOf in the area and its sub-areas. */
  actors: number;
  fields: Array<{ field: string; samverkan: SamverkanResult }>;
}

export interface CityResult {
  size: number;
  seed: number;
  generator: string;
  /** `reused`: BENCH_REUSE_CITY kept the city already stored (nothing loaded, rows all 0). */
  load: { seconds: number; rows: LoadSummary['rows']; phaseSeconds: LoadSummary['phaseSeconds']; wipeSeconds: number; reused: boolean };
  areas: number;
  /** The collaboration index built after the load (the service builds it in the background after every write). */
  index: { buildMs: number | null; actors: number; ties: number } | null;
  scopes: ScopeResult[];
  scaling: ScalingArea | null;
}

