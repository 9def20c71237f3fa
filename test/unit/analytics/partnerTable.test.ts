import { indexOfDataset } from '../../../src/analytics/collaborationIndex/indexOfDataset';
import { indexPartnerTable } from '../../../src/analytics/collaborationIndex/indexPartnerTable';
import { blau, byDiversity, type PartnerSectorCounts } from '../../../src/analytics/measures/blau';
import { PartnerTable } from '../../../src/analytics/measures/partnerTable';
import { parseScope, type Scope } from '../../../src/analytics/scope';
import { Rng } from '../../../src/seed/generator/random';
import { generateCity } from '../../../src/seed/generateCity';
import { SECTORS } from '../../../src/model';

/**
 * Diversity's partner table (src/analytics/measures/partnerTable.ts): its page
 * of the ranking must be the first rows of the whole ranking sorted as the
 * documented order says (byDiversity: exact fractions, empty and withheld sets
 * last, then id), and the index's table must hold the same counts as the rows
 * of analytics/partnerSectorCounts.
 */

/** Random partner counts: small sets (many equal indices), some empty, some outsiders, ids not in row order. */
function randomRows(seed: number, size: number): PartnerSectorCounts[] {
  const rng = new Rng(seed);
  const int = (below: number) => Math.floor(rng.next() * below);
  const ids = Array.from({ length: size }, (_, at) => `actor-${String((at * 7919) % 10007).padStart(5, '0')}`);
  return ids.map((id) => ({
    id,
    sector: SECTORS[int(SECTORS.length)],
    counts: SECTORS.map(() => (rng.next() < 0.5 ? 0 : int(4))),
    outsideIds: rng.next() < 0.1 ? [`out-${int(5)}`] : [],
  }));
}

/** The documented order, sorting every row: what a page must be the start of. */
function sortedRanking(table: PartnerTable, withheld: (row: number) => boolean): string[] {
  const rows = Array.from({ length: table.rows }, (_, row) => ({ id: table.ids[row], index: withheld(row) ? { value: null, count: null } : blau(table.countsOf(row)) }));
  return rows.sort(byDiversity((row) => row.index, (row) => row.id)).map((row) => row.id);
}

describe('PartnerTable', () => {
  it.each([1, 2, 3, 4])('pages the ranking as a sort of every row would, random table %i', (seed) => {
    const table = PartnerTable.fromRows(randomRows(seed, 400));
    const rng = new Rng(seed + 100);
    const withheldRows = new Set(Array.from({ length: table.rows }, (_, row) => row).filter(() => rng.next() < 0.2));
    for (const withheld of [() => false, (row: number) => withheldRows.has(row)]) {
      const expected = sortedRanking(table, withheld);
      for (const first of [1, 20, 100, table.rows, table.rows + 5]) {
        expect({ first, page: table.top(first, withheld).map((row) => table.ids[row]) }).toEqual({ first, page: expected.slice(0, first) });
      }
    }
  });

  it('counts every tie once from its two ends, outsiders included', () => {
    const rows: PartnerSectorCounts[] = [
      { id: 'in1', sector: 'CITIZEN', counts: [0, 1, 1, 0, 0], outsideIds: ['out'] },
      { id: 'in2', sector: 'CIVIL_SOCIETY', counts: [1, 0, 1, 0, 0], outsideIds: ['out'] },
    ];
    const table = PartnerTable.fromRows(rows);
    expect({ rows: table.rows, members: table.members, ties: table.tieCount }).toEqual({ rows: 3, members: 2, ties: 3 });
    expect(Array.from(table.countsOf(2))).toEqual([1, 1, 0, 0, 0]);
  });
});

describe('indexPartnerTable', () => {
  const city = generateCity({ actors: 1500, seed: 7 });
  const index = indexOfDataset(city, 'test');
  const district = [...city.areas].find((area) => area.level === 'DISTRICT')?.id ?? null;
  const scopes: Scope[] = [
    parseScope({ asOf: '2024-06-30' }, new Date()),
    parseScope({ asOf: '2019-01-01', areaId: district }, new Date()),
    parseScope({ asOf: '2024-06-30', areaId: district, membership: 'TOUCHING' }, new Date()),
    parseScope({ asOf: '2024-06-30', areaId: district, membership: 'TOUCHING', sectors: ['CITIZEN', 'PUBLIC'], minStrength: 2 }, new Date()),
  ];

  it.each(scopes.map((scope) => [JSON.stringify(scope), scope] as const))('ranks by actor number as the Cypher rows rank by id, scope %s', (_, scope) => {
    // The index's rank is the actor number; a table from rows ranks by sorting the ids. The same
    // counts must give the same pages. (The counts themselves are checked against the scope rules
    // in collaborationIndex.test.ts and against Cypher in analytics-index.test.ts.)
    const fromIndex = indexPartnerTable(index, scope);
    expect(fromIndex.rows).toBeGreaterThan(0);
    const rows: PartnerSectorCounts[] = fromIndex.ids.map((id, row) => ({ id, sector: SECTORS[fromIndex.sectors[row]], counts: Array.from(fromIndex.countsOf(row)), outsideIds: [] }));
    const fromRows = PartnerTable.fromRows(rows);
    const page = (table: PartnerTable) => table.top(table.rows, (row) => table.citizenPartners(row) === 1).map((row) => table.ids[row]);
    expect(page(fromIndex)).toEqual(page(fromRows));
    expect(fromIndex.tieCount).toBeGreaterThan(0);
  });
});
