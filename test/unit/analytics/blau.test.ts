import { areaDiversityFromCounts, blau, byDiversity, compareBlau, MAX_BLAU, type PartnerSectorCounts } from '../../../src/analytics/measures/blau';
import { PartnerTable } from '../../../src/analytics/measures/partnerTable';
import { sectorIndex } from '../../../src/analytics/measures/sectorMixing';
import { SECTORS, type Sector } from '../../../src/model';
import type { ScopeGraph } from '../../../src/analytics/scopeGraph';
import { mixedGraph } from './sampleGraphs';

/** Counts per sector (SECTORS order) of a list of sectors. */
const sectorCounts = (sectors: Sector[]): number[] => {
  const counts = SECTORS.map(() => 0);
  for (const sector of sectors) counts[sectorIndex(sector)] += 1;
  return counts;
};

/** What analytics/partnerSectorCounts returns for a network held in memory (no outsiders). */
const countsOf = (graph: ScopeGraph): PartnerSectorCounts[] =>
  graph.actors.map((actor, index) => ({
    id: actor.id,
    sector: actor.sector,
    counts: sectorCounts(graph.neighbours[index].map((partner) => graph.actors[partner].sector)),
    outsideIds: [],
  }));

/** The whole ranking diversity shows (nothing withheld), as rows, from the counts the Cypher engine returns. */
function actorDiversityFromCounts(rows: PartnerSectorCounts[]) {
  const table = PartnerTable.fromRows(rows);
  const ranked = table.top(table.rows, () => false).map((row) => ({ actorId: table.ids[row], partners: blau(table.countsOf(row)) }));
  return { rows: ranked, nodeCount: table.rows, tieCount: table.tieCount };
}

describe('blau', () => {
  it('is 0 for one sector, 1 − 1/K normalised to 1 for an even mix, null for nobody', () => {
    expect(blau([3, 0, 0, 0, 0])).toEqual({ value: 0, normalised: 0, count: 3 });
    expect(blau([1, 1, 1, 1, 1])).toEqual({ value: expect.closeTo(MAX_BLAU, 12), normalised: expect.closeTo(1, 12), count: 5 });
    expect(blau([1, 1, 0, 0, 0])).toEqual({ value: 0.5, normalised: 0.625, count: 2 });
    expect(blau([0, 0, 0, 0, 0])).toEqual({ value: null, normalised: null, count: 0 });
  });
});

describe('actorDiversityFromCounts', () => {
  it('measures each actor’s partners, most diverse first, the isolate last', () => {
    // Hand-checked: a2's partners a1 (CITIZEN), a3 (CIVIL_SOCIETY), a5 (PRIVATE): 1 − 3·(1/3)² = 2/3.
    // a3's partners a1, a2 (CITIZEN), a4 (CIVIL_SOCIETY), a6 (PUBLIC): 1 − (1/4 + 1/16 + 1/16) = 0.625.
    const graph = mixedGraph();
    const { rows, nodeCount, tieCount } = actorDiversityFromCounts(countsOf(graph));
    expect({ nodeCount, tieCount }).toEqual({ nodeCount: graph.actors.length, tieCount: graph.pairs.length });
    expect(rows.map((row) => row.actorId)).toEqual(['a2', 'a5', 'a3', 'a1', 'a4', 'a6', 'a8', 'a9', 'a7']);
    const of = (id: string) => rows.find((row) => row.actorId === id)?.partners;
    expect(of('a2')).toEqual({ value: expect.closeTo(2 / 3, 12), normalised: expect.closeTo(0.8333333333333334, 12), count: 3 });
    expect(of('a3')).toEqual({ value: 0.625, normalised: 0.78125, count: 4 });
    expect(of('a8')).toEqual({ value: 0, normalised: 0, count: 1 });
    expect(of('a7')).toEqual({ value: null, normalised: null, count: 0 });
  });
});

describe('areaDiversityFromCounts', () => {
  it('measures each area’s actors, an empty area last', () => {
    // Counts in SECTORS order: CITIZEN, CIVIL_SOCIETY, PRIVATE, PUBLIC, ACADEMIA.
    const rows = areaDiversityFromCounts([
      { id: 'empty', name: 'Tomt', counts: [0, 0, 0, 0, 0] },
      { id: 'mono', name: 'Ett', counts: [0, 0, 0, 1, 0] },
      { id: 'city', name: 'Malmö', counts: [2, 2, 2, 2, 1] },
    ]);
    // Sizes 2, 2, 2, 2, 1 of 9: 1 − (4·4 + 1)/81 = 64/81.
    expect(rows).toEqual([
      { areaId: 'city', actors: { value: expect.closeTo(64 / 81, 12), normalised: expect.closeTo(64 / 81 / 0.8, 12), count: 9 } },
      { areaId: 'mono', actors: { value: 0, normalised: 0, count: 1 } },
      { areaId: 'empty', actors: { value: null, normalised: null, count: 0 } },
    ]);
  });
});

describe('actorDiversityFromCounts with TOUCHING', () => {
  it('adds partners outside the area as actors, with the scope actors tied to them as their partners', () => {
    const { rows, nodeCount, tieCount } = actorDiversityFromCounts([
      { id: 'in1', sector: 'CITIZEN', counts: [0, 1, 1, 0, 0], outsideIds: ['out'] },
      { id: 'in2', sector: 'CIVIL_SOCIETY', counts: [1, 0, 1, 0, 0], outsideIds: ['out'] },
    ]);
    // in1–in2 inside (seen from both), in1–out and in2–out to the outsider: 3 ties, 3 actors.
    expect({ nodeCount, tieCount }).toEqual({ nodeCount: 3, tieCount: 3 });
    expect(rows.find((row) => row.actorId === 'out')?.partners).toEqual({ value: 0.5, normalised: 0.625, count: 2 });
  });
});

describe('the order of equal Blau indices', () => {
  // 2/3 two ways: partners 1,1,1 give 1 − 3·(1/3)² and partners 3,1,1,1 give
  // 1 − (9 + 1 + 1 + 1)/36. In floating point the first is 0.6666666666666667 and
  // the second 0.6666666666666666, so comparing the floats puts "b" before "a".
  const twoWays = { a: [3, 1, 1, 1, 0], b: [1, 1, 1, 0, 0] };

  it('is a real trap for a float comparison (the premise of the tests below)', () => {
    expect(blau(twoWays.a).value).toBeLessThan(blau(twoWays.b).value as number);
  });

  it('ties equal fractions and breaks the tie by actor id', () => {
    const { rows } = actorDiversityFromCounts([
      { id: 'b', sector: 'PUBLIC', counts: twoWays.b, outsideIds: [] },
      { id: 'a', sector: 'PUBLIC', counts: twoWays.a, outsideIds: [] },
      { id: 'c', sector: 'PUBLIC', counts: [2, 2, 2, 0, 0], outsideIds: [] },
      { id: '0', sector: 'PUBLIC', counts: [1, 1, 1, 1, 0], outsideIds: [] },
    ]);
    expect(rows.map((row) => row.actorId)).toEqual(['0', 'a', 'b', 'c']);
  });

  it('orders areas the same way', () => {
    const rows = areaDiversityFromCounts([
      { id: 'y', name: 'Y', counts: [1, 1, 1, 0, 0] },
      { id: 'x', name: 'X', counts: [9, 3, 3, 3, 0] },
    ]);
    expect(rows.map((row) => row.areaId)).toEqual(['x', 'y']);
  });

  it('compares the exact fractions for every equal value among small count vectors', () => {
    // Every count vector of up to 8 members (sorted, as sector order does not matter to the value).
    const vectors: number[][] = [];
    const extend = (prefix: number[], max: number, left: number) => {
      if (prefix.length === 5) {
        if (left < 8) vectors.push(prefix);
        return;
      }
      for (let next = 0; next <= Math.min(max, left); next += 1) extend([...prefix, next], next, left - next);
    };
    extend([], 8, 8);
    const exact = (counts: number[]) => {
      const n = counts.reduce((sum, value) => sum + value, 0);
      return { squares: counts.reduce((sum, value) => sum + value * value, 0), n };
    };
    let equalPairs = 0;
    for (const u of vectors) {
      for (const v of vectors) {
        const [eu, ev] = [exact(u), exact(v)];
        if (eu.n === 0 || ev.n === 0) continue;
        const expected = Math.sign(eu.squares * ev.n * ev.n - ev.squares * eu.n * eu.n);
        if (expected === 0) equalPairs += 1;
        expect([u, v, compareBlau(blau(u), blau(v))]).toEqual([u, v, expected]);
      }
    }
    expect(equalPairs).toBeGreaterThan(vectors.length);
  });

  it('compares large sets exactly, and puts empty and withheld indices last', () => {
    // Sets of about 10⁵ members: N_a·N_b is past 2^26.5, so the cross products are taken as BigInt.
    const big = blau([33333, 33333, 33333, 0, 0]);
    expect(compareBlau(big, blau([3 * 16666, 16666, 16666, 16666, 0]))).toBe(0);
    expect(compareBlau(big, blau([33334, 33333, 33332, 0, 0]))).toBe(-1);
    expect(compareBlau(blau([33334, 33333, 33332, 0, 0]), big)).toBe(1);
    expect(compareBlau(big, blau([1, 1, 1, 0, 0]))).toBe(0);
    const sorted = [
      { id: 'withheld', index: { value: null, count: null } },
      { id: 'empty', index: blau([0, 0, 0, 0, 0]) },
      { id: 'low', index: blau([5, 0, 0, 0, 0]) },
      { id: 'big', index: big },
    ].sort(byDiversity((row) => row.index, (row) => row.id));
    expect(sorted.map((row) => row.id)).toEqual(['big', 'low', 'empty', 'withheld']);
  });
});
