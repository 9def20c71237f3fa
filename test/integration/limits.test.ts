import { codesOf, createTestApi, useTestApi, type TestApi } from '../helpers/testApi';
import { createAnalyticsCity } from '../helpers/analyticsFixtures';
import { generateCity } from '../../src/seed/generateCity';
import { loadDataset } from '../../src/seed/loadDataset';
import { DEFAULT_LIMITS } from '../../src/config';
import type { Scope } from '../../src/analytics/scope';

const api = useTestApi();

const ACTOR_SEARCH = `query($search: String!) { actors(filter: { search: $search }) { nodes { id } } }`;
const INITIATIVE_SEARCH = `query($search: String!) { initiatives(filter: { search: $search }) { nodes { id } } }`;

describe('name search is bounded before Lucene', () => {
  beforeAll(async () => {
    await api.wipe();
    await api.ok(`mutation { createActor(input: { id: "c-plus", kind: COMPANY, name: "C++ Konsult (Malmö)" }) { id } }`);
  });

  it.each([
    ['a 1,001-character word', 'a'.repeat(1001)],
    ['201 characters of short words', 'ab '.repeat(67)],
    ['a 51-character word', 'b'.repeat(51)],
    ['25 words', Array.from({ length: 25 }, (_, i) => `w${i}`).join(' ')],
    ['only special characters', '*** ??? --- ((( ))) \\\\ "" ~~'],
  ])('%s is BAD_USER_INPUT naming filter.search, for actors and initiatives', async (_label, search) => {
    for (const query of [ACTOR_SEARCH, INITIATIVE_SEARCH]) {
      const result = await api.run(query, { search });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('filter.search');
      expect(result.errors?.[0].message).not.toContain(search.slice(0, 30));
    }
  });

  it('the largest allowed search reaches the index and answers', async () => {
    const longest = Array.from({ length: 4 }, () => 'c'.repeat(49)).join(' ');
    expect(longest.length).toBeLessThanOrEqual(200);
    for (const query of [ACTOR_SEARCH, INITIATIVE_SEARCH]) expect(await api.ok(query, { search: longest })).toBeDefined();
  });

  it('a word of only special characters is left out, and the rest still finds the name', async () => {
    const data = await api.ok<{ actors: { nodes: Array<{ id: string }> } }>(ACTOR_SEARCH, { search: 'Konsult (( ** Malm' });
    expect(data.actors.nodes).toEqual([{ id: 'c-plus' }]);
  });
});

describe('operation limits through the API', () => {
  it('refuses an alias bomb of brokers before running any of it', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `b${i}: brokers(scope: { asOf: "2020-01-${String((i % 28) + 1).padStart(2, '0')}" }) { brokers { rank } }`);
    const result = await api.run(`{ ${aliases.join(' ')} }`);
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.queries).toEqual([]);
    expect(api.analytics.heavyLoad.started).toBe(0);
  });

  it('refuses a depth bomb (initiatives → participants → actor → initiatives …, 12 deep)', async () => {
    let selection = 'id';
    for (let i = 0; i < 2; i++) selection = `initiatives { initiative { participants { actor { ${selection} } } } }`;
    const result = await api.run(`{ initiatives { nodes { participants { actor { ${selection} } } } } }`);
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors?.[0].message).toContain(String(DEFAULT_LIMITS.maxDepth));
    expect(result.queries).toEqual([]);
  });

  it('refuses a 100 KB document', async () => {
    const result = await api.run(`{ serviceInfo { version } } # ${'x'.repeat(100 * 1024)}`);
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('the per-request row budget', () => {
  const DEPTH_FOUR = `{ initiatives(first: 100) { nodes { id participants { actor { id initiatives { initiative { id } } } } } } }`;
  const BUDGET = 100;
  interface DepthFour {
    initiatives: { nodes: Array<{ participants: Array<{ actor: { initiatives: unknown[] } }> }> };
  }
  let small: TestApi;

  beforeAll(async () => {
    await api.wipe();
    await loadDataset(api.db, generateCity({ actors: 1000, seed: 7 }));
    small = await createTestApi({ maxRowsPerRequest: BUDGET });
  });
  afterAll(async () => {
    await small.close();
    await api.wipe();
  });

  it('answers the depth-4 query within the default budget', async () => {
    const data = await api.ok<DepthFour>(DEPTH_FOUR);
    const nodes = data.initiatives.nodes;
    const participations = nodes.flatMap((node) => node.participants);
    const records = nodes.length + 2 * participations.length + participations.reduce((sum, participation) => sum + participation.actor.initiatives.length, 0);
    // The records the answer holds: more than the small budget allows.
    expect(records).toBeGreaterThan(BUDGET);
  });

  it('stops it with RESULT_TOO_LARGE past a small budget, saying how to narrow it', async () => {
    const result = await small.run(DEPTH_FOUR);
    expect(codesOf(result)).toContain('RESULT_TOO_LARGE');
    expect(new Set(codesOf(result))).toEqual(new Set(['RESULT_TOO_LARGE']));
    expect(result.errors?.[0].message).toMatch(/more than 100 records; paginate with first\/after or narrow the filter/);
    expect(result.errors?.[0].extensions?.maxRows).toBe(BUDGET);
  });

  it('lets a small query through the same small budget', async () => {
    const data = await small.ok<{ initiatives: { nodes: unknown[] } }>(`{ initiatives(first: 2) { nodes { id } } }`);
    expect(data.initiatives.nodes).toHaveLength(2);
  });
});

describe('heavy analytics are bounded', () => {
  const BROKERS = `query($scope: AnalyticsScope) { brokers(scope: $scope) { brokers { actor { id } rank } method { asOf cached } } }`;
  const asOf = (day: number) => `2020-06-${String(day).padStart(2, '0')}`;

  let bounded: TestApi;
  beforeAll(async () => {
    await api.wipe();
    await createAnalyticsCity(api);
    bounded = await createTestApi({ analyticsConcurrency: 2 });
  });
  afterAll(async () => {
    await bounded.close();
  });

  it('never runs more than the bound at once, and answers every request', async () => {
    const before = bounded.analytics.heavyLoad.started;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => bounded.run(BROKERS, { scope: { asOf: asOf(i + 1) } })));
    for (const result of results) expect(result.errors).toBeUndefined();
    const load = bounded.analytics.heavyLoad;
    expect(load.started - before).toBe(6);
    expect(load.peakRunning).toBeLessThanOrEqual(2);
    expect(load.running).toBe(0);
    expect(load.waiting).toBe(0);
  });

  it('computes identical concurrent requests once', async () => {
    const before = bounded.analytics.heavyLoad.started;
    const results = await Promise.all(Array.from({ length: 6 }, () => bounded.run(BROKERS, { scope: { asOf: '2020-07-15' } })));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(bounded.analytics.heavyLoad.started - before).toBe(1);
    const answers = results.map((result) => JSON.stringify((result.data as { brokers: { brokers: unknown } }).brokers.brokers));
    expect(new Set(answers).size).toBe(1);
  });

  it('answers ANALYTICS_BUSY to a request that cannot start within the timeout, and frees the slot when the work ends', async () => {
    const tight = await createTestApi({ analyticsConcurrency: 1, analyticsTimeoutMs: 300 });
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const scope: Scope = { areaId: null, asOf: '2020-06-01', kinds: null, sectors: null, minStrength: 1, membership: 'WITHIN' };
      // Holds the only slot until released: the test decides when it ends, not a clock.
      const holder = tight.analytics
        .analyse('slotHolder', scope, null, async () => {
          await gate;
          return { result: {}, method: { algorithm: 'none', counting: 'none', nodeCount: 0, tieCount: 0 } };
        })
        .catch((error: { extensions?: { code?: string } }) => error.extensions?.code);
      while (tight.analytics.heavyLoad.running < 1) await new Promise((resolve) => setImmediate(resolve));
      const busy = await tight.run(BROKERS, { scope: { asOf: '2020-08-01' } });
      expect(codesOf(busy)).toEqual(['ANALYTICS_BUSY']);
      expect(busy.errors?.[0].message).toMatch(/retry/i);
      expect(tight.analytics.heavyLoad.started).toBe(1);
      release();
      expect(await holder).toBe('ANALYTICS_TIMEOUT');
      // The slot is free again: a (cheap) analysis starts and finishes.
      const after = await tight.analytics.analyse('afterwards', scope, null, async () => ({ result: { ran: true }, method: { algorithm: 'none', counting: 'none', nodeCount: 0, tieCount: 0 } }));
      expect(after.ran).toBe(true);
    } finally {
      await tight.close();
    }
  });
});
