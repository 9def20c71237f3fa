import { codesOf, useTestApi } from '../helpers/testApi';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';
import { parseScope } from '../../src/analytics/scope';
import { exactBetweenness, type SamplingDescription } from '../../src/analytics/measures/betweennessEstimate';
import { normaliseBetweenness } from '../../src/analytics/measures/brokerRanking';

/**
 * brokers with sampled betweenness on a generated city of 6,000 actors, checked
 * against exact betweenness: the service's own Brandes over every actor, itself
 * checked against GDS's exact betweenness (the brokers field with EXACT).
 */

// GDS's exact betweenness of 6,000 actors takes seconds, more on a busy machine: a generous timeout.
const api = useTestApi({ analyticsTimeoutMs: 600000 });
const CITY = { asOf: '2024-06-01' };
const BROKERS = `query($scope: AnalyticsScope, $first: Int, $betweenness: BetweennessOptions) {
  brokers(scope: $scope, first: $first, betweenness: $betweenness) {
    brokers { actor { id } rank betweenness normalisedBetweenness }
    method { algorithm engine normalisation nodeCount cached gdsVersion
      sampling { algorithm sampleSize epsilon delta seed vertexDiameterBound errorBound rawErrorBound } } } }`;

type Sampling = SamplingDescription;
interface Brokers {
  brokers: {
    brokers: Array<{ actor: { id: string }; rank: number; betweenness: number; normalisedBetweenness: number }>;
    method: { algorithm: string; engine: string; normalisation: string; nodeCount: number; cached: boolean; gdsVersion: string | null; sampling: Sampling | null };
  };
}

let exact: Map<string, number>;
let n: number;

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, generateCity({ actors: 6000, seed: 11 }));
  const graph = await api.analytics.scopeGraph(parseScope(CITY, new Date()));
  n = graph.actors.length;
  const raw = await exactBetweenness(graph);
  exact = new Map(graph.actors.map((actor, index) => [actor.id, raw[index]]));
}, 180000);

const exactNormalised = (id: string) => normaliseBetweenness(exact.get(id) as number, n);
const exactTop = (k: number) => [...exact.keys()].sort((a, b) => (exact.get(b) as number) - (exact.get(a) as number)).slice(0, k);

describe('exact betweenness', () => {
  it('in the service equals GDS’s for the top 20 (EXACT through the brokers field)', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 20, betweenness: { method: 'EXACT' } });
    expect(brokers.method.sampling).toBeNull();
    expect(brokers.method.engine).toBe('GDS');
    for (const row of brokers.brokers) expect(row.betweenness).toBeCloseTo(exact.get(row.actor.id) as number, 4);
    expect(brokers.brokers.map((row) => row.betweenness)).toEqual(exactTop(20).map((id) => expect.closeTo(exact.get(id) as number, 4)));
  }, 120000);
});

describe('sampled betweenness', () => {
  const SAMPLED = { method: 'SAMPLED', epsilon: 0.01, delta: 0.1, seed: 7 };

  it('states its sample and bound, and every estimate is within it', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 100, betweenness: SAMPLED });
    const sampling = brokers.method.sampling as Sampling;
    expect(sampling).toMatchObject({ epsilon: 0.01, delta: 0.1, seed: 7 });
    // r = ⌈(0.5/ε²)(⌊log2(VD − 2)⌋ + 1 + ln(1/δ))⌉
    expect(sampling.sampleSize).toBe(Math.ceil(5000 * (Math.floor(Math.log2(sampling.vertexDiameterBound - 2)) + 1 + Math.log(10))));
    expect(sampling.errorBound).toBeCloseTo((0.01 * n) / (n - 2), 12);
    expect(sampling.rawErrorBound).toBeCloseTo((0.01 * n * (n - 1)) / 2, 6);
    expect(sampling.algorithm).toMatch(/Riondato–Kornaropoulos/);
    expect(brokers.method.algorithm).toMatch(/Riondato–Kornaropoulos/);
    expect(brokers.method.normalisation).toMatch(/within/);
    expect(brokers.method.gdsVersion).toBeNull();
    expect(brokers.brokers).toHaveLength(100);
    for (const row of brokers.brokers) {
      expect(Math.abs(row.normalisedBetweenness - exactNormalised(row.actor.id))).toBeLessThanOrEqual(sampling.errorBound);
      expect(Math.abs(row.betweenness - (exact.get(row.actor.id) as number))).toBeLessThanOrEqual(sampling.rawErrorBound);
    }
    // Everyone left out of the estimated top 100 is within the bound of the last one listed or below it.
    const listed = new Set(brokers.brokers.map((row) => row.actor.id));
    const last = brokers.brokers[99].normalisedBetweenness;
    for (const id of exact.keys()) if (!listed.has(id)) expect(exactNormalised(id)).toBeLessThanOrEqual(last + 2 * sampling.errorBound);
  }, 120000);

  it('ranks the exact top 20 in exact order wherever two of them are further apart than twice the bound', async () => {
    const { brokers } = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 100, betweenness: SAMPLED });
    const bound = (brokers.method.sampling as Sampling).errorBound;
    const rankOf = new Map(brokers.brokers.map((row) => [row.actor.id, row.rank]));
    const top = exactTop(20);
    let separated = 0;
    for (let i = 0; i < top.length; i += 1) {
      for (let j = i + 1; j < top.length; j += 1) {
        if (exactNormalised(top[i]) - exactNormalised(top[j]) <= 2 * bound) continue;
        separated += 1;
        expect(rankOf.get(top[i])).toBeLessThan(rankOf.get(top[j]) ?? Infinity);
      }
    }
    expect(separated).toBeGreaterThan(0);
  }, 120000);

  it('gives the same ranking for the same seed, computed afresh, and another sample for another seed', async () => {
    const first = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 30, betweenness: SAMPLED });
    api.analytics.cache.clear();
    const again = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 30, betweenness: SAMPLED });
    expect(again.brokers.method.cached).toBe(false);
    expect(again.brokers.brokers).toEqual(first.brokers.brokers);
    const other = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 30, betweenness: { ...SAMPLED, seed: 8 } });
    expect(other.brokers.brokers.map((row) => row.betweenness)).not.toEqual(first.brokers.brokers.map((row) => row.betweenness));
  }, 120000);

  it('AUTO samples a network above 2,000 actors with the defaults, and is exact below', async () => {
    const city = await api.ok<Brokers>(BROKERS, { scope: CITY, first: 5 });
    expect(city.brokers.method.sampling).toMatchObject({ epsilon: 0.005, delta: 0.1, seed: 42 });
    expect(city.brokers.method.nodeCount).toBe(6000);
    const small = await api.ok<Brokers>(BROKERS, { scope: { ...CITY, sectors: ['ACADEMIA'] }, first: 5 });
    expect(small.brokers.method.nodeCount).toBeLessThanOrEqual(2000);
    expect(small.brokers.method.sampling).toBeNull();
  }, 120000);

  it('refuses an ε, δ or seed out of range with BAD_USER_INPUT naming the argument', async () => {
    for (const [betweenness, field] of [
      [{ epsilon: 0.0001 }, 'betweenness.epsilon'],
      [{ delta: 1 }, 'betweenness.delta'],
      [{ seed: -1 }, 'betweenness.seed'],
    ] as const) {
      const result = await api.run(BROKERS, { scope: CITY, betweenness });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
    }
  });
});
