import type { Context } from '../context';
import type { Sector } from '../model';
import { ClientError, ErrorCode } from '../errors';
import { structureResolvers } from '../analytics/structureResolvers';
import { gdsResolvers } from '../analytics/gdsResolvers';
import { suppressionRule, suppressorOf } from '../analytics/suppression/suppressor';
import { comparisonPeriod, parsePeriod, trailingPeriods, type CompareTo, type Period } from './period';
import type { HeadlineFigure, HeadlineKey, PartnershipReport, ReportLang, ReportMethod, SubAreaCoverage } from './reportModel';
import { DECIMALS, delta, figure, round } from './figures';
import { crossSectorShareOf, timelineTrend, type TrendSource } from './trendSource';
import { methodEntry } from './methodEntry';
import { indexActorRefs } from './actorNames';
import { timelineIndexOf } from '../timeline/timelineIndex';
import { activeInitiatives, tieChangesOf } from './periodActivity';
import { IssuedReports } from './issuedReports';
import { markRevisions } from './figureKeys';

export interface ReportRequest {
  period: string;
  areaId?: string | null;
  compareTo?: CompareTo | null;
  lang?: ReportLang | null;
}

export interface ReportOptions {
  /** Leave out brokers and structural risks (GDS), e.g. to time the rest. */
  withoutGds?: boolean;
  trend?: TrendSource;
  /** Periods in the trend (default 8). */
  trendPeriods?: number;
  /** Brokers listed (default 10). */
  brokers?: number;
  /** The clock for generatedAt (default the request's). */
  now?: Date;
}

type MatrixView = Awaited<ReturnType<typeof structureResolvers.Query.sectorMatrix>>;
type HelixView = Awaited<ReturnType<typeof structureResolvers.Query.helixCoverage>>;

/** The figures at one date: the three structural fields, as the caller sees them. */
async function snapshot(ctx: Context, areaId: string | null, asOf: string) {
  const scope = { scope: { areaId, asOf } };
  const [matrix, ei, helix] = await Promise.all([
    structureResolvers.Query.sectorMatrix(null, scope, ctx),
    structureResolvers.Query.eiIndex(null, scope, ctx),
    structureResolvers.Query.helixCoverage(null, scope, ctx),
  ]);
  return { matrix, ei, helix };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** The helix row of the report's own area; for the whole city, the area without a parent. */
async function ownCoverageRow(ctx: Context, helix: HelixView, areaId: string | null) {
  if (areaId) return helix.areas.find((row) => row.areaId === areaId) ?? null;
  const areas = await ctx.loaders.area.loadMany(helix.areas.map((row) => row.areaId));
  const rootIndex = areas.findIndex((area) => area && !(area instanceof Error) && area.parentId === null);
  return rootIndex < 0 ? null : helix.areas[rootIndex];
}

async function headlineValues(ctx: Context, at: Snapshot, areaId: string | null) {
  const share = crossSectorShareOf(at.ei);
  const coverage = await ownCoverageRow(ctx, at.helix, areaId);
  const values: Record<HeadlineKey, { value: number | null; suppressed: boolean; decimals?: number }> = {
    actors: { value: at.matrix.method.nodeCount, suppressed: at.matrix.method.nodeCountSuppressed },
    ties: { value: at.matrix.totalTies, suppressed: at.matrix.totalTiesSuppressed },
    crossSectorShare: { ...share, decimals: DECIMALS.index },
    eiIndex: { value: at.ei.overall.value, suppressed: at.ei.overall.suppressed, decimals: DECIMALS.index },
    eiExpected: { value: at.ei.expected, suppressed: at.ei.expectedSuppressed, decimals: DECIMALS.index },
    coverage: { value: coverage?.coverage ?? null, suppressed: coverage?.suppressed ?? false, decimals: DECIMALS.index },
  };
  return values;
}

function headline(now: Awaited<ReturnType<typeof headlineValues>>, before: Awaited<ReturnType<typeof headlineValues>>): HeadlineFigure[] {
  return (Object.keys(now) as HeadlineKey[]).map((key) => {
    const current = figure(now[key].value, now[key].suppressed, now[key].decimals);
    const previous = figure(before[key].value, before[key].suppressed, before[key].decimals).value;
    return { key, ...current, previous, delta: delta(current.value, previous, now[key].decimals) };
  });
}

function matrixOf(view: MatrixView): PartnershipReport['matrix'] {
  return {
    // A withheld count of citizens is one from 1 to k − 1: renderings print it "< k".
    sectors: view.sectors.map((row) => ({ sector: row.sector, actors: { ...figure(row.actors, row.suppressed), small: row.suppressed } })),
    cells: view.cells.map((cell) => ({
      sectorA: cell.sectorA,
      sectorB: cell.sectorB,
      ties: { ...figure(cell.ties, cell.ties === null && cell.suppressed), small: cell.ties === null && cell.suppressed },
      density: figure(cell.density, cell.density === null && cell.suppressed, DECIMALS.index),
    })),
  };
}

function subAreasOf(helix: HelixView, ownId: string | null): SubAreaCoverage[] {
  return helix.areas
    .filter((row) => row.areaId !== ownId)
    .map((row) => ({
      areaId: row.areaId,
      name: row.name,
      sectorsPresent: row.sectorsPresent,
      missingPairs: row.missingPairs,
      coverage: figure(row.coverage, row.suppressed, DECIMALS.index),
    }));
}

/**
 * The report's betweenness: exact on a small network, else a Riondato–Kornaropoulos
 * estimate with ε = 0.01 (36,000 sampled paths on a city's network, under a second),
 * so that a district's report stays within 2 s; the appendix states the bound.
 */
export const REPORT_BETWEENNESS = { method: 'AUTO', epsilon: 0.01, delta: 0.1, seed: 42 } as const;

/** Brokers need GDS for exact betweenness on small networks; without it, or past the timeout, the report says so and goes on. */
async function brokersAndRisks(ctx: Context, areaId: string | null, asOf: string, first: number, version: string) {
  try {
    const scope = { scope: { areaId, asOf } };
    const [brokers, risks] = await Promise.all([
      gdsResolvers.Query.brokers(null, { ...scope, first, betweenness: REPORT_BETWEENNESS }, ctx),
      gdsResolvers.Query.structuralRisks(null, scope, ctx),
    ]);
    const separating = {
      bridges: risks.bridges.filter((row) => row.separatedSectors.length > 0),
      points: risks.articulationPoints.filter((row) => row.separatedSectors.length > 0),
    };
    const ids = [...brokers.brokers.map((row) => row.actorId), ...separating.points.map((row) => row.actorId), ...separating.bridges.flatMap((row) => [row.sourceId, row.targetId])];
    const refs = await indexActorRefs(ctx, (await timelineIndexOf(ctx.analytics, version)).index, ids);
    const ref = (id: string) => refs.get(id) ?? { id, name: id, sector: 'CITIZEN' as Sector };
    return {
      gdsUnavailable: null,
      brokers: brokers.brokers.map((row) => ({
        rank: row.rank,
        actor: ref(row.actorId),
        betweenness: round(row.betweenness, DECIMALS.betweenness) ?? 0,
        normalisedBetweenness: round(row.normalisedBetweenness, DECIMALS.index) ?? 0,
        degree: row.degree,
        coordinator: row.brokerage.coordinator,
        itinerant: row.brokerage.itinerant,
        gatekeeperRepresentative: row.brokerage.gatekeeperRepresentative,
        liaison: row.brokerage.liaison,
      })),
      risks: [
        ...separating.points.map((row) => ({ type: 'ARTICULATION_POINT' as const, actors: [ref(row.actorId)], separatedSectors: row.separatedSectors })),
        ...separating.bridges.map((row) => ({ type: 'BRIDGE' as const, actors: [ref(row.sourceId), ref(row.targetId)], separatedSectors: row.separatedSectors })),
      ],
      methods: [methodEntry('brokers', 'brokers', brokers.method), methodEntry('structural risks', 'structuralRisks', risks.method)],
    };
  } catch (error) {
    // Without GDS, or when an analysis does not finish in time,
    // the report goes on and says why the brokers are missing.
    const code = error instanceof ClientError ? error.extensions.code : undefined;
    if (code === ErrorCode.ANALYTICS_UNAVAILABLE || code === ErrorCode.ANALYTICS_TIMEOUT) {
      const reason = { code: code === ErrorCode.ANALYTICS_TIMEOUT ? ('ANALYTICS_TIMEOUT' as const) : ('ANALYTICS_UNAVAILABLE' as const), message: (error as ClientError).message };
      return { gdsUnavailable: reason, brokers: null, risks: null, methods: [] as ReportMethod[] };
    }
    throw error;
  }
}

function checkedRequest(request: ReportRequest): { period: Period; areaId: string | null; compareTo: CompareTo; lang: ReportLang } {
  const period = parsePeriod(request.period, 'period');
  return { period, areaId: request.areaId ?? null, compareTo: request.compareTo ?? 'PREVIOUS_PERIOD', lang: request.lang ?? 'SV' };
}

/**
 * The quarterly partnership report for the caller in `ctx`: every figure comes
 * from the analytics fields themselves (their resolvers, called with this
 * context), so it equals what GraphQL answers the same caller, cached and
 * suppressed the same way. Revised figures are marked against the last issued
 * report of the same period and area.
 */
export async function buildPartnershipReport(ctx: Context, request: ReportRequest, options: ReportOptions = {}): Promise<PartnershipReport> {
  const { period, areaId, compareTo, lang } = checkedRequest(request);
  const comparison = comparisonPeriod(period, compareTo);
  const area = areaId ? await ctx.loaders.area.load(areaId) : null;
  if (areaId && !area) throw new ClientError(`No area has id "${areaId.slice(0, 60)}". List areas with { areas { nodes { id name } } }.`, ErrorCode.NOT_FOUND, { field: 'areaId' });
  const graphVersion = await ctx.analytics.graphVersion();
  const suppressor = suppressorOf(ctx);
  const trendSource = options.trend ?? timelineTrend;
  const [current, previous, trend, changes, initiatives, gds, issued] = await Promise.all([
    snapshot(ctx, areaId, period.end),
    snapshot(ctx, areaId, comparison.end),
    trendSource.trend(ctx, areaId, trailingPeriods(period, options.trendPeriods ?? 8)),
    tieChangesOf(ctx, suppressor, areaId, period, graphVersion),
    activeInitiatives(ctx, areaId, period),
    options.withoutGds
      ? { gdsUnavailable: { code: 'SKIPPED' as const, message: 'left out on request' }, brokers: null, risks: null, methods: [] as ReportMethod[] }
      : brokersAndRisks(ctx, areaId, period.end, options.brokers ?? 10, graphVersion),
    new IssuedReports(ctx.analytics).latest(period.label, areaId),
  ]);
  const [nowValues, beforeValues] = await Promise.all([headlineValues(ctx, current, areaId), headlineValues(ctx, previous, areaId)]);
  const methods: ReportMethod[] = [
    methodEntry(`sector matrix ${period.label}`, 'sectorMatrix', current.matrix.method),
    methodEntry(`E-I ${period.label}`, 'eiIndex', current.ei.method),
    methodEntry(`helix coverage ${period.label}`, 'helixCoverage', current.helix.method),
    methodEntry(`sector matrix ${comparison.label}`, 'sectorMatrix', previous.matrix.method),
    methodEntry(`E-I ${comparison.label}`, 'eiIndex', previous.ei.method),
    methodEntry(`helix coverage ${comparison.label}`, 'helixCoverage', previous.helix.method),
    ...trend.methods,
    ...gds.methods,
  ];
  const report: PartnershipReport = {
    lang,
    period,
    compareTo,
    comparison,
    area: area ? { id: area.id, name: area.name } : null,
    asOf: period.end,
    graphVersion,
    generatedAt: (options.now ?? ctx.now).toISOString(),
    suppressionK: suppressor.k,
    suppressionActive: suppressor.active,
    suppressionApplied: methods.some((method) => method.suppressionApplied) || changes.withheld.opened || changes.withheld.ended,
    suppressionRule: suppressionRule(suppressor.k),
    headline: headline(nowValues, beforeValues),
    matrix: matrixOf(current.matrix),
    trend: trend.points,
    subAreas: subAreasOf(current.helix, areaId ?? (await ownCoverageRow(ctx, current.helix, null))?.areaId ?? null),
    tieChanges: changes.rows,
    tieChangesWithheld: changes.withheld,
    initiatives,
    brokers: gds.brokers,
    risks: gds.risks,
    gdsUnavailable: gds.gdsUnavailable,
    methods,
    issued: null,
  };
  if (issued) {
    const revisedFigures = markRevisions(report, issued.figures);
    report.issued = { id: issued.id, issuedAt: issued.issuedAt, issuedBy: issued.issuedBy, graphVersion: issued.graphVersion, revisedFigures };
  }
  return report;
}
