import { mixingFromCounts, sectorIndex, sectorMixing } from '../../../src/analytics/measures/sectorMixing';
import { modularity } from '../../../src/analytics/measures/modularity';
import { SECTORS } from '../../../src/model';
import { sectorMatrix } from '../../../src/analytics/measures/sectorMatrix';
import { eiIndex, expectedEI } from '../../../src/analytics/measures/eiIndex';
import { assortativity } from '../../../src/analytics/measures/assortativity';
import { graphOf, mixedGraph } from './sampleGraphs';

const mixingOf = (graph: ReturnType<typeof graphOf>) => sectorMixing(graph.actors, graph.pairs);

describe('sectorMatrix', () => {
  it('counts each pair once per sector pair, with densities, all five sectors and the isolate', () => {
    const matrix = sectorMatrix(mixingOf(mixedGraph()));
    expect(matrix.totalTies).toBe(9);
    expect(matrix.sectors).toEqual([
      { sector: 'CITIZEN', actors: 2 },
      { sector: 'CIVIL_SOCIETY', actors: 2 },
      { sector: 'PRIVATE', actors: 2 },
      { sector: 'PUBLIC', actors: 2 },
      { sector: 'ACADEMIA', actors: 1 },
    ]);
    expect(matrix.cells).toHaveLength(15);
    const cell = (a: string, b: string) => matrix.cells.find((c) => c.sectorA === a && c.sectorB === b);
    // Hand-checked: a1–a2 within CITIZEN (1 of 2·1/2 possible); a1–a3 and a2–a3 CITIZEN–CIVIL_SOCIETY (2 of 2·2).
    expect(cell('CITIZEN', 'CITIZEN')).toEqual({ sectorA: 'CITIZEN', sectorB: 'CITIZEN', ties: 1, possiblePairs: 1, density: 1 });
    expect(cell('CITIZEN', 'CIVIL_SOCIETY')).toEqual({ sectorA: 'CITIZEN', sectorB: 'CIVIL_SOCIETY', ties: 2, possiblePairs: 4, density: 0.5 });
    expect(cell('PRIVATE', 'PUBLIC')).toMatchObject({ ties: 2, possiblePairs: 4, density: 0.5 });
    expect(cell('PRIVATE', 'PRIVATE')).toMatchObject({ ties: 0, possiblePairs: 1, density: 0 });
    expect(cell('PUBLIC', 'ACADEMIA')).toMatchObject({ ties: 0, possiblePairs: 2, density: 0 });
    // One academic: no pair within the sector is possible.
    expect(cell('ACADEMIA', 'ACADEMIA')).toMatchObject({ ties: 0, possiblePairs: 0, density: null });
    expect(matrix.cells.reduce((sum, c) => sum + c.ties, 0)).toBe(9);
    // Upper triangle in enum order.
    expect(matrix.cells.slice(0, 5).map((c) => c.sectorB)).toEqual(['CITIZEN', 'CIVIL_SOCIETY', 'PRIVATE', 'PUBLIC', 'ACADEMIA']);
  });

  it('lists every sector with zero actors for an empty scope', () => {
    const matrix = sectorMatrix(mixingOf(graphOf({}, [])));
    expect(matrix.sectors.map((s) => s.actors)).toEqual([0, 0, 0, 0, 0]);
    expect(matrix.cells.every((c) => c.ties === 0 && c.possiblePairs === 0 && c.density === null)).toBe(true);
  });
});

describe('eiIndex', () => {
  it('gives overall and per-sector E-I and the expected value (hand-checked)', () => {
    const result = eiIndex(mixingOf(mixedGraph()));
    // E = 7 pairs between sectors, I = 2 within (a1–a2, a3–a4): (7 − 2)/9.
    expect(result.overall).toEqual({ external: 7, internal: 2, value: 5 / 9, reason: null });
    expect(result.bySector).toEqual([
      { sector: 'CITIZEN', index: { external: 3, internal: 1, value: 0.5, reason: null } },
      { sector: 'CIVIL_SOCIETY', index: { external: 4, internal: 1, value: 0.6, reason: null } },
      { sector: 'PRIVATE', index: { external: 4, internal: 0, value: 1, reason: null } },
      { sector: 'PUBLIC', index: { external: 3, internal: 0, value: 1, reason: null } },
      { sector: 'ACADEMIA', index: { external: 0, internal: 0, value: null, reason: expect.stringMatching(/ACADEMIA has no ties/) } },
    ]);
    // Sizes 2,2,2,2,1: Pi = 4·1 = 4, Pe = C(9,2) − 4 = 32, expected = 28/36.
    expect(result.expected).toBeCloseTo(7 / 9, 12);
    expect(result.expectedReason).toBeNull();
  });

  it('is −1 for a single-sector area and null without ties or actors, never NaN', () => {
    const single = eiIndex(mixingOf(graphOf({ x: 'PUBLIC', y: 'PUBLIC', z: 'PUBLIC' }, [['x', 'y']])));
    expect(single.overall).toEqual({ external: 0, internal: 1, value: -1, reason: null });
    expect(single.expected).toBe(-1);
    expect(single.bySector.map((s) => s.sector)).toEqual(['PUBLIC']);
    const noTies = eiIndex(mixingOf(graphOf({ x: 'PUBLIC', y: 'PRIVATE' }, [])));
    expect(noTies.overall.value).toBeNull();
    expect(noTies.overall.reason).toMatch(/no ties/);
    expect(noTies.expected).toBe(1);
    const empty = eiIndex(mixingOf(graphOf({}, [])));
    expect(empty.overall.value).toBeNull();
    expect(empty.bySector).toEqual([]);
    expect(empty.expected).toBeNull();
    expect(empty.expectedReason).toMatch(/fewer than two actors/);
    expect(expectedEI([1, 0, 0, 0, 0]).expected).toBeNull();
  });
});

describe('assortativity', () => {
  // Expected values from networkx.attribute_assortativity_coefficient(G, 'sector'), NetworkX 3.6.1.
  it('agrees with NetworkX on the mixed sample (isolate and separate part included)', () => {
    expect(assortativity(mixingOf(mixedGraph())).coefficient).toBeCloseTo(-0.05882352941176466, 9);
  });

  it('agrees with NetworkX at the extremes and on a three-sector graph', () => {
    const within = graphOf({ a: 'CITIZEN', b: 'CITIZEN', c: 'PRIVATE', d: 'PRIVATE' }, [['a', 'b'], ['c', 'd']]);
    expect(assortativity(mixingOf(within)).coefficient).toBeCloseTo(1, 12);
    const bipartite = graphOf({ a: 'CITIZEN', b: 'CITIZEN', c: 'PRIVATE', d: 'PRIVATE' }, [['a', 'c'], ['a', 'd'], ['b', 'c']]);
    expect(assortativity(mixingOf(bipartite)).coefficient).toBeCloseTo(-1, 12);
    const three = graphOf(
      { a: 'CITIZEN', b: 'CITIZEN', c: 'PUBLIC', d: 'ACADEMIA', e: 'ACADEMIA', f: 'PUBLIC' },
      [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'c'], ['a', 'e']],
    );
    expect(assortativity(mixingOf(three)).coefficient).toBeCloseTo(0.13846153846153852, 9);
  });

  it('is null with a reason where NetworkX has NaN (one sector) or nothing to measure (no ties)', () => {
    const single = assortativity(mixingOf(graphOf({ a: 'CITIZEN', b: 'CITIZEN', c: 'PRIVATE' }, [['a', 'b']])));
    expect(single).toEqual({ coefficient: null, reason: expect.stringMatching(/one sector \(CITIZEN\)/), sectorModularity: 0 });
    const none = assortativity(mixingOf(graphOf({ a: 'CITIZEN', c: 'PRIVATE' }, [])));
    expect(none).toEqual({ coefficient: null, reason: expect.stringMatching(/no ties/), sectorModularity: null });
  });
});

describe('sectorModularity', () => {
  // Expected values from networkx.algorithms.community.modularity(G, parts) with
  // parts = the actors of each sector, NetworkX 3.6.1, computed once with
  // python3 on these graphs (isolates added as nodes) and copied here.
  const within = graphOf({ a: 'CITIZEN', b: 'CITIZEN', c: 'PRIVATE', d: 'PRIVATE' }, [['a', 'b'], ['c', 'd']]);
  const bipartite = graphOf({ a: 'CITIZEN', b: 'CITIZEN', c: 'PRIVATE', d: 'PRIVATE' }, [['a', 'c'], ['a', 'd'], ['b', 'c']]);
  const three = graphOf(
    { a: 'CITIZEN', b: 'CITIZEN', c: 'PUBLIC', d: 'ACADEMIA', e: 'ACADEMIA', f: 'PUBLIC' },
    [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'c'], ['a', 'e']],
  );
  const single = graphOf({ a: 'CITIZEN', b: 'CITIZEN', c: 'PRIVATE' }, [['a', 'b']]);

  it.each([
    ['the mixed sample (isolate and separate part included)', mixedGraph(), -0.043209876543209874],
    ['two within-sector pairs', within, 0.5],
    ['a bipartite graph', bipartite, -0.5],
    ['a three-sector graph', three, 0.09183673469387753],
    ['one sector’s ties only', single, 0],
  ])('agrees with NetworkX on %s', (_, graph, expected) => {
    expect(Math.abs((assortativity(mixingOf(graph)).sectorModularity as number) - expected)).toBeLessThan(1e-12);
  });

  it('is r’s numerator: r = Q ÷ (1 − Σ a_k²), so Q and r share their sign', () => {
    for (const graph of [mixedGraph(), within, bipartite, three]) {
      const { coefficient, sectorModularity } = assortativity(mixingOf(graph));
      expect(Math.sign(sectorModularity as number)).toBe(Math.sign(coefficient as number));
      expect(Math.abs(sectorModularity as number)).toBeLessThanOrEqual(Math.abs(coefficient as number) + 1e-15);
    }
  });

  it('equals the modularity of the sector partition as the communities field computes it, on random graphs', () => {
    let state = 2024;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 50; round += 1) {
      const n = 2 + Math.floor(random() * 20);
      const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const sectors = Object.fromEntries(ids.map((id) => [id, SECTORS[Math.floor(random() * SECTORS.length)]]));
      const pairs = new Map<string, [string, string]>();
      for (let t = Math.floor(random() * n * 2); t > 0; t -= 1) {
        const [a, b] = [Math.floor(random() * n), Math.floor(random() * n)];
        if (a !== b) pairs.set(`${Math.min(a, b)}-${Math.max(a, b)}`, [ids[Math.min(a, b)], ids[Math.max(a, b)]]);
      }
      const graph = graphOf(sectors, [...pairs.values()]);
      const bySector = graph.actors.map((actor) => sectorIndex(actor.sector));
      const expected = modularity(graph, bySector, 1);
      const actual = assortativity(mixingOf(graph)).sectorModularity;
      if (expected === null) expect(actual).toBeNull();
      else expect({ round, difference: Math.abs((actual as number) - expected) < 1e-12 }).toEqual({ round, difference: true });
    }
  });
});

describe('mixingFromCounts', () => {
  it('gives the same mixing from database counts as from the pairs (both orders of a sector pair add up)', () => {
    const fromPairs = mixingOf(mixedGraph());
    const fromCounts = mixingFromCounts({
      sizes: [
        { sector: 'CITIZEN', actors: 2 },
        { sector: 'CIVIL_SOCIETY', actors: 2 },
        { sector: 'PRIVATE', actors: 2 },
        { sector: 'PUBLIC', actors: 2 },
        { sector: 'ACADEMIA', actors: 1 },
      ],
      pairs: [
        { sourceSector: 'CITIZEN', targetSector: 'CITIZEN', pairs: 1 },
        { sourceSector: 'CITIZEN', targetSector: 'CIVIL_SOCIETY', pairs: 2 },
        { sourceSector: 'CIVIL_SOCIETY', targetSector: 'CIVIL_SOCIETY', pairs: 1 },
        { sourceSector: 'CIVIL_SOCIETY', targetSector: 'PRIVATE', pairs: 1 },
        { sourceSector: 'PRIVATE', targetSector: 'PUBLIC', pairs: 1 },
        { sourceSector: 'PUBLIC', targetSector: 'PRIVATE', pairs: 1 },
        { sourceSector: 'CIVIL_SOCIETY', targetSector: 'PUBLIC', pairs: 1 },
        { sourceSector: 'CITIZEN', targetSector: 'PRIVATE', pairs: 1 },
      ],
    });
    expect(fromCounts).toEqual(fromPairs);
    expect(mixingFromCounts(undefined)).toEqual(mixingOf(graphOf({}, [])));
  });
});
