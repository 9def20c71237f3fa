/**
 * The per-area scaling: an area of about the same size as the smallest city (its root
 * area) inside each larger city, timed for a few fields, with the ratio to the
 * smallest city (target below 1.3).
 */
import type { FieldSpec } from './fields';
import { count, log, ms, table } from './helpers';
import type { Options } from './options';
import type { CityResult, SamverkanResult, ScalingArea } from './results';
import { timeField } from './samverkan';
import type { AreaCount, BenchApis } from './scopes';

/** The root area of the smallest city; in larger ones the area closest to its size (`targetActors`). */
export function scalingAreaOf(counts: AreaCount[], root: AreaCount, smallestCity: boolean, targetActors: number): AreaCount | undefined {
  if (smallestCity) return root;
  return counts.filter((candidate) => candidate !== root).sort((a, b) => Math.abs(a.actors - targetActors) - Math.abs(b.actors - targetActors))[0];
}

/** Times the scaling fields on one area, served and (for the count-based ones) with Cypher alone. */
export async function benchScaling(apis: BenchApis, options: Options, area: AreaCount, scalingFields: FieldSpec[]): Promise<ScalingArea> {
  log(`  per-area scaling: ${area.name} (${area.id}), ${count(area.actors)} actors`);
  const scope = { areaId: area.id, asOf: options.asOf };
  const timed: ScalingArea = { areaId: area.id, areaName: area.name, actors: area.actors, fields: [] };
  for (const spec of scalingFields) {
    const extra = spec.variables({ actor: null, pathEnd: null });
    const samverkan: SamverkanResult =
      extra === null
        ? { ok: false, failure: { status: 'skipped', message: 'needs actors: not a per-area scaling field' }, warmupMs: null, runsMs: [], medianMs: null, p95Ms: null, nodeCount: null, tieCount: null, engine: null }
        : await timeField(apis.served, spec.document, { scope, ...extra }, options.scalingRuns, options.warmup);
    log(`    ${spec.field}: ${samverkan.ok ? `median ${ms(samverkan.medianMs)} ms` : samverkan.failure?.status}`);
    timed.fields.push({ field: spec.field, samverkan });
    if (spec.countBased && extra !== null) {
      const cypher = await timeField(apis.cypher, spec.document, { scope, ...extra }, options.scalingRuns, options.warmup);
      log(`    ${spec.field} (Cypher): ${cypher.ok ? `median ${ms(cypher.medianMs)} ms` : cypher.failure?.status}`);
      timed.fields.push({ field: `${spec.field} (Cypher)`, samverkan: cypher });
    }
  }
  return timed;
}

export function scalingReport(cities: CityResult[]): { text: string; rows: Array<Record<string, unknown>> } {
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

