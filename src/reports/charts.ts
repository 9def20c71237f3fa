import { renderSvg, type VegaLiteSpec } from './chartRenderer';
import type { PartnershipReport } from './reportModel';
import { sectorName, textsFor } from './i18n';
import { formatFigure } from './format';

/**
 * The charts of a report as SVG text: a vega-lite spec compiled to vega and
 * rendered on the server by View.toSVG with renderer 'none' (no canvas, no
 * browser; see chartRenderer.ts). The SVG names only generic font families, so nothing is fetched.
 */
const toSvg = (spec: VegaLiteSpec): Promise<string> => renderSvg(spec);

const FONT = 'Helvetica, Arial, sans-serif';
const CONFIG = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 10, titleFontSize: 10 }, legend: { labelFontSize: 10, titleFontSize: 10 } };

/** The sector × sector heat map: colour by density, each cell labelled with its tie count. */
export function matrixChart(report: PartnershipReport): Promise<string> {
  const t = textsFor(report.lang);
  const name = (sector: Parameters<typeof sectorName>[1]) => sectorName(report.lang, sector);
  const order = report.matrix.sectors.map((row) => name(row.sector));
  // Both halves of the symmetric matrix, so that it reads as a square.
  const densest = Math.max(0, ...report.matrix.cells.map((cell) => cell.density.value ?? 0));
  const values = report.matrix.cells.flatMap((cell) => {
    const entry = { density: cell.density.value, label: formatFigure(report, cell.ties) };
    const a = { row: name(cell.sectorA), column: name(cell.sectorB), ...entry };
    return cell.sectorA === cell.sectorB ? [a] : [a, { row: name(cell.sectorB), column: name(cell.sectorA), ...entry }];
  });
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 330,
    height: 330,
    data: { values },
    config: CONFIG,
    encoding: {
      x: { field: 'column', type: 'nominal', sort: order, title: null, axis: { labelAngle: -35, orient: 'top', labelAlign: 'left', labelLimit: 160 } },
      y: { field: 'row', type: 'nominal', sort: order, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'density',
            type: 'quantitative',
            title: t.columns.density,
            scale: { scheme: 'blues', domainMin: 0 },
            legend: { orient: 'bottom', gradientLength: 200 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 12, fontWeight: 'bold' },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          // Light text on the darker half of the scale.
          color: { condition: { test: `datum.density > ${densest / 2}`, value: '#ffffff' }, value: '#1a1a1a' },
        },
      },
    ],
  });
}

/** The trend: cross-sector share and E-I (with its random-mixing expectation) per period end. */
export function trendChart(report: PartnershipReport): Promise<string> {
  const t = textsFor(report.lang);
  const series = [
    { key: 'crossSectorShare', title: t.columns.crossSectorShare },
    { key: 'eiIndex', title: t.columns.eiIndex },
    { key: 'eiExpected', title: t.columns.eiExpected },
  ] as const;
  const values = report.trend.flatMap((point) =>
    series.filter((s) => point[s.key].value !== null).map((s) => ({ period: point.period, series: s.title, value: point[s.key].value })),
  );
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: 200,
    data: { values },
    config: CONFIG,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: report.trend.map((p) => p.period), title: null, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [-1, 1] } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: series.map((s) => s.title),
        scale: { range: ['#1f5fa8', '#d9822b', '#8c8c8c'] },
        legend: { orient: 'bottom', labelLimit: 260 },
      },
    },
  });
}

export async function reportCharts(report: PartnershipReport): Promise<{ matrix: string; trend: string }> {
  const [matrix, trend] = await Promise.all([matrixChart(report), trendChart(report)]);
  return { matrix, trend };
}
