import type { Figure, PartnershipReport } from './reportModel';

/**
 * Every number of a report that an issued report keeps, under a key that names
 * it the same way in every run: `headline.ties`, `matrix.ties.CITIZEN|PUBLIC`,
 * `trend.2022-Q1.eiIndex`, `coverage.area-herrgarden`. Keys name sectors, periods
 * and area ids, never people.
 */
export function figuresOf(report: PartnershipReport): Array<[string, Figure]> {
  const entries: Array<[string, Figure]> = [];
  for (const figure of report.headline) entries.push([`headline.${figure.key}`, figure]);
  for (const row of report.matrix.sectors) entries.push([`matrix.actors.${row.sector}`, row.actors]);
  for (const cell of report.matrix.cells) {
    entries.push([`matrix.ties.${cell.sectorA}|${cell.sectorB}`, cell.ties]);
    entries.push([`matrix.density.${cell.sectorA}|${cell.sectorB}`, cell.density]);
  }
  for (const point of report.trend) {
    entries.push([`trend.${point.period}.crossSectorShare`, point.crossSectorShare]);
    entries.push([`trend.${point.period}.eiIndex`, point.eiIndex]);
    entries.push([`trend.${point.period}.eiExpected`, point.eiExpected]);
  }
  for (const area of report.subAreas) entries.push([`coverage.${area.areaId}`, area.coverage]);
  return entries;
}

/** The values to store when issuing: key → number, or null when withheld or not computable. */
export function issuableFigures(report: PartnershipReport): Record<string, number | null> {
  return Object.fromEntries(figuresOf(report).map(([key, figure]) => [key, figure.value]));
}

/**
 * Marks each figure whose value differs from the issued one (both shown) with
 * its issued value; returns how many were marked. Figures are changed in place:
 * the report is the caller's own, freshly built.
 */
export function markRevisions(report: PartnershipReport, issued: Readonly<Record<string, number | null>>): number {
  let revised = 0;
  for (const [key, figure] of figuresOf(report)) {
    const before = issued[key];
    if (before === undefined || before === null || figure.value === null || before === figure.value) continue;
    figure.issued = before;
    figure.revised = true;
    revised += 1;
  }
  return revised;
}
