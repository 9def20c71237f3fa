import type { Figure, PartnershipReport } from './reportModel';
import { sectorName, textsFor } from './i18n';
import { formatFigure } from './format';
import { deltaText } from './tables';

/** The report model in the shape of schema/report.graphql. */
export function graphqlView(report: PartnershipReport) {
  const t = textsFor(report.lang);
  const figure = (f: Figure) => ({
    value: f.value,
    display: formatFigure(report, f),
    suppressed: f.suppressed,
    smallCount: f.small ?? false,
    revised: f.revised,
    issuedValue: f.revised ? f.issued : null,
  });
  return {
    period: report.period,
    comparison: report.comparison,
    compareTo: report.compareTo,
    lang: report.lang,
    areaId: report.area?.id ?? null,
    areaName: report.area?.name ?? t.wholeCity,
    asOf: report.asOf,
    graphVersion: report.graphVersion,
    generatedAt: report.generatedAt,
    headline: report.headline.map((h) => ({
      key: h.key,
      label: t.headline[h.key],
      figure: figure(h),
      previous: h.previous,
      delta: h.delta,
      explanation: `${deltaText(report, h)}; ${t.headlineExplain[h.key]}`,
    })),
    sectors: report.matrix.sectors.map((row) => ({ sector: row.sector, name: sectorName(report.lang, row.sector), actors: figure(row.actors) })),
    matrix: report.matrix.cells.map((cell) => ({ sectorA: cell.sectorA, sectorB: cell.sectorB, ties: figure(cell.ties), density: figure(cell.density) })),
    trend: report.trend.map((p) => ({ period: p.period, asOf: p.asOf, crossSectorShare: figure(p.crossSectorShare), eiIndex: figure(p.eiIndex), eiExpected: figure(p.eiExpected) })),
    subAreas: report.subAreas.map((a) => ({ ...a, coverage: figure(a.coverage) })),
    tieChanges: report.tieChanges,
    tieChangesWithheld: report.tieChangesWithheld,
    initiatives: report.initiatives,
    brokers: report.brokers,
    risks: report.risks?.map((r) => ({ kind: r.type, actors: r.actors, separatedSectors: r.separatedSectors })) ?? null,
    gdsUnavailable: report.gdsUnavailable?.message ?? null,
    methods: report.methods,
    suppression: { k: report.suppressionK, active: report.suppressionActive, applied: report.suppressionApplied, statement: t.suppressionRule(report.suppressionK, report.suppressionActive) },
    issued: report.issued,
  };
}
