import ExcelJS from 'exceljs';
import { malmoDataset } from '../../src/seed/malmoDataset';
import { loadDataset } from '../../src/seed/loadDataset';
import { createContext, type Context } from '../../src/context';
import { createLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { DEVELOPMENT_ADMIN, type Principal } from '../../src/auth/principal';
import { buildPartnershipReport } from '../../src/reports/buildReport';
import { singleDateTrend } from '../../src/reports/trendSource';
import { reportCsvFiles } from '../../src/reports/csv';
import { reportHtml } from '../../src/reports/html';
import { reportPdf } from '../../src/reports/pdf';
import { renderReport } from '../../src/reports/renderReport';
import { figuresOf } from '../../src/reports/figureKeys';
import { formatFigure } from '../../src/reports/format';
import { stopChartRenderer } from '../../src/reports/chartRenderer';
import { ADMIN, ANALYST, VIEWER } from '../helpers/principals';
import { codesOf, useTestApi } from '../helpers/testApi';
import { pdfPages } from '../unit/reports/pdfText';
import { offlineProblems } from '../unit/reports/offline';

/**
 * The quarterly partnership report on the Malmö seed: its numbers are those of
 * the analytics fields, each caller gets the suppression and names the policy
 * gives, the renderings agree, and an issued report notices later corrections.
 * Rosengård has 4 citizens as of 2022-09-30: with k = 5, an ANALYST's report
 * withholds them.
 */
const api = useTestApi();
const ROSENGARD = { period: '2022-Q3', areaId: 'area-rosengard' };
const ASOF = '2022-09-30';

function contextFor(principal: Principal): Context {
  const logger = createLogger('error', () => undefined);
  return createContext({ db: api.db, logger, serviceInfo: createServiceInfoProvider(api.db, 'test'), analytics: api.analytics, principal });
}

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, malmoDataset());
});
afterAll(() => stopChartRenderer());

const FIGURE = 'value display suppressed smallCount revised issuedValue';
const REPORT = `query($period: String!, $areaId: ID, $compareTo: ReportComparison, $lang: ReportLanguage) {
  partnershipReport(period: $period, areaId: $areaId, compareTo: $compareTo, lang: $lang) {
    period { label start end } comparison { label end } asOf graphVersion areaName
    headline { key label previous delta explanation figure { ${FIGURE} } }
    sectors { sector name actors { ${FIGURE} } }
    matrix { sectorA sectorB ties { ${FIGURE} } density { ${FIGURE} } }
    trend { period asOf crossSectorShare { ${FIGURE} } eiIndex { ${FIGURE} } eiExpected { ${FIGURE} } }
    subAreas { areaId coverage { ${FIGURE} } }
    tieChanges { change date kind source { id name sector } target { id name sector } }
    initiatives { id name sdgs startDate endDate }
    brokers { rank actor { id name sector } betweenness normalisedBetweenness degree liaison coordinator itinerant gatekeeperRepresentative }
    risks { kind actors { id name sector } separatedSectors }
    methods { key field asOf engine nodeCount tieCount suppressionApplied }
    suppression { k active applied statement }
    issued { id graphVersion revisedFigures }
  } }`;

type Figure = { value: number | null; display: string; suppressed: boolean; smallCount: boolean; revised: boolean; issuedValue: number | null };
interface ReportData {
  partnershipReport: {
    graphVersion: string;
    headline: Array<{ key: string; previous: number | null; delta: number | null; explanation: string; figure: Figure }>;
    sectors: Array<{ sector: string; actors: Figure }>;
    matrix: Array<{ sectorA: string; sectorB: string; ties: Figure; density: Figure }>;
    trend: Array<{ period: string; asOf: string; crossSectorShare: Figure; eiIndex: Figure; eiExpected: Figure }>;
    subAreas: Array<{ areaId: string; coverage: Figure }>;
    brokers: Array<{ rank: number; actor: { id: string; name: string; sector: string }; betweenness: number; normalisedBetweenness: number; degree: number; liaison: number }> | null;
    risks: Array<{ kind: string; actors: Array<{ id: string; name: string; sector: string }> }> | null;
    suppression: { k: number; active: boolean; applied: boolean };
    issued: { id: string; revisedFigures: number } | null;
  };
}

const SINGLE = `query($scope: AnalyticsScope) {
  sectorMatrix(scope: $scope) { sectors { sector actors suppressed } cells { sectorA sectorB ties density suppressed } totalTies method { nodeCount } }
  eiIndex(scope: $scope) { overall { external internal value suppressed } expected expectedSuppressed }
  helixCoverage(scope: $scope) { areas { area { id } coverage suppressed } }
  brokers(scope: $scope, first: 10) { brokers { rank actor { id name } betweenness normalisedBetweenness degree brokerage { liaison } } } }`;
interface SingleData {
  sectorMatrix: { sectors: Array<{ sector: string; actors: number | null }>; cells: Array<{ sectorA: string; sectorB: string; ties: number | null; density: number | null }>; totalTies: number | null; method: { nodeCount: number | null } };
  eiIndex: { overall: { external: number | null; internal: number | null; value: number | null }; expected: number | null };
  helixCoverage: { areas: Array<{ area: { id: string }; coverage: number | null }> };
  brokers: { brokers: Array<{ rank: number; actor: { id: string; name: string }; betweenness: number; normalisedBetweenness: number; degree: number; brokerage: { liaison: number } }> };
}

const r3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

describe.each([
  ['ADMIN', ADMIN],
  ['ANALYST', ANALYST],
])('the report as %s', (_name, principal) => {
  it('gives the numbers of the GraphQL fields it came from', async () => {
    const { partnershipReport: report } = await api.ok<ReportData>(REPORT, ROSENGARD, principal);
    const now = await api.ok<SingleData>(SINGLE, { scope: { areaId: 'area-rosengard', asOf: ASOF } }, principal);
    const before = await api.ok<SingleData>(SINGLE, { scope: { areaId: 'area-rosengard', asOf: '2022-06-30' } }, principal);
    const headline = Object.fromEntries(report.headline.map((h) => [h.key, h]));
    const share = (single: SingleData) => {
      const { external, internal } = single.eiIndex.overall;
      return external === null || internal === null ? null : r3(external / (external + internal));
    };
    expect(headline.actors.figure.value).toBe(now.sectorMatrix.method.nodeCount);
    expect(headline.ties.figure.value).toBe(now.sectorMatrix.totalTies);
    expect(headline.crossSectorShare.figure.value).toBe(share(now));
    expect(headline.eiIndex.figure.value).toBe(r3(now.eiIndex.overall.value));
    expect(headline.eiExpected.figure.value).toBe(r3(now.eiIndex.expected));
    const coverage = now.helixCoverage.areas.find((row) => row.area.id === 'area-rosengard');
    expect(headline.coverage.figure.value).toBe(r3(coverage?.coverage ?? null));
    expect(headline.actors.previous).toBe(before.sectorMatrix.method.nodeCount);
    expect(headline.eiIndex.previous).toBe(r3(before.eiIndex.overall.value));
    for (const h of report.headline) {
      if (h.figure.value !== null && h.previous !== null) expect(h.delta).toBeCloseTo(h.figure.value - h.previous, 9);
      expect(h.explanation).toContain('2022-Q2');
    }
    expect(report.sectors.map((s) => s.actors.value)).toEqual(now.sectorMatrix.sectors.map((s) => s.actors));
    expect(report.matrix.map((c) => [c.sectorA, c.sectorB, c.ties.value, c.density.value])).toEqual(
      now.sectorMatrix.cells.map((c) => [c.sectorA, c.sectorB, c.ties, r3(c.density)]),
    );
    for (const area of report.subAreas) expect(area.coverage.value).toBe(r3(now.helixCoverage.areas.find((row) => row.area.id === area.areaId)?.coverage ?? null));
    expect(report.trend.map((p) => p.period)).toEqual(['2020-Q4', '2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3']);
    for (const point of report.trend) {
      const single = await api.ok<SingleData>(SINGLE, { scope: { areaId: 'area-rosengard', asOf: point.asOf } }, principal);
      expect([point.crossSectorShare.value, point.eiIndex.value, point.eiExpected.value]).toEqual([share(single), r3(single.eiIndex.overall.value), r3(single.eiIndex.expected)]);
    }
    expect(report.brokers?.map((b) => [b.rank, b.actor.id, b.actor.name, b.betweenness, b.normalisedBetweenness, b.degree, b.liaison])).toEqual(
      now.brokers.brokers.map((b) => [b.rank, b.actor.id, b.actor.name, Math.round(b.betweenness * 100) / 100, r3(b.normalisedBetweenness), b.degree, b.brokerage.liaison]),
    );
  });
});

it('computes the same trend with the timeline’s sweep as with eiIndex at each period end', async () => {
  const ctx = contextFor(ANALYST);
  const swept = await buildPartnershipReport(ctx, ROSENGARD);
  const single = await buildPartnershipReport(ctx, ROSENGARD, { trend: singleDateTrend });
  expect(swept.trend).toEqual(single.trend);
  expect(swept.methods.some((m) => m.field === 'timeline')).toBe(true);
});

describe('small-cell suppression', () => {
  it('withholds every citizen count under k from an ANALYST and none from an ADMIN, in the model and every rendering', async () => {
    const admin = await buildPartnershipReport(contextFor(ADMIN), ROSENGARD);
    const analyst = await buildPartnershipReport(contextFor(ANALYST), ROSENGARD);
    expect(admin.suppressionActive).toBe(false);
    expect(figuresOf(admin).filter(([, figure]) => figure.suppressed)).toEqual([]);
    const citizens = admin.matrix.sectors.find((row) => row.sector === 'CITIZEN')?.actors.value ?? 0;
    expect(citizens).toBeGreaterThan(0);
    expect(citizens).toBeLessThan(5);
    expect(analyst.suppressionActive && analyst.suppressionApplied).toBe(true);
    // Every citizen count of the ADMIN's report from 1 to 4 is withheld, and printed "< 5", in the ANALYST's.
    const analystFigures = new Map(figuresOf(analyst));
    const smallCitizenCounts = figuresOf(admin).filter(
      ([key, figure]) => (key === 'matrix.actors.CITIZEN' || (key.startsWith('matrix.ties.') && key.includes('CITIZEN'))) && figure.value !== null && figure.value >= 1 && figure.value < 5,
    );
    expect(smallCitizenCounts.length).toBeGreaterThan(0);
    for (const [key] of smallCitizenCounts) {
      expect(analystFigures.get(key)).toMatchObject({ value: null, suppressed: true, small: true });
      expect(formatFigure(analyst, analystFigures.get(key)!)).toBe('< 5');
    }
    // So are the figures that would give them back: the actors in all, and E-I's expectation.
    expect(analyst.headline.find((h) => h.key === 'actors')).toMatchObject({ value: null, suppressed: true });
    expect(analyst.headline.find((h) => h.key === 'eiExpected')).toMatchObject({ value: null, suppressed: true });
    const csv = reportCsvFiles(analyst, 'r').map((file) => file.content).join('\n');
    expect(csv).toContain(`medborgare,< 5`);
    expect(csv).not.toContain(`medborgare,${citizens}\r`);
    // The appendix states the rule ("shown as < 5"); the tables hold the figures.
    const adminCsv = reportCsvFiles(admin, 'r').filter((file) => file.name !== 'r_appendix.csv').map((file) => file.content).join('\n');
    expect(adminCsv).toContain(`medborgare,${citizens}\r`);
    expect(adminCsv).not.toContain('< 5');
    const pdfText = pdfPages(await reportPdf(analyst)).join('\n');
    expect(pdfText).toContain('< 5');
    expect(await reportHtml(analyst)).toContain('&lt; 5');
  });

  it('names citizens only for callers the policy lets see them', async () => {
    const admin = await buildPartnershipReport(contextFor(ADMIN), ROSENGARD);
    const analyst = await buildPartnershipReport(contextFor(ANALYST), ROSENGARD);
    const citizenRefs = (report: typeof admin) => [...(report.brokers ?? []).map((b) => b.actor), ...(report.risks ?? []).flatMap((r) => r.actors), ...report.tieChanges.flatMap((c) => [c.source, c.target])].filter((a) => a.sector === 'CITIZEN');
    expect(citizenRefs(admin).length).toBeGreaterThan(0);
    for (const actor of citizenRefs(admin)) expect(actor.name).not.toBe(`Citizen ${actor.id}`);
    for (const actor of citizenRefs(analyst)) expect(actor.name).toBe(`Citizen ${actor.id}`);
    const html = await reportHtml(analyst);
    for (const actor of citizenRefs(admin)) expect(html).not.toContain(actor.name);
  });
});

describe('renderings', () => {
  it('gives byte-identical CSV for the same period and graph version, however often and whenever it is computed', async () => {
    const first = await buildPartnershipReport(contextFor(ANALYST), ROSENGARD, { now: new Date('2030-01-01T00:00:00Z') });
    api.analytics.forgetAll();
    const second = await buildPartnershipReport(contextFor(ANALYST), ROSENGARD, { now: new Date('2031-06-01T12:00:00Z') });
    expect(second.graphVersion).toBe(first.graphVersion);
    expect(second.generatedAt).not.toBe(first.generatedAt);
    const a = reportCsvFiles(first, 'r');
    const b = reportCsvFiles(second, 'r');
    expect(a.length).toBeGreaterThan(8);
    for (const [i, file] of a.entries()) expect(Buffer.from(b[i].content, 'utf8').equals(Buffer.from(file.content, 'utf8'))).toBe(true);
    const zip = async (report: typeof first) => (await renderReport(report, 'csv')).content;
    expect((await zip(first)).equals(await zip(second))).toBe(true);
  });

  it('prints the headline figures in the PDF, the HTML and the workbook alike; the HTML opens with no network request', async () => {
    const report = await buildPartnershipReport(contextFor(ADMIN), ROSENGARD);
    const shown = report.headline.map((h) => formatFigure(report, h));
    const pages = pdfPages(await reportPdf(report));
    expect(pages[0]).toContain('Partnerskapsrapport');
    expect(pages[0]).toContain('Rosengård, 2022-Q3');
    for (const text of shown) expect(pages[0]).toContain(text);
    expect(pages.join('\n')).toContain(report.graphVersion);
    const html = await reportHtml(report);
    expect(offlineProblems(html)).toEqual([]);
    for (const text of shown) expect(html).toContain(`>${text}<`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(report, 'xlsx')).content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('headline');
    report.headline.forEach((h, i) => expect(sheet?.getCell(i + 2, 2).value).toBe(h.value));
  });
});

describe('issued reports', () => {
  it('marks a figure revised by a correction to a past tie after issuing, with its issued value, in GraphQL and every rendering', async () => {
    const issued = await api.ok<{ issuePartnershipReport: ReportData['partnershipReport'] }>(
      `mutation($period: String!, $areaId: ID) { issuePartnershipReport(period: $period, areaId: $areaId) { graphVersion issued { id revisedFigures } } }`,
      ROSENGARD,
      ANALYST,
    );
    expect(issued.issuePartnershipReport.issued).toMatchObject({ revisedFigures: 0 });
    const unchanged = await api.ok<ReportData>(REPORT, ROSENGARD, ANALYST);
    expect(unchanged.partnershipReport.issued).toMatchObject({ id: issued.issuePartnershipReport.issued?.id, revisedFigures: 0 });

    // A civil-society–private tie of Rosengård, recorded before the quarter, turns out to have been entered in error.
    const found = await api.ok<{ area: { actors: { nodes: Array<{ id: string; sector: string; collaborations: { edges: Array<{ partner: { id: string; sector: string }; node: { id: string; since: string } }> } }> } } }>(
      `{ area(id: "area-rosengard") { actors(asOf: "${ASOF}", first: 20) { nodes { id sector collaborations(asOf: "${ASOF}", first: 20) { edges { partner { id sector } node { id since } } } } } } }`,
    );
    const members = new Set(found.area.actors.nodes.map((actor) => actor.id));
    const tie = found.area.actors.nodes
      .filter((actor) => actor.sector === 'CIVIL_SOCIETY')
      .flatMap((actor) => actor.collaborations.edges.filter((edge) => edge.partner.sector === 'PRIVATE' && members.has(edge.partner.id) && edge.node.since < '2022-07-01'))[0];
    expect(tie).toBeDefined();
    const cell = (data: ReportData) => data.partnershipReport.matrix.find((c) => c.sectorA === 'CIVIL_SOCIETY' && c.sectorB === 'PRIVATE')!;
    const issuedTies = cell(unchanged).ties.value as number;
    await api.ok(`mutation($id: ID!) { removeCollaboration(id: $id) { id } }`, { id: tie.node.id }, DEVELOPMENT_ADMIN);

    const revised = await api.ok<ReportData>(REPORT, ROSENGARD, ANALYST);
    expect(revised.partnershipReport.graphVersion).not.toBe(issued.issuePartnershipReport.graphVersion);
    expect(cell(revised).ties).toMatchObject({ value: issuedTies - 1, revised: true, issuedValue: issuedTies });
    expect(revised.partnershipReport.issued?.revisedFigures).toBeGreaterThan(0);
    expect(cell(revised).density.revised).toBe(true);

    const report = await buildPartnershipReport(contextFor(ANALYST), ROSENGARD);
    const csv = reportCsvFiles(report, 'r').find((file) => file.name === 'r_sector_matrix.csv')?.content ?? '';
    expect(csv).toContain(`civilsamhälle,näringsliv,${issuedTies - 1} († ${issuedTies}),`);
    expect(await reportHtml(report)).toMatch(new RegExp(`>${issuedTies - 1} <span class="issued"[^>]*>† ${issuedTies}</span>`));
    expect(pdfPages(await reportPdf(report)).join('\n')).toContain(`${issuedTies - 1} † ${issuedTies}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(report, 'xlsx')).content as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('revisions')?.getSheetValues() ?? [];
    expect(JSON.stringify(rows)).toContain('matrix.ties.CIVIL_SOCIETY|PRIVATE');
  });
});

describe('access and input', () => {
  it('needs ANALYST for the field and the mutation, and says what is wrong with a period or an area', async () => {
    expect(codesOf(await api.run(REPORT, ROSENGARD, VIEWER))).toEqual(['FORBIDDEN']);
    expect(codesOf(await api.run(`mutation { issuePartnershipReport(period: "2022-Q3") { asOf } }`, {}, VIEWER))).toEqual(['FORBIDDEN']);
    const bad = await api.run(REPORT, { period: '2022-Q5' }, ANALYST);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(codesOf(await api.run(REPORT, { period: '2022-Q3', areaId: 'area-nowhere' }, ANALYST))).toEqual(['NOT_FOUND']);
  });

  it('reports on the whole city with its districts as sub-areas', async () => {
    const { partnershipReport: city } = await api.ok<ReportData & { partnershipReport: { areaName: string } }>(REPORT, { period: '2022-Q3', lang: 'EN' }, ADMIN);
    expect(city.areaName).toBe('the whole city');
    expect(city.headline.find((h) => h.key === 'coverage')?.figure.value).not.toBeNull();
    expect(city.subAreas.map((a) => a.areaId)).toContain('area-rosengard');
  });
});

describe('tie changes', () => {
  it('lists a cross-sector tie opened in the period with its date, kind and both actors, and not in the next period', async () => {
    const found = await api.ok<{ area: { actors: { nodes: Array<{ id: string; name: string; sector: string }> } } }>(
      `{ area(id: "area-rosengard") { actors(asOf: "${ASOF}", first: 50) { nodes { id name sector } } } }`,
    );
    const organisations = found.area.actors.nodes.filter((actor) => actor.sector !== 'CITIZEN');
    let added: { a: (typeof organisations)[number]; b: (typeof organisations)[number] } | null = null;
    for (const a of organisations) {
      for (const b of organisations.filter((other) => other.sector !== a.sector && other.id > a.id)) {
        const result = await api.run(
          `mutation($input: AddCollaborationInput!) { addCollaboration(input: $input) { id } }`,
          { input: { actorId: a.id, partnerId: b.id, kind: 'SERVICE', since: '2022-08-15', strength: 2, source: 'report test' } },
          DEVELOPMENT_ADMIN,
        );
        if (!result.errors) added = { a, b };
        if (added) break;
      }
      if (added) break;
    }
    expect(added).not.toBeNull();
    const report = await buildPartnershipReport(contextFor(ADMIN), ROSENGARD);
    expect(report.tieChanges).toContainEqual({
      change: 'OPENED',
      date: '2022-08-15',
      kind: 'SERVICE',
      source: { id: added!.a.id, name: added!.a.name, sector: added!.a.sector },
      target: { id: added!.b.id, name: added!.b.name, sector: added!.b.sector },
    });
    const next = await buildPartnershipReport(contextFor(ADMIN), { ...ROSENGARD, period: '2022-Q4' });
    expect(next.tieChanges.some((change) => change.date === '2022-08-15' && change.source.id === added!.a.id && change.target.id === added!.b.id)).toBe(false);
  });
});
