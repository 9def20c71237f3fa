import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_PRINCIPAL } from '../../src/auth/principal';
import { parseScope } from '../../src/analytics/scope';
import { createContext } from '../../src/context';
import { silentLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import { UnionWarmer } from '../../src/visualisation/unionWarmer';
import { loadNetwork, type NetworkRequest } from '../../src/visualisation/networkService';
import { malmoDataset } from '../../src/seed/malmoDataset';
import { loadDataset } from '../../src/seed/loadDataset';
import { useTestApi } from '../helpers/testApi';
import type { HttpTestServer } from './httpTestServer';
import { startExportsTestServer } from './exportsTestServer';

/**
 * The explorer's layout across graph versions (src/visualisation/layoutReuse.ts)
 * and its union in columns (GET /exports/network-union.json), on the Malmö seed.
 */
const api = useTestApi({ analyticsTimeoutMs: 110_000 });
let http: HttpTestServer;

const SCOPE = { areaId: 'area-rosengard', asOf: '2022-06-30' };

interface Positioned {
  id: string;
  x: number;
  y: number;
}

const UNION = `query($scope: AnalyticsScope) { network(scope: $scope, layout: FORCE_ATLAS2, overLayoutPeriod: true) {
  nodes { id label sector x y periods { start end } } edges { source target strength since until crossesSectors } } }`;

interface UnionData {
  network: {
    nodes: Array<Positioned & { label: string; sector: string; periods: Array<{ start: string | null; end: string | null }> }>;
    edges: Array<{ source: string; target: string; strength: number; since: string | null; until: string | null; crossesSectors: boolean }>;
  };
}

const union = () => api.ok<UnionData>(UNION, { scope: SCOPE }).then((data) => data.network);
const positions = async () => new Map((await union()).nodes.map((node) => [node.id, { x: node.x, y: node.y }]));
const distance = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
/** Mean distance between the places two layouts give the actors of the first. */
const meanShift = (a: Map<string, { x: number; y: number }>, b: Map<string, { x: number; y: number }>) =>
  [...a].reduce((sum, [id, at]) => sum + distance(at, b.get(id) as { x: number; y: number }), 0) / a.size;

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, malmoDataset());
  http = await startExportsTestServer(api);
});

afterAll(async () => {
  await http?.close();
});

describe('the layout across a write', () => {
  it('is cached per graph version, starts the next version from the last one, and lays out afresh once the cache is cleared', async () => {
    const before = await positions();
    expect(await positions()).toEqual(before);

    // A write: a new tie between two of the area's actors that were not tied.
    const ids = [...before.keys()].sort();
    const edges = (await union()).edges;
    const tied = new Set(edges.map((edge) => `${edge.source}|${edge.target}`));
    const [a, b] = ids.flatMap((x) => ids.filter((y) => x < y && !tied.has(`${x}|${y}`)).map((y) => [x, y]))[0];
    await api.ok(`mutation($a: ID!, $b: ID!) { addCollaboration(input: { actorId: $a, partnerId: $b, kind: KNOWLEDGE_EXCHANGE, since: "2022-01-01", source: "test" }) { id } }`, { a, b });

    const refined = await positions();
    expect([...refined.keys()].sort()).toEqual(ids);
    expect(refined).not.toEqual(before);
    // Cached for the new version: asked again, the same places.
    expect(await positions()).toEqual(refined);

    // An erasure clears the cache, the layout memory with it: the same version is laid out from the seeded start.
    api.analytics.forgetAll();
    const fresh = await positions();
    api.analytics.forgetAll();
    expect(await positions()).toEqual(fresh);
    expect(fresh).not.toEqual(refined);
    // The refined layout kept the actors nearer their places than a fresh one does.
    expect(meanShift(before, refined)).toBeLessThan(meanShift(before, fresh));
  });
});

describe('the union warmer', () => {
  it('computes a remembered union again after a write, and after a restart reuses the layout it kept on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-warmer-'));
    const serviceInfo = createServiceInfoProvider(api.db, 'test');
    const context = async () => createContext({ db: api.db, logger: silentLogger, serviceInfo, analytics: api.analytics, principal: SYSTEM_PRINCIPAL });
    const request: NetworkRequest = { scope: parseScope(SCOPE, new Date()), layout: 'FORCE_ATLAS2', layoutFrom: null, layoutTo: null, include: [], span: null, overLayoutPeriod: true };
    try {
      const warmer = new UnionWarmer({ context, logger: silentLogger, dir });
      warmer.remember(request);
      await warmer.tick();
      const kept = JSON.parse(fs.readFileSync(path.join(dir, 'layouts.json'), 'utf8')) as Array<{ positions: Array<[string, number, number]> }>;
      expect(kept.flatMap((layout) => layout.positions.map(([id]) => id)).sort()).toEqual([...(await positions()).keys()].sort());

      // A write: the next round computes the new version's union before anyone asks.
      const ids = [...(await positions()).keys()].sort();
      await api.ok(`mutation($a: ID!, $b: ID!) { addCollaboration(input: { actorId: $a, partnerId: $b, kind: CO_CREATION, since: "2022-02-01", source: "test" }) { id } }`, { a: ids[0], b: ids[ids.length - 1] });
      await warmer.tick();
      expect((await loadNetwork(await context(), request)).method.cached).toBe(true);
      const beforeRestart = await positions();

      // A restart: nothing cached, a new warmer on the same folder; the unchanged version's layout is the one kept.
      api.analytics.forgetAll();
      const restarted = new UnionWarmer({ context, logger: silentLogger, dir });
      await restarted.start();
      await restarted.idle();
      restarted.stop();
      expect((await loadNetwork(await context(), request)).method.cached).toBe(true);
      expect(await positions()).toEqual(beforeRestart);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the union warmer and a visitor', () => {
  it('leaves a union to the visitor for a while on the version it was asked on (the page asks for its layout), then lays it out, and after the next write', async () => {
    const serviceInfo = createServiceInfoProvider(api.db, 'test');
    const context = async () => createContext({ db: api.db, logger: silentLogger, serviceInfo, analytics: api.analytics, principal: SYSTEM_PRINCIPAL });
    // A scope no other test lays out.
    const scope = { areaId: 'area-malmo', asOf: '2019-06-30', minStrength: 2 };
    const request: NetworkRequest = { scope: parseScope(scope, new Date()), layout: 'FORCE_ATLAS2', layoutFrom: null, layoutTo: null, include: [], span: null, overLayoutPeriod: true };
    const provisional = async () => {
      const response = await fetch(http.url(`/exports/network-union.json?area=${scope.areaId}&asOf=${scope.asOf}&minStrength=2&provisional=1`), { headers: { 'x-test-role': 'ADMIN' } });
      return ((await response.json()) as { provisional?: boolean }).provisional === true;
    };
    expect(await provisional()).toBe(true);
    const warmer = new UnionWarmer({ context, logger: silentLogger, dir: null });
    warmer.remember(request, await api.analytics.graphVersion());
    await warmer.tick();
    expect(await provisional()).toBe(true);
    // Once the visitor's while is over (here at once), the warmer lays it out on the same version.
    const prompt = new UnionWarmer({ context, logger: silentLogger, dir: null, visitorGraceMs: 0 });
    prompt.remember(request, await api.analytics.graphVersion());
    await prompt.tick();
    expect(await provisional()).toBe(false);

    const ids = (await api.ok<{ actors: { nodes: Array<{ id: string }> } }>('{ actors(first: 2) { nodes { id } } }', {})).actors.nodes.map((actor) => actor.id);
    await api.ok(`mutation($a: ID!, $b: ID!) { addCollaboration(input: { actorId: $a, partnerId: $b, kind: FUNDING, strength: 3, since: "2018-02-01", source: "test" }) { id } }`, { a: ids[0], b: ids[1] });
    await warmer.tick();
    expect(await provisional()).toBe(false);
  });
});

describe('GET /exports/network-union.json', () => {
  it('holds the same nodes, places, periods and ties as network(overLayoutPeriod: true), ties by node position', async () => {
    const expected = await union();
    // As the API's default caller (ADMIN), who may see citizens' names: the labels follow the caller.
    const response = await fetch(http.url(`/exports/network-union.json?area=${SCOPE.areaId}&asOf=${SCOPE.asOf}`), { headers: { 'x-test-role': 'ADMIN' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const columns = (await response.json()) as {
      version: number;
      nodes: { id: string[]; label: string[]; sector: string[]; x: number[]; y: number[]; periods: Array<Array<string | null>> };
      edges: { source: number[]; target: number[]; strength: number[]; since: Array<string | null>; until: Array<string | null>; crossesSectors: number[] };
    };
    expect(columns.version).toBe(1);
    expect(columns.nodes.id).toEqual(expected.nodes.map((node) => node.id));
    expect(columns.nodes.label).toEqual(expected.nodes.map((node) => node.label));
    expect(columns.nodes.sector).toEqual(expected.nodes.map((node) => node.sector));
    expect(columns.nodes.x).toEqual(expected.nodes.map((node) => node.x));
    expect(columns.nodes.y).toEqual(expected.nodes.map((node) => node.y));
    expect(columns.nodes.periods).toEqual(expected.nodes.map((node) => node.periods.flatMap((period) => [period.start, period.end])));
    expect(columns.edges.source.length).toBeGreaterThan(0);
    expect(
      columns.edges.source.map((source, e) => ({
        source: columns.nodes.id[source],
        target: columns.nodes.id[columns.edges.target[e]],
        strength: columns.edges.strength[e],
        since: columns.edges.since[e],
        until: columns.edges.until[e],
        crossesSectors: columns.edges.crossesSectors[e] === 1,
      })),
    ).toEqual(expected.edges);
  });

  it('with provisional=1 answers a scope never laid out at once with the layout’s start, marked provisional; the layout then answers every request', async () => {
    // Malmö as a whole on this date: laid out by no other test of this file.
    const scope = { areaId: 'area-malmo', asOf: '2021-06-30' };
    const ask = async (provisional: boolean) => {
      const response = await fetch(http.url(`/exports/network-union.json?area=${scope.areaId}&asOf=${scope.asOf}${provisional ? '&provisional=1' : ''}`), { headers: { 'x-test-role': 'ADMIN' } });
      expect(response.status).toBe(200);
      return (await response.json()) as { provisional?: boolean; nodes: { id: string[]; label: string[]; x: number[]; y: number[] }; edges: { source: number[] } };
    };
    const first = await ask(true);
    expect(first.provisional).toBe(true);
    // Without the flag the route waits for the layout: the positions the field gives.
    const settled = await ask(false);
    expect(settled.provisional).toBeUndefined();
    const field = (await api.ok<UnionData>(UNION, { scope })).network;
    expect(settled.nodes.id).toEqual(field.nodes.map((node) => node.id));
    expect(settled.nodes.x).toEqual(field.nodes.map((node) => node.x));
    expect(settled.nodes.y).toEqual(field.nodes.map((node) => node.y));
    // The provisional union is the same network, at other (the start's) places.
    expect(first.nodes.id).toEqual(settled.nodes.id);
    expect(first.nodes.label).toEqual(settled.nodes.label);
    expect(first.edges.source).toEqual(settled.edges.source);
    expect(first.nodes.x.filter((x, i) => x !== settled.nodes.x[i]).length).toBeGreaterThan(first.nodes.x.length / 2);
    // Once laid out, the flag changes nothing.
    const again = await ask(true);
    expect(again.provisional).toBeUndefined();
    expect(again.nodes.x).toEqual(settled.nodes.x);

    // After a write (a new graph version, not laid out yet) the start is the refinement's: every actor where the last layout had it.
    const ids = [...settled.nodes.id].sort();
    await api.ok(`mutation($a: ID!, $b: ID!) { addCollaboration(input: { actorId: $a, partnerId: $b, kind: FUNDING, since: "2021-03-01", source: "test" }) { id } }`, { a: ids[0], b: ids[ids.length - 1] });
    const afterWrite = await ask(true);
    expect(afterWrite.provisional).toBe(true);
    expect(afterWrite.nodes.id).toEqual(settled.nodes.id);
    expect(afterWrite.nodes.x).toEqual(settled.nodes.x);
    expect(afterWrite.nodes.y).toEqual(settled.nodes.y);
    const refined = await ask(false);
    expect(refined.provisional).toBeUndefined();
    expect(refined.nodes.x).toEqual((await api.ok<UnionData>(UNION, { scope })).network.nodes.map((node) => node.x));
  });

  it('refuses provisional values other than 0 and 1 with BAD_USER_INPUT', async () => {
    const response = await fetch(http.url(`/exports/network-union.json?area=${SCOPE.areaId}&provisional=yes`), { headers: { 'x-test-role': 'ADMIN' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('provisional');
  });

  it('refuses a VIEWER with FORBIDDEN and an unknown area with NOT_FOUND', async () => {
    const viewer = await fetch(http.url(`/exports/network-union.json?area=${SCOPE.areaId}`), { headers: { 'x-test-role': 'VIEWER' } });
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await fetch(http.url('/exports/network-union.json?area=area-nowhere'));
    expect(((await unknown.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
