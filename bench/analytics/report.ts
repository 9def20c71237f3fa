/** The analytics benchmark's report: a table per scope, the machine it ran on, the closing notes and the JSON file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../../src/db/queryStore';
import { ms, ratioText, table } from './helpers';
import { PYTHON } from './networkx';
import type { ScopeResult } from './results';

export function scopeTable(scope: ScopeResult): string {
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
      sv.warmupMs === null ? '' : ms(sv.warmupMs),
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
    ['field', 'engine', 'first ask ms', 'samverkan median ms', 'p95 ms', 'export+networkx median ms', '(export + python)', 'nx/sv', 'target', 'met', 'nx compute ms', 'compute/sv', 'target', 'met', 'n/m'],
    rows,
    [2, 3, 4, 5, 7, 10, 11],
  );
}

export function machineInfo(): Record<string, unknown> {
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

export const NOTES = [
  'Notes: ratios are NetworkX median ÷ Samverkan median; "~" marks a NetworkX time extrapolated from sampled betweenness sources',
  '(compute time × n/k, plus the export, Python start-up and graph build as measured). p95 is nearest-rank (with < 20 runs: the slowest run).',
  '"n/m" compares the actors and ties of the service\'s method block with the graph NetworkX built. Timings on a shared machine are noisy.',
].join('\n');

/** Writes the whole report to .bench/analytics-<time>.json (git-ignored) and returns the file's path. */
export function writeReport(startedAt: Date, report: Record<string, unknown>): string {
  const outDir = path.join(repositoryRoot(), '.bench');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `analytics-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  return outFile;
}
