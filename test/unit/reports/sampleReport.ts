import type { Figure, PartnershipReport } from '../../../src/reports/reportModel';
import { SECTORS } from '../../../src/model';

const f = (value: number | null, extra: Partial<Figure> = {}): Figure => ({ value, suppressed: false, issued: null, revised: false, ...extra });

/** A small, hand-made report: the renderers' input in unit tests. */
export function sampleReport(overrides: Partial<PartnershipReport> = {}): PartnershipReport {
  const cells = SECTORS.flatMap((a, i) => SECTORS.slice(i).map((b, j) => ({ sectorA: a, sectorB: b, ties: f(i + j), density: f(Math.round(((i + j) / 10) * 1000) / 1000) })));
  cells[1].ties = f(null, { suppressed: true, small: true });
  cells[1].density = f(null, { suppressed: true });
  return {
    lang: 'SV',
    period: { label: '2022-Q3', kind: 'QUARTER', start: '2022-07-01', end: '2022-09-30' },
    compareTo: 'PREVIOUS_PERIOD',
    comparison: { label: '2022-Q2', kind: 'QUARTER', start: '2022-04-01', end: '2022-06-30' },
    area: { id: 'area-rosengard', name: 'Rosengård' },
    asOf: '2022-09-30',
    graphVersion: 'epoch-1:42',
    generatedAt: '2026-01-02T03:04:05.000Z',
    suppressionK: 5,
    suppressionActive: true,
    suppressionApplied: true,
    suppressionRule: 'rule',
    headline: [
      { key: 'actors', ...f(15), previous: 13, delta: 2 },
      { key: 'ties', ...f(28, { revised: true, issued: 27 }), previous: 30, delta: -2 },
      { key: 'crossSectorShare', ...f(0.75, { decimals: 3 }), previous: 0.75, delta: 0 },
      { key: 'eiIndex', ...f(0.5, { decimals: 3 }), previous: 0.45, delta: 0.05 },
      { key: 'eiExpected', ...f(null, { suppressed: true, decimals: 3 }), previous: null, delta: null },
      { key: 'coverage', ...f(0.833, { decimals: 3 }), previous: 0.667, delta: 0.166 },
    ],
    matrix: { sectors: SECTORS.map((sector, i) => ({ sector, actors: i === 0 ? f(null, { suppressed: true, small: true }) : f(i + 2) })), cells },
    trend: ['2020-Q4', '2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3'].map((period, i) => ({
      period,
      asOf: `${period.slice(0, 4)}-12-31`,
      crossSectorShare: f(0.5 + i / 40),
      eiIndex: f(i / 20),
      eiExpected: f(0.58),
    })),
    subAreas: [{ areaId: 'area-herrgarden', name: 'Herrgården', sectorsPresent: ['CIVIL_SOCIETY', 'PUBLIC'], missingPairs: [{ sectorA: 'CIVIL_SOCIETY', sectorB: 'PUBLIC' }], coverage: f(0) }],
    tieChanges: [
      {
        change: 'OPENED',
        date: '2022-08-01',
        kind: 'PARTNERSHIP',
        source: { id: 'a', name: 'Förening Å, "Ä" & Ö', sector: 'CIVIL_SOCIETY' },
        target: { id: 'b', name: 'Stadskontoret', sector: 'PUBLIC' },
      },
    ],
    tieChangesWithheld: { opened: true, ended: false },
    initiatives: [{ id: 'i1', name: 'Malmö Tillsammans', kind: 'PROJECT', startDate: '2021-01-01', endDate: '2023-02-28', sdgs: [8, 10, 11, 17] }],
    brokers: [
      { rank: 1, actor: { id: 'a', name: 'Förening Å', sector: 'CIVIL_SOCIETY' }, betweenness: 12.5, normalisedBetweenness: 0.123, degree: 4, coordinator: 1, itinerant: 2, gatekeeperRepresentative: 3, liaison: 4 },
    ],
    risks: [{ type: 'ARTICULATION_POINT', actors: [{ id: 'a', name: 'Förening Å', sector: 'CIVIL_SOCIETY' }], separatedSectors: ['PUBLIC'] }],
    gdsUnavailable: null,
    methods: [
      {
        key: 'sector matrix 2022-Q3',
        field: 'sectorMatrix',
        asOf: '2022-09-30',
        algorithm: 'Pairs counted per unordered sector pair; density = ties ÷ possible pairs (nA·nB), Σ − ≥',
        engine: 'COLLABORATION_INDEX',
        normalisation: null,
        counting: 'each pair once',
        nodeCount: null,
        tieCount: 28,
        gdsVersion: null,
        computedAt: '2026-01-02T03:04:00.000Z',
        suppressionApplied: true,
      },
    ],
    issued: { id: 'issued-1', issuedAt: '2025-10-01T00:00:00Z', issuedBy: 'token:analyst', graphVersion: 'epoch-1:40', revisedFigures: 1 },
    ...overrides,
  };
}
