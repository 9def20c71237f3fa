import type { Figure, PartnershipReport, ReportMethod } from './reportModel';
import { sectorName, textsFor } from './i18n';
import { figuresOf } from './figureKeys';
import { csvFigure, formatFigure, formatNumber, formatSigned } from './format';

/** One cell of a table: what HTML and PDF print, what CSV writes, what XLSX stores. */
export interface Cell {
  text: string;
  csv: string;
  /** Stored as a number in XLSX. */
  num?: number;
  /** Decimals it is printed with (XLSX number format). */
  decimals?: number;
  /** Set when the figure was revised after it was issued: the value issued. */
  issued?: number;
  /** The issued value as the figure is printed. */
  issuedText?: string;
  /** 0–1: shades the heat map cells. */
  heat?: number;
}

/** Lists that can run long in a whole city (tie changes, initiatives, sub-areas, structural risks: 1,685 in a 4,600-actor district): printed (HTML, PDF) up to this many rows, complete in XLSX and CSV. */
export const PRINTED_ROWS = 40;
const LONG_LISTS = new Set(['tie_changes', 'initiatives', 'sub_areas', 'structural_risks']);

/** The table as the printed renderings show it: a long list cut to PRINTED_ROWS, with the sentence that says so. */
export function printedTable(report: PartnershipReport, table: ReportTable): { table: ReportTable; note: string | null } {
  if (!LONG_LISTS.has(table.id) || table.rows.length <= PRINTED_ROWS) return { table, note: null };
  return { table: { ...table, rows: table.rows.slice(0, PRINTED_ROWS) }, note: textsFor(report.lang).moreRows(PRINTED_ROWS, table.rows.length) };
}

export interface ReportTable {
  /** Stable, language-independent: file and sheet names. */
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

const plain = (text: string): Cell => ({ text, csv: text });
const num = (report: PartnershipReport, value: number, decimals?: number): Cell => ({ text: formatNumber(report.lang, value, decimals), csv: String(value), num: value, decimals });

function fig(report: PartnershipReport, figure: Figure, heat?: number): Cell {
  const cell: Cell = { text: formatFigure(report, figure), csv: csvFigure(report, figure), heat, decimals: figure.decimals };
  if (figure.value !== null) cell.num = figure.value;
  if (figure.revised && figure.issued !== null) {
    cell.issued = figure.issued;
    cell.issuedText = formatNumber(report.lang, figure.issued, figure.decimals);
  }
  return cell;
}

/** The signed, explained change of a headline figure. */
export function deltaText(report: PartnershipReport, figure: PartnershipReport['headline'][number]): string {
  const t = textsFor(report.lang);
  const label = report.comparison.label;
  if (figure.delta === null || figure.previous === null) return t.deltaNone(label);
  const previous = formatNumber(report.lang, figure.previous, figure.decimals);
  if (figure.delta === 0) return t.deltaSame(previous, label);
  const size = formatNumber(report.lang, Math.abs(figure.delta), figure.decimals);
  return figure.delta > 0 ? t.deltaUp(size, previous, label) : t.deltaDown(size, previous, label);
}

/**
 * The report's tables, in order, in the report's language. Every rendering is
 * made from these, so that each prints the same numbers.
 */
export function reportTables(report: PartnershipReport, { forCsv = false } = {}): ReportTable[] {
  const t = textsFor(report.lang);
  const c = t.columns;
  const sector = (s: Parameters<typeof sectorName>[1]) => sectorName(report.lang, s);
  const tables: ReportTable[] = [];
  tables.push({
    id: 'headline',
    title: t.sections.headline,
    columns: [c.figure, c.value, c.previous, c.change, c.explanation],
    rows: report.headline.map((h) => [
      plain(t.headline[h.key]),
      fig(report, h),
      h.previous === null ? plain('–') : { text: formatNumber(report.lang, h.previous, h.decimals), csv: String(h.previous), num: h.previous, decimals: h.decimals },
      h.delta === null ? plain('–') : { text: formatSigned(report.lang, h.delta, h.decimals), csv: String(h.delta), num: h.delta, decimals: h.decimals },
      plain(`${deltaText(report, h)}; ${t.headlineExplain[h.key]}`),
    ]),
  });
  tables.push({
    id: 'sector_actors',
    title: `${t.sections.matrix}: ${c.actors.toLowerCase()}`,
    columns: [c.sector, c.actors],
    rows: report.matrix.sectors.map((row) => [plain(sector(row.sector)), fig(report, row.actors)]),
  });
  tables.push({
    id: 'sector_matrix',
    title: t.sections.matrix,
    columns: [c.sectorA, c.sectorB, c.ties, c.density],
    rows: report.matrix.cells.map((cell) => [plain(sector(cell.sectorA)), plain(sector(cell.sectorB)), fig(report, cell.ties), fig(report, cell.density, cell.density.value ?? undefined)]),
  });
  tables.push({
    id: 'trend',
    title: t.sections.trend,
    columns: [c.period, c.asOf, c.crossSectorShare, c.eiIndex, c.eiExpected],
    rows: report.trend.map((p) => [plain(p.period), plain(p.asOf), fig(report, p.crossSectorShare), fig(report, p.eiIndex), fig(report, p.eiExpected)]),
  });
  tables.push({
    id: 'sub_areas',
    title: t.sections.subAreas,
    columns: [c.area, c.coverage, c.sectorsPresent, c.missingPairs],
    rows: report.subAreas.map((a) => [
      plain(a.name),
      fig(report, a.coverage),
      plain(a.sectorsPresent.map(sector).join(', ') || t.none),
      plain(a.missingPairs.map((p) => `${sector(p.sectorA)}–${sector(p.sectorB)}`).join(', ') || t.none),
    ]),
  });
  tables.push({
    id: 'tie_changes',
    title: t.sections.tieChanges,
    columns: [c.change_, c.date, c.kind, c.actorA, c.sectorA, c.actorB, c.sectorB],
    rows: report.tieChanges.map((ch) => [
      plain(t.changeKinds[ch.change]),
      plain(ch.date),
      plain(ch.kind),
      plain(ch.source.name),
      plain(sector(ch.source.sector)),
      plain(ch.target.name),
      plain(sector(ch.target.sector)),
    ]),
  });
  tables.push({
    id: 'initiatives',
    title: t.sections.initiatives,
    columns: [c.initiative, c.kind, c.start, c.end, c.sdgs],
    rows: report.initiatives.map((i) => [plain(i.name), plain(i.kind), plain(i.startDate), plain(i.endDate ?? t.openEnded), plain(i.sdgs.join(', ') || t.none)]),
  });
  tables.push({
    id: 'brokers',
    title: `${t.sections.brokers}: ${c.betweenness.toLowerCase()}`,
    columns: [c.rank, c.actor, c.sector, c.betweenness, c.normalised, c.degree, c.coordinator, c.itinerant, c.gatekeeperRepresentative, c.liaison],
    rows: (report.brokers ?? []).map((b) => [
      num(report, b.rank),
      plain(b.actor.name),
      plain(sector(b.actor.sector)),
      num(report, b.betweenness, 2),
      num(report, b.normalisedBetweenness, 3),
      num(report, b.degree),
      num(report, b.coordinator),
      num(report, b.itinerant),
      num(report, b.gatekeeperRepresentative),
      num(report, b.liaison),
    ]),
  });
  tables.push({
    id: 'structural_risks',
    title: `${t.sections.brokers}: ${c.risk.toLowerCase()}`,
    columns: [c.risk, c.actor, c.separatedSectors],
    rows: (report.risks ?? []).map((r) => [plain(t.riskKinds[r.type]), plain(r.actors.map((a) => a.name).join(' – ')), plain(r.separatedSectors.map(sector).join(', '))]),
  });
  const revised = figuresOf(report).filter(([, figure]) => figure.revised && figure.issued !== null);
  if (report.issued) {
    tables.push({
      id: 'revisions',
      title: c.issuedValue,
      columns: [c.key, c.value, c.issuedValue],
      rows: revised.map(([key, figure]) => [plain(key), fig(report, figure), num(report, figure.issued as number, figure.decimals)]),
    });
  }
  tables.push({ id: 'appendix', title: t.sections.appendix, columns: [c.name, c.value], rows: appendixRows(report, !forCsv) });
  // Where and when a result was computed (engine, computedAt) says nothing about its value and
  // may differ between two runs of the same graph version: the CSV set leaves it out.
  const methodColumns = forCsv
    ? [c.key, c.field, c.asOf, c.algorithm, c.normalisation, c.counting, c.nodeCount, c.tieCount, c.gdsVersion, c.suppressionApplied, c.estimate]
    : [c.key, c.field, c.asOf, c.engine, c.computedAt, c.algorithm, c.normalisation, c.counting, c.nodeCount, c.tieCount, c.gdsVersion, c.suppressionApplied, c.estimate];
  tables.push({
    id: 'methods',
    title: `${t.sections.appendix}: ${c.algorithm.toLowerCase()}`,
    columns: methodColumns,
    rows: report.methods.map((m) => [
      plain(m.key),
      plain(m.field),
      plain(m.asOf),
      ...(forCsv ? [] : [plain(m.engine), plain(m.computedAt)]),
      plain(m.algorithm),
      plain(m.normalisation ?? '–'),
      plain(m.counting),
      m.nodeCount === null ? plain(t.withheld) : num(report, m.nodeCount),
      m.tieCount === null ? plain(t.withheld) : num(report, m.tieCount),
      plain(m.gdsVersion ?? '–'),
      plain(m.suppressionApplied ? t.yes : t.no),
      plain(samplingText(report, m.sampling)),
    ]),
  });
  return tables;
}

/** The estimate's sample and bound in the report's language, or "exact". */
function samplingText(report: PartnershipReport, sampling: ReportMethod['sampling']): string {
  const t = textsFor(report.lang);
  if (!sampling) return t.exact;
  const n = (value: number, decimals?: number) => formatNumber(report.lang, value, decimals);
  return t.samplingNote(n(sampling.sampleSize), n(sampling.epsilon), n(sampling.delta), sampling.seed, n(sampling.errorBound, 4), n(Math.round((1 - sampling.delta) * 1000) / 10));
}

/**
 * The appendix's facts. The generation time is left out of the CSV set (`withTime`
 * false there), so that the same period and graph version give the same bytes;
 * the HTML, PDF and XLSX state it.
 */
export function appendixRows(report: PartnershipReport, withTime: boolean): Cell[][] {
  const t = textsFor(report.lang);
  const rows: Array<[string, string]> = [
    [t.meta.period, report.period.label],
    [t.meta.area, report.area ? `${report.area.name} (${report.area.id})` : t.wholeCity],
    [t.meta.asOf, report.asOf],
    [t.meta.comparison, `${report.comparison.label} (${t.compareTo[report.compareTo]})`],
    [t.meta.graphVersion, report.graphVersion],
    [t.meta.suppression, t.suppressionRule(report.suppressionK, report.suppressionActive)],
    [t.meta.suppressionActive, report.suppressionApplied ? t.yes : t.no],
  ];
  if (withTime) rows.push([t.meta.generatedAt, report.generatedAt]);
  return rows.map(([name, value]) => [plain(name), plain(value)]);
}
